from django.urls import path

from . import views

app_name = "ideas"

urlpatterns = [
    path("", views.idea_list, name="list"),
    path("ny/", views.idea_create, name="create"),
    path("foelg/", views.follow, name="follow"),
    path("<id:pk>/", views.idea_detail, name="detail"),
    path("<id:pk>/ret/", views.idea_edit, name="edit"),
    path("<id:pk>/stem/", views.vote, name="vote"),
    path("<id:pk>/stoet/", views.support_instead, name="support"),
    path("<id:pk>/kommentarer/", views.comment_create, name="comment_create"),
    path("<id:pk>/anmeld/", views.report_idea, name="report"),
    path("<id:pk>/afproevet/", views.tried, name="tried"),
    path("kommentarer/<id:pk>/ret/", views.comment_edit, name="comment_edit"),
    path("kommentarer/<id:pk>/slet/", views.comment_delete, name="comment_delete"),
    path("kommentarer/<id:pk>/anmeld/", views.report_comment, name="comment_report"),
]
