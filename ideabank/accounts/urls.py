from django.urls import path

from . import views, views_privacy

app_name = "accounts"

urlpatterns = [
    path("log-ind/", views.LoginView.as_view(), name="login"),
    path("log-ud/", views.LogoutView.as_view(), name="logout"),
    path("opret/", views.SignupView.as_view(), name="signup"),
    path("opret/sendt/", views.SignupSentView.as_view(), name="signup_sent"),
    path("opret/bekraeft/<uidb64>/<token>/", views.ActivateView.as_view(), name="activate"),
    path("profil/", views.ProfileView.as_view(), name="profile"),
    path("profil/noegler/", views.TokenCreateView.as_view(), name="token_create"),
    path("profil/noegler/<id:pk>/slet/", views.TokenRevokeView.as_view(), name="token_revoke"),
    path("profil/mine-data/", views_privacy.ExportView.as_view(), name="export"),
    path("profil/slet-konto/", views_privacy.DeleteAccountView.as_view(), name="delete_account"),
    path("profil/log-ud-alle-steder/", views_privacy.LogoutEverywhereView.as_view(), name="logout_everywhere"),
    path("adgangskode/", views.PasswordChangeView.as_view(), name="password_change"),
    path("adgangskode/nulstil/", views.PasswordResetView.as_view(), name="password_reset"),
    path("adgangskode/nulstil/sendt/", views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "adgangskode/nulstil/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
]
