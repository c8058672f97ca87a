"""ASGI entry point: HTTP goes to Django, WebSockets to Channels (session-authenticated, origin-checked)."""

import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ideabank.settings.dev")
django.setup(set_prefix=False)

from ideabank.ops.asgi_handler import SynchronousStackHandler  # noqa: E402

django_asgi_app = SynchronousStackHandler()

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402

from ideabank.live.routing import websocket_urlpatterns  # noqa: E402

application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        "websocket": AllowedHostsOriginValidator(AuthMiddlewareStack(URLRouter(websocket_urlpatterns))),
    }
)
