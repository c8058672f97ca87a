from django.urls import path

from . import views

app_name = "sso"

urlpatterns = [
    path("", views.ChooseView.as_view(), name="choose"),
    path("retur/", views.CallbackView.as_view(), name="callback"),
    path("start/<slug:slug>/", views.StartView.as_view(), name="start"),
]
