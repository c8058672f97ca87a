from django.urls import path

from . import views

app_name = "mfa"

urlpatterns = [
    path("opsaet/", views.SetupView.as_view(), name="setup"),
    path("bekraeft/", views.VerifyView.as_view(), name="verify"),
    path("gendannelseskoder/", views.RecoveryCodesView.as_view(), name="recovery_codes"),
    path("slaa-fra/", views.DisableView.as_view(), name="disable"),
]
