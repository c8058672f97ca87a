from django.urls import path

from . import views

app_name = "spread"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("metoder/<int:method_id>/tag-i-brug/", views.register_method, name="register_method"),
    path("ideer/<int:idea_id>/tag-i-brug/", views.register_idea, name="register_idea"),
    path("ibrugtagninger/<int:pk>/", views.adoption_detail, name="adoption"),
    path("ibrugtagninger/<int:pk>/status/", views.change_status, name="change_status"),
    path("ibrugtagninger/<int:pk>/resultater/ny/", views.report_outcome, name="report_outcome"),
    path("organisationer/<slug:slug>/", views.organisation, name="organisation"),
]
