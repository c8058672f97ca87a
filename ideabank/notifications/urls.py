from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("", views.notification_list, name="list"),
    path("seneste/", views.latest, name="latest"),
    path("laest/", views.mark_read, name="mark_read"),
    path("indstillinger/", views.preferences, name="preferences"),
    path("afmeld/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
