from django.urls import path

from . import views

app_name = "spread"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("metoder/<id:method_id>/tag-i-brug/", views.register_method, name="register_method"),
    path("ideer/<id:idea_id>/tag-i-brug/", views.register_idea, name="register_idea"),
    path("ibrugtagninger/<id:pk>/", views.adoption_detail, name="adoption"),
    path("ibrugtagninger/<id:pk>/status/", views.change_status, name="change_status"),
    path("ibrugtagninger/<id:pk>/resultater/ny/", views.report_outcome, name="report_outcome"),
    path("organisationer/<slug:slug>/", views.organisation, name="organisation"),
]
