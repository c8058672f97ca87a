from django.urls import path

from . import views

app_name = "attachments"

urlpatterns = [
    path("<int:pk>/miniature/", views.thumbnail, name="thumbnail"),
    path("<int:pk>/fjern/", views.remove, name="remove"),
    path("<int:pk>/<str:name>", views.download, name="download"),
]
