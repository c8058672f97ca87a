"""WebSocket routes under /ws/."""

from django.urls import path, re_path

from ideabank.live.consumers import IdeaConsumer, NotificationConsumer, UnknownPathConsumer

websocket_urlpatterns = [
    path("ws/ideas/<id:idea_id>/", IdeaConsumer.as_asgi()),
    path("ws/notifications/", NotificationConsumer.as_asgi()),
    re_path(r"", UnknownPathConsumer.as_asgi()),
]
