"""WebSocket routes under /ws/."""

from django.urls import path

from ideabank.live.consumers import IdeaConsumer, NotificationConsumer

websocket_urlpatterns = [
    path("ws/ideas/<int:idea_id>/", IdeaConsumer.as_asgi()),
    path("ws/notifications/", NotificationConsumer.as_asgi()),
]
