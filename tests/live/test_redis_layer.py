"""With REDIS_URL set, an event raised in another OS process reaches a WebSocket client connected here."""

import os
import subprocess
import sys

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.conf import settings

from ideabank.asgi import application
from tests.factories import IdeaFactory

pytestmark = [
    pytest.mark.asyncio,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(not settings.REDIS_URL, reason="needs REDIS_URL (the Redis channel layer)"),
]

# Runs in a separate interpreter: the app's own publishing code, with the same settings, but no shared memory.
PUBLISHER = """
import sys
import django
django.setup()
from ideabank.live.publish import _send
idea_id = int(sys.argv[1])
_send(idea_id, {"type": "vote.changed", "idea": idea_id, "votes": 42})
"""


async def test_event_from_another_process_reaches_client():
    assert settings.CHANNEL_LAYERS["default"]["BACKEND"] == "channels_redis.core.RedisChannelLayer"
    idea = await database_sync_to_async(IdeaFactory)()
    communicator = WebsocketCommunicator(
        application, f"/ws/ideas/{idea.pk}/", headers=[(b"origin", b"http://testserver")]
    )
    accepted, _code = await communicator.connect()
    assert accepted

    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "ideabank.settings.test"}
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", PUBLISHER, str(idea.pk)],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr

    event = await communicator.receive_json_from(timeout=5)
    assert event == {"type": "vote.changed", "idea": idea.pk, "votes": 42}
    await communicator.disconnect()


NOTIFIER = """
import sys
import django
django.setup()
from ideabank.live.publish import send_to_user
send_to_user(int(sys.argv[1]), {"type": "notification.unread", "unread": 7})
"""


async def test_a_notification_from_another_process_reaches_only_its_user():
    from django.test import Client

    from tests.factories import UserFactory

    @database_sync_to_async
    def session_cookie():
        user = UserFactory()
        client = Client()
        client.force_login(user)
        return user, f"sessionid={client.cookies['sessionid'].value}".encode()

    user, cookie = await session_cookie()
    _other, other_cookie = await session_cookie()
    sockets = []
    for each in (cookie, other_cookie):
        communicator = WebsocketCommunicator(
            application, "/ws/notifications/", headers=[(b"origin", b"http://testserver"), (b"cookie", each)]
        )
        accepted, _code = await communicator.connect()
        assert accepted
        await communicator.receive_json_from(timeout=5)  # the greeting with the current count
        sockets.append(communicator)

    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "ideabank.settings.test"}
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", NOTIFIER, str(user.pk)],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr

    mine, theirs = sockets
    assert await mine.receive_json_from(timeout=5) == {"type": "notification.unread", "unread": 7}
    assert await theirs.receive_nothing(timeout=0.5)
    for communicator in sockets:
        await communicator.disconnect()
