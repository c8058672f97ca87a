"""/ws/notifications/: login required, one private group per user, live bell events after commit, bad input."""

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.test import Client

from ideabank.asgi import application
from ideabank.ideas import services as ideas
from ideabank.notifications import services
from ideabank.notifications.models import Verb
from tests.factories import IdeaFactory, UserFactory

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

URL = "/ws/notifications/"
ORIGIN = (b"origin", b"http://testserver")


@database_sync_to_async
def make_user(**kwargs):
    return UserFactory(**kwargs)


@database_sync_to_async
def log_in(user):
    """A real session for `user`, as the browser's cookie would carry it."""
    client = Client()
    client.force_login(user)
    return client


def socket(client=None, origin=ORIGIN):
    headers = [origin]
    if client is not None:
        headers.append((b"cookie", f"sessionid={client.cookies['sessionid'].value}".encode()))
    return WebsocketCommunicator(application, URL, headers=headers)


async def listening(user):
    """A connected socket for `user`, past the unread count it is greeted with."""
    client = await log_in(user)
    communicator = socket(client)
    accepted, _code = await communicator.connect()
    assert accepted
    greeting = await communicator.receive_json_from(timeout=5)
    assert greeting["type"] == "notification.unread"
    return communicator, client


notify = database_sync_to_async(services.notify)


async def test_a_logged_out_visitor_is_refused():
    communicator = socket()
    accepted, code = await communicator.connect()
    assert (accepted, code) == (False, 4401)


async def test_a_deactivated_users_session_is_refused():
    user = await make_user()
    client = await log_in(user)
    user.is_active = False
    await database_sync_to_async(user.save)()

    accepted, _code = await socket(client).connect()

    assert not accepted


async def test_a_foreign_origin_is_refused_even_when_logged_in():
    user = await make_user()
    client = await log_in(user)
    accepted, _code = await socket(client, origin=(b"origin", b"https://evil.example")).connect()
    assert not accepted


async def test_the_greeting_carries_the_current_unread_count():
    user = await make_user()
    await notify(user, Verb.IDEA_HIDDEN)
    await notify(user, Verb.IDEA_HIDDEN)
    communicator = socket(await log_in(user))
    await communicator.connect()

    assert await communicator.receive_json_from(timeout=5) == {"type": "notification.unread", "unread": 2}
    await communicator.disconnect()


async def test_a_comment_on_my_idea_reaches_my_bell_and_nobody_elses():
    author = await make_user(language="da")
    commenter = await make_user()
    bystander = await make_user()
    idea = await database_sync_to_async(IdeaFactory)(author=author, title="Gåtur med unge")
    mine, _ = await listening(author)
    theirs, _ = await listening(commenter)
    others, _ = await listening(bystander)

    comment = await database_sync_to_async(ideas.add_comment)(commenter, idea, "Det prøver vi også.")

    event = await mine.receive_json_from(timeout=5)
    assert event["type"] == "notification.created"
    assert event["unread"] == 1
    notification = event["notification"]
    assert notification["text"] == f"{commenter.display_name} har kommenteret din idé »Gåtur med unge«"
    assert notification["url"] == f"/ideer/{idea.pk}/#comment-{comment.pk}"
    assert set(notification) == {"id", "text", "url", "created"}
    assert await theirs.receive_nothing()
    assert await others.receive_nothing()
    for communicator in (mine, theirs, others):
        await communicator.disconnect()


async def test_every_open_page_of_the_user_hears_it():
    user = await make_user()
    first, _ = await listening(user)
    second, _ = await listening(user)

    await notify(user, Verb.IDEA_HIDDEN)

    assert (await first.receive_json_from(timeout=5))["unread"] == 1
    assert (await second.receive_json_from(timeout=5))["unread"] == 1
    await first.disconnect()
    await second.disconnect()


async def test_reading_updates_the_count_on_every_page():
    user = await make_user()
    other = await make_user()
    notifications = [await notify(user, Verb.IDEA_HIDDEN) for _ in range(3)]
    await notify(other, Verb.IDEA_HIDDEN)
    mine, client = await listening(user)
    theirs, _ = await listening(other)

    await database_sync_to_async(services.mark_read)(user, [notifications[0].pk])
    assert await mine.receive_json_from(timeout=5) == {"type": "notification.unread", "unread": 2}
    # Through the page's own form, as the browser would do it.
    await database_sync_to_async(client.post)("/notifikationer/laest/")
    assert await mine.receive_json_from(timeout=5) == {"type": "notification.unread", "unread": 0}
    assert await theirs.receive_nothing()
    await mine.disconnect()
    await theirs.disconnect()


async def test_reading_nothing_new_sends_nothing():
    user = await make_user()
    mine, _ = await listening(user)

    await database_sync_to_async(services.mark_read)(user)

    assert await mine.receive_nothing()
    await mine.disconnect()


async def test_the_text_is_in_the_recipients_language():
    user = await make_user(language="en")
    mine, _ = await listening(user)

    await notify(user, Verb.IDEA_MERGED, idea=await database_sync_to_async(IdeaFactory)(title="Madklub"))

    event = await mine.receive_json_from(timeout=5)
    # The English catalogue may lag behind new Danish strings; the sentence must at least not be the Danish one.
    assert event["notification"]["text"] != "Din idé er lagt sammen med »Madklub«"
    await mine.disconnect()


async def test_a_rolled_back_notification_is_never_sent():
    user = await make_user()
    mine, _ = await listening(user)

    @database_sync_to_async
    def notify_then_fail():
        from django.db import transaction

        with pytest.raises(RuntimeError), transaction.atomic():
            services.notify(user, Verb.IDEA_HIDDEN)
            raise RuntimeError

    await notify_then_fail()

    assert await mine.receive_nothing()
    await mine.disconnect()


async def test_after_logging_out_an_open_socket_hears_nothing_more():
    user = await make_user()
    mine, client = await listening(user)

    await database_sync_to_async(client.post)("/konto/log-ud/")
    await notify(user, Verb.IDEA_HIDDEN)

    assert await mine.receive_output(timeout=5) == {"type": "websocket.close", "code": 4401}


@pytest.mark.parametrize(
    "message",
    [
        {"text_data": "not json {"},
        {"text_data": '{"type": "ping", "pad": "' + "x" * 5000 + '"}'},
        {"text_data": '{"type": "notification.read"}'},
        {"text_data": '"ping"'},
        {"bytes_data": b"\x00\x01"},
    ],
    ids=["garbage", "oversized", "unknown", "not-an-object", "binary"],
)
async def test_bad_input_closes_only_that_client(message):
    user = await make_user()
    bad, _ = await listening(user)
    good, _ = await listening(user)

    await bad.send_to(**message)
    assert await bad.receive_output(timeout=5) == {"type": "websocket.close", "code": 4400}

    await notify(user, Verb.IDEA_HIDDEN)
    assert (await good.receive_json_from(timeout=5))["type"] == "notification.created"
    await good.disconnect()


async def test_ping_is_answered():
    user = await make_user()
    mine, _ = await listening(user)
    await mine.send_json_to({"type": "ping"})
    assert await mine.receive_json_from(timeout=5) == {"type": "pong"}
    await mine.disconnect()
