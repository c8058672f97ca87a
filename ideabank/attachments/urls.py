from django.urls import path

from . import views

app_name = "attachments"

urlpatterns = [
    path("<id:pk>/miniature/", views.thumbnail, name="thumbnail"),
    path("<id:pk>/fjern/", views.remove, name="remove"),
    path("<id:pk>/<str:name>", views.download, name="download"),
]
