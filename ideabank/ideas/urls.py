from django.urls import path

from . import views

app_name = "ideas"

urlpatterns = [
    path("", views.idea_list, name="list"),
    path("ny/", views.idea_create, name="create"),
    path("foelg/", views.follow, name="follow"),
    path("<int:pk>/", views.idea_detail, name="detail"),
    path("<int:pk>/ret/", views.idea_edit, name="edit"),
    path("<int:pk>/stem/", views.vote, name="vote"),
    path("<int:pk>/stoet/", views.support_instead, name="support"),
    path("<int:pk>/kommentarer/", views.comment_create, name="comment_create"),
    path("<int:pk>/anmeld/", views.report_idea, name="report"),
    path("<int:pk>/afproevet/", views.tried, name="tried"),
    path("kommentarer/<int:pk>/ret/", views.comment_edit, name="comment_edit"),
    path("kommentarer/<int:pk>/slet/", views.comment_delete, name="comment_delete"),
    path("kommentarer/<int:pk>/anmeld/", views.report_comment, name="comment_report"),
]
