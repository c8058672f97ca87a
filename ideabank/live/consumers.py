"""WebSocket consumers. Watching is read-only: clients never send anything the server acts on."""

import json
from importlib import import_module

from channels.auth import get_user
from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.conf import settings

from ideabank.live.publish import idea_group, user_group

MAX_MESSAGE_BYTES = 4096
CLOSE_NOT_FOUND = 4404
CLOSE_BAD_INPUT = 4400
CLOSE_UNAUTHORISED = 4401
# The only thing a client may send: a keep-alive that some proxies need to hold the connection open.
CLIENT_TYPES = {"ping"}


@database_sync_to_async
def _is_published(idea_id):
    from ideabank.ideas.models import Idea

    return Idea.objects.filter(pk=idea_id, status=Idea.Status.PUBLISHED).exists()


@database_sync_to_async
def _unread_event(user_id):
    from ideabank.notifications.services import unread_counts, unread_event

    return unread_event(unread_counts([user_id]).get(user_id, 0))


async def _signed_in_as(session_key, user_id):
    """Whether the session behind a socket still belongs to that user (not logged out, password unchanged)."""
    if not session_key:
        return False
    store = import_module(settings.SESSION_ENGINE).SessionStore(session_key)
    user = await get_user({"session": store})
    return user.is_authenticated and user.is_active and user.pk == user_id


class UnknownPathConsumer(AsyncJsonWebsocketConsumer):
    """Any other path under the WebSocket router: refused at the handshake (403), not left to a 500."""

    async def connect(self):
        await self.close()


class ListeningConsumer(AsyncJsonWebsocketConsumer):
    """A socket that only listens to one group; anything a client sends except a ping closes that client."""

    group = None

    async def join(self, group):
        self.group = group
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()

    async def leave(self, code):
        if self.group:
            await self.channel_layer.group_discard(self.group, self.channel_name)
            self.group = None
        await self.close(code=code)

    async def disconnect(self, code):
        if self.group:
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive(self, text_data=None, bytes_data=None, **kwargs):
        # Checked before parsing so an oversized frame costs nothing to decode.
        size = len(text_data.encode()) if text_data is not None else len(bytes_data or b"")
        if text_data is None or size > MAX_MESSAGE_BYTES:
            await self.leave(CLOSE_BAD_INPUT)
            return
        try:
            content = json.loads(text_data)
        except ValueError:
            await self.leave(CLOSE_BAD_INPUT)
            return
        if not isinstance(content, dict) or content.get("type") not in CLIENT_TYPES:
            await self.leave(CLOSE_BAD_INPUT)
            return
        await self.send_json({"type": "pong"})


class IdeaConsumer(ListeningConsumer):
    """Anyone may watch a published idea; every other idea looks as if it did not exist."""

    async def connect(self):
        idea_id = self.scope["url_route"]["kwargs"]["idea_id"]
        if not await _is_published(idea_id):
            await self.close(code=CLOSE_NOT_FOUND)
            return
        await self.join(idea_group(idea_id))

    async def idea_event(self, message):
        await self.send_json(message["event"])


class NotificationConsumer(ListeningConsumer):
    """The signed-in user's own notifications: the group is chosen from the session, never from the client."""

    user_id = None
    session_key = None

    async def connect(self):
        user = self.scope.get("user")
        if user is None or not user.is_authenticated or not user.is_active:
            await self.close(code=CLOSE_UNAUTHORISED)
            return
        self.user_id = user.pk
        self.session_key = self.scope["session"].session_key
        await self.join(user_group(user.pk))
        # The page's count may be stale after a reconnect (or a page restored from the back-forward cache).
        await self.send_json(await _unread_event(user.pk))

    async def user_event(self, message):
        # A socket opened before logging out (say, a forgotten tab on a shared computer) must not keep
        # receiving that person's notifications; one session lookup per event is cheap at this volume.
        if not await _signed_in_as(self.session_key, self.user_id):
            await self.leave(CLOSE_UNAUTHORISED)
            return
        await self.send_json(message["event"])
