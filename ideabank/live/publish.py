"""Small JSON events for the live idea channel, sent only once the change is committed.

Sending after commit means a watcher never sees a vote or comment that a rollback later undid, and in a
multi-process deployment the Redis layer carries the event to every server process.
"""

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction
from django.template.loader import render_to_string
from django.utils.translation import ngettext


def idea_group(idea_id):
    return f"idea.{int(idea_id)}"


def user_group(user_id):
    """A user's private group: only their own notification sockets ever join it."""
    return f"user.{int(user_id)}"


def _send(idea_id, event):
    layer = get_channel_layer()
    if layer is None:
        return
    # The consumer's handler is "idea.event"; the client-facing type travels inside the payload.
    async_to_sync(layer.group_send)(idea_group(idea_id), {"type": "idea.event", "event": event})


def send_to_user(user_id, event):
    """Send `event` now to every open notification socket of one user (call it after commit)."""
    send_to_users([(user_id, event)])


def send_to_users(events):
    """Send each `(user_id, event)` pair to that user's sockets, in one trip into the event loop."""
    messages = [(user_group(user_id), {"type": "user.event", "event": event}) for user_id, event in events]
    layer = get_channel_layer()
    if layer is None or not messages:
        return

    async def send_all():
        for group, message in messages:
            await layer.group_send(group, message)

    async_to_sync(send_all)()


def publish_idea_event(idea_id, event):
    """Queue `event` for the idea's watchers; it leaves when the surrounding transaction commits.

    robust: if the channel layer (Redis) is down, the change is already saved; the event is lost and logged,
    and the request still succeeds.
    """
    transaction.on_commit(lambda: _send(idea_id, event), robust=True)


def vote_changed(idea):
    votes = idea.vote_count
    text = ngettext("%(votes)s stemme", "%(votes)s stemmer", votes) % {"votes": votes}
    publish_idea_event(idea.pk, {"type": "vote.changed", "idea": idea.pk, "votes": votes, "text": text})


def _comment_payload(comment):
    return {
        "id": comment.pk,
        "parent": comment.parent_id,
        "author": comment.author.public_name if comment.author_id else "",
        "created": comment.created.isoformat(),
    }


def _comment_html(comment):
    # Rendered without a user or request: the fragment carries no forms, CSRF tokens or personal actions.
    return render_to_string("ideas/includes/comment.html", {"comment": comment, "children": None})


def comment_event(kind, comment):
    """kind is "comment.created", "comment.edited" or "comment.hidden" (hidden also covers deleted)."""
    publish_idea_event(
        comment.idea_id,
        {
            "type": kind,
            "idea": comment.idea_id,
            "comment": _comment_payload(comment),
            "html": _comment_html(comment),
        },
    )


def idea_status(idea):
    publish_idea_event(idea.pk, {"type": "idea.status", "idea": idea.pk, "status": idea.status, "stage": idea.stage})
