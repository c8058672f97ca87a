import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator

from ideabank.asgi import application
from ideabank.ideas import services
from tests.factories import IdeaFactory, UserFactory

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

ORIGIN = [(b"origin", b"http://testserver")]


def watch(idea_id, origin=ORIGIN):
    return WebsocketCommunicator(application, f"/ws/ideas/{idea_id}/", headers=origin)


@database_sync_to_async
def make_idea(**kwargs):
    return IdeaFactory(**kwargs)


@database_sync_to_async
def make_user():
    return UserFactory()


async def connected(idea_id):
    communicator = watch(idea_id)
    accepted, _code = await communicator.connect()
    assert accepted
    return communicator


async def test_watcher_receives_vote_changed():
    idea = await make_idea()
    voter = await make_user()
    communicator = await connected(idea.pk)

    await database_sync_to_async(services.cast_vote)(voter, idea)

    event = await communicator.receive_json_from()
    assert event["type"] == "vote.changed"
    assert event["idea"] == idea.pk
    assert event["votes"] == 1
    await communicator.disconnect()


async def test_vote_withdrawn_sends_new_count():
    idea = await make_idea()
    voter = await make_user()
    await database_sync_to_async(services.cast_vote)(voter, idea)
    communicator = await connected(idea.pk)

    await database_sync_to_async(services.withdraw_vote)(voter, idea)

    event = await communicator.receive_json_from()
    assert (event["type"], event["votes"]) == ("vote.changed", 0)
    await communicator.disconnect()


async def test_comment_created_carries_html_and_thread():
    idea = await make_idea()
    author = await make_user()
    communicator = await connected(idea.pk)

    parent = await database_sync_to_async(services.add_comment)(author, idea, "Første <b>kommentar</b>")
    first = await communicator.receive_json_from()
    reply = await database_sync_to_async(services.add_comment)(author, idea, "Et svar", parent=parent)
    second = await communicator.receive_json_from()

    assert first["type"] == "comment.created"
    assert first["comment"]["id"] == parent.pk
    assert first["comment"]["parent"] is None
    assert first["comment"]["author"] == author.display_name
    assert f'id="comment-{parent.pk}"' in first["html"]
    assert "&lt;b&gt;kommentar&lt;/b&gt;" in first["html"]
    assert "csrfmiddlewaretoken" not in first["html"]
    assert second["comment"]["parent"] == parent.pk
    assert f'id="comment-{reply.pk}"' in second["html"]
    await communicator.disconnect()


async def test_comment_edited_and_hidden():
    idea = await make_idea()
    author = await make_user()
    comment = await database_sync_to_async(services.add_comment)(author, idea, "Først")
    communicator = await connected(idea.pk)

    await database_sync_to_async(services.edit_comment)(author, comment, "Rettet tekst")
    edited = await communicator.receive_json_from()
    await database_sync_to_async(services.delete_comment)(author, comment)
    hidden = await communicator.receive_json_from()

    assert edited["type"] == "comment.edited"
    assert "Rettet tekst" in edited["html"]
    assert hidden["type"] == "comment.hidden"
    assert hidden["comment"]["id"] == comment.pk
    assert "Rettet tekst" not in hidden["html"]
    await communicator.disconnect()


async def test_idea_status_change_is_sent():
    from ideabank.accounts.roles import Role

    idea = await make_idea()
    moderator = await database_sync_to_async(UserFactory)(role=Role.MODERATOR)
    communicator = await connected(idea.pk)

    await database_sync_to_async(services.hide)(moderator, idea)

    event = await communicator.receive_json_from()
    assert event == {"type": "idea.status", "idea": idea.pk, "status": "hidden", "stage": idea.stage}
    await communicator.disconnect()


async def test_rolled_back_vote_sends_nothing():
    idea = await make_idea()
    voter = await make_user()
    communicator = await connected(idea.pk)

    @database_sync_to_async
    def vote_then_fail():
        from django.db import transaction

        with pytest.raises(RuntimeError), transaction.atomic():
            services.cast_vote(voter, idea)
            raise RuntimeError

    await vote_then_fail()

    assert await communicator.receive_nothing()
    await communicator.disconnect()


async def test_foreign_origin_is_refused():
    idea = await make_idea()
    communicator = watch(idea.pk, origin=[(b"origin", b"https://evil.example")])
    accepted, _code = await communicator.connect()
    assert not accepted


@pytest.mark.parametrize("status", ["draft", "pending", "hidden", "merged"])
async def test_unpublished_idea_is_refused(status):
    idea = await make_idea(status=status)
    communicator = watch(idea.pk)
    accepted, code = await communicator.connect()
    assert not accepted
    assert code == 4404


async def test_missing_idea_is_refused():
    communicator = watch(999999)
    accepted, code = await communicator.connect()
    assert (accepted, code) == (False, 4404)


@pytest.mark.parametrize(
    "message",
    [
        {"text_data": "not json {"},
        {"text_data": '{"type": "ping", "pad": "' + "x" * 5000 + '"}'},
        {"text_data": '{"type": "vote"}'},
        {"text_data": "[1, 2, 3]"},
        {"bytes_data": b"\x00\x01"},
    ],
    ids=["garbage", "oversized", "unknown", "not-an-object", "binary"],
)
async def test_bad_input_closes_only_that_client(message):
    idea = await make_idea()
    voter = await make_user()
    bad = await connected(idea.pk)
    good = await connected(idea.pk)

    await bad.send_to(**message)
    closed = await bad.receive_output()
    assert closed == {"type": "websocket.close", "code": 4400}

    await database_sync_to_async(services.cast_vote)(voter, idea)
    event = await good.receive_json_from()
    assert event["votes"] == 1
    await good.disconnect()


async def test_ping_is_answered():
    idea = await make_idea()
    communicator = await connected(idea.pk)
    await communicator.send_json_to({"type": "ping"})
    assert await communicator.receive_json_from() == {"type": "pong"}
    await communicator.disconnect()
