from django.urls import path

from . import encounter_views, views

app_name = "spread"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("metoder/<id:method_id>/tag-i-brug/", views.register_method, name="register_method"),
    path("ideer/<id:idea_id>/tag-i-brug/", views.register_idea, name="register_idea"),
    path("ibrugtagninger/<id:pk>/", views.adoption_detail, name="adoption"),
    path("ibrugtagninger/<id:pk>/status/", views.change_status, name="change_status"),
    path("ibrugtagninger/<id:pk>/resultater/ny/", views.report_outcome, name="report_outcome"),
    path("organisationer/<slug:slug>/", views.organisation, name="organisation"),
    path("mine-metoder/", encounter_views.my_methods, name="my_methods"),
    path("ibrugtagninger/<id:pk>/moeder/", encounter_views.register, name="encounters"),
    path("ibrugtagninger/<id:pk>/borgerkode/", encounter_views.create_code, name="create_citizen_code"),
    path("borgerkoder/<str:code>/", encounter_views.show_code, name="citizen_code"),
    path("borgerkoder/<str:code>/qr.svg", encounter_views.code_qr, name="citizen_code_qr"),
]
