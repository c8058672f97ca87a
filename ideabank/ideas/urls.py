from django.urls import path

from . import views, views_actions

app_name = "ideas"

urlpatterns = [
    path("", views.idea_list, name="list"),
    path("ny/", views_actions.idea_create, name="create"),
    path("foelg/", views_actions.follow, name="follow"),
    path("<id:pk>/", views.idea_detail, name="detail"),
    path("<id:pk>/ret/", views_actions.idea_edit, name="edit"),
    path("<id:pk>/stem/", views_actions.vote, name="vote"),
    path("<id:pk>/stoet/", views_actions.support_instead, name="support"),
    path("<id:pk>/kommentarer/", views_actions.comment_create, name="comment_create"),
    path("<id:pk>/anmeld/", views_actions.report_idea, name="report"),
    path("<id:pk>/afproevet/", views_actions.tried, name="tried"),
    path("kommentarer/<id:pk>/ret/", views_actions.comment_edit, name="comment_edit"),
    path("kommentarer/<id:pk>/slet/", views_actions.comment_delete, name="comment_delete"),
    path("kommentarer/<id:pk>/anmeld/", views_actions.report_comment, name="comment_report"),
]
