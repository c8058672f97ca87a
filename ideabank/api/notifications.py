"""GET /api/v1/notifications and POST /api/v1/notifications/read: the signed-in user's own notifications only."""

from datetime import datetime
from typing import Annotated

from ninja import Field, Query, Router, Schema

from ideabank.ids import MAX_ID
from ideabank.notifications import services

from .auth import authenticated
from .pages import Page, envelope, rows_of
from .schemas import Count, Id

router = Router(tags=["notifications"])

MAX_PAGE = 100_000
MAX_IDS = 1000


class NotificationIdea(Schema):
    id: Id
    title: str
    url: str


class NotificationOut(Schema):
    id: Id
    verb: str
    text: str
    idea: NotificationIdea | None
    actor: str | None
    created: datetime
    read: bool


class NotificationPage(Page[NotificationOut]):
    unread: Count


class ReadIn(Schema):
    ids: list[Annotated[int, Field(ge=1, le=MAX_ID)]] | None = None


class ReadOut(Schema):
    unread: Count


def notification_out(notification):
    idea = notification.idea
    return {
        "id": notification.pk,
        "verb": notification.verb,
        "text": services.text(notification),
        "idea": {"id": idea.pk, "title": idea.title, "url": idea.get_absolute_url()} if idea else None,
        "actor": notification.actor.public_name if notification.actor else None,
        "created": notification.created,
        "read": notification.is_read,
    }


@router.get("/notifications", response=NotificationPage, auth=authenticated)
def list_notifications(request, page: int = Query(1, ge=1, le=MAX_PAGE), page_size: int = Query(20, ge=1, le=100)):
    """The user's notifications, newest first, a page at a time, with the unread count."""
    notifications = services.for_user(request.user)
    count = notifications.count()
    rows = rows_of(notifications, count, page, page_size)
    return {
        **envelope(request, count, page, page_size, [notification_out(notification) for notification in rows]),
        "unread": services.unread_count(request.user),
    }


@router.post("/notifications/read", response=ReadOut, auth=authenticated)
def read_notifications(request, payload: ReadIn):
    """Mark the given ids (or, without ids, all) read; ids belonging to someone else are ignored."""
    ids = payload.ids
    if ids is not None:
        ids = ids[:MAX_IDS]
    services.mark_read(request.user, ids)
    return {"unread": services.unread_count(request.user)}
