"""WebSocket consumers. Watching is read-only: clients never send anything the server acts on."""

import json

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from ideabank.live.publish import idea_group

MAX_MESSAGE_BYTES = 4096
CLOSE_NOT_FOUND = 4404
CLOSE_BAD_INPUT = 4400
# The only thing a client may send: a keep-alive that some proxies need to hold the connection open.
CLIENT_TYPES = {"ping"}


@database_sync_to_async
def _is_published(idea_id):
    from ideabank.ideas.models import Idea

    return Idea.objects.filter(pk=idea_id, status=Idea.Status.PUBLISHED).exists()


class IdeaConsumer(AsyncJsonWebsocketConsumer):
    """Anyone may watch a published idea; every other idea looks as if it did not exist."""

    group = None

    async def connect(self):
        idea_id = self.scope["url_route"]["kwargs"]["idea_id"]
        if not await _is_published(idea_id):
            await self.close(code=CLOSE_NOT_FOUND)
            return
        self.group = idea_group(idea_id)
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()

    async def disconnect(self, code):
        if self.group:
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive(self, text_data=None, bytes_data=None, **kwargs):
        # Checked before parsing so an oversized frame costs nothing to decode.
        size = len(text_data.encode()) if text_data is not None else len(bytes_data or b"")
        if text_data is None or size > MAX_MESSAGE_BYTES:
            await self.close(code=CLOSE_BAD_INPUT)
            return
        try:
            content = json.loads(text_data)
        except ValueError:
            await self.close(code=CLOSE_BAD_INPUT)
            return
        if not isinstance(content, dict) or content.get("type") not in CLIENT_TYPES:
            await self.close(code=CLOSE_BAD_INPUT)
            return
        await self.send_json({"type": "pong"})

    async def idea_event(self, message):
        await self.send_json(message["event"])
