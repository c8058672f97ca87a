"""WebSocket routes under /ws/. The consumers arrive with the live-updates work."""

websocket_urlpatterns = []
