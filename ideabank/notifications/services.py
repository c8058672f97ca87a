"""Who hears about what. The idea rules call these after their transaction commits.

A user is never told about their own actions, and a kind of event the user has switched off
creates nothing at all (digests later read the same rows, so "off" must mean no row).

Every notification is delivered once its transaction has committed: to the recipient's open pages
over their private WebSocket group (the live bell), and by e-mail at once when that is their choice
for the kind. Daily and weekly digests pick the rest up later (see `emails.send_digests`).
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ideabank.ideas.models import Follow, Vote
from ideabank.live import publish
from ideabank.plain_sql import one_row

from .models import Notification, NotificationPreference, Verb

logger = logging.getLogger(__name__)

Channel = NotificationPreference.Channel
EMAIL_CHANNELS = (Channel.EMAIL, Channel.DAILY, Channel.WEEKLY)


def channel_for(user, kind):
    """The user's channel for a kind of event; in-app unless they chose otherwise."""
    channel = NotificationPreference.objects.filter(user=user, kind=kind).values_list("channel", flat=True).first()
    return channel or Channel.IN_APP


def preferences(user):
    """Every kind of event with the user's channel for it, in the order of `Verb`."""
    chosen = dict(NotificationPreference.objects.filter(user=user).values_list("kind", "channel"))
    return {kind: chosen.get(kind, Channel.IN_APP) for kind in Verb.values}


def set_preference(user, kind, channel):
    NotificationPreference.objects.update_or_create(user=user, kind=kind, defaults={"channel": channel})


def notify(recipient, verb, actor=None, idea=None, comment=None, method=None, organisation=None, detail=""):
    """Tell one user about one event; returns the notification, or None when nothing is sent."""
    if recipient is None or not recipient.is_active:
        return None
    if actor is not None and recipient.pk == actor.pk:
        return None
    if channel_for(recipient, verb) == Channel.OFF:
        return None
    notification = Notification.objects.create(
        recipient=recipient,
        verb=verb,
        actor=actor,
        idea=idea,
        comment=comment,
        method=method,
        organisation=organisation,
        detail=detail,
    )
    deliver([notification])
    return notification


def notify_many(user_ids, verb, *, actor=None, **fields):
    """Tell each active user in `user_ids` once (never the actor, never those who switched the kind off)."""
    user_ids = set(user_ids) - {None}
    if actor is not None:
        user_ids.discard(actor.pk)
    if not user_ids:
        return []
    active = set(get_user_model().objects.filter(pk__in=user_ids, is_active=True).values_list("pk", flat=True))
    switched_off = set(
        NotificationPreference.objects.filter(user_id__in=active, kind=verb, channel=Channel.OFF).values_list(
            "user_id", flat=True
        )
    )
    notifications = Notification.objects.bulk_create(
        Notification(recipient_id=user_id, verb=verb, actor=actor, **fields)
        for user_id in sorted(active - switched_off)
    )
    deliver(notifications)
    return notifications


def notify_comment(comment):
    """The idea's author hears of a comment; the parent's author hears of a reply (each once)."""
    told = set()
    if comment.parent_id and comment.parent.author_id:
        notify(comment.parent.author, Verb.REPLY_TO_COMMENT, comment.author, comment.idea, comment)
        told.add(comment.parent.author_id)
    author = comment.idea.author
    if author is not None and author.pk not in told:
        notify(author, Verb.COMMENT_ON_IDEA, comment.author, comment.idea, comment)


def notify_tried(report):
    return notify(report.idea.author, Verb.IDEA_TRIED, report.author, report.idea)


def notify_hidden(idea):
    return notify(idea.author, Verb.IDEA_HIDDEN, None, idea)


def notify_auto_hidden(target):
    """The author of an idea or comment that enough reports hid is told, before a moderator has looked."""
    from ideabank.ideas.models import Comment

    if isinstance(target, Comment):
        return notify(target.author, Verb.CONTENT_AUTO_HIDDEN, None, target.idea, target)
    return notify(target.author, Verb.CONTENT_AUTO_HIDDEN, None, target)


def notify_merged(duplicate, into):
    """The duplicate's author is pointed to the idea it now lives on."""
    return notify(duplicate.author, Verb.IDEA_MERGED, None, into)


def notify_new_idea(idea):
    """Everyone following one of the idea's tags, target groups or its organisation hears once."""
    tag_ids = list(idea.tags.values_list("pk", flat=True))
    group_ids = list(idea.target_groups.values_list("pk", flat=True))
    follows = Follow.objects.filter(
        Q(tag_id__in=tag_ids) | Q(target_group_id__in=group_ids) | Q(organisation_id=idea.organisation_id),
        user__is_active=True,
    ).exclude(user_id=idea.author_id)
    user_ids = set(follows.values_list("user_id", flat=True))
    return notify_many(user_ids, Verb.NEW_IDEA_FOLLOWED, actor=idea.author, idea=idea)


def _danish(label):
    """A label as its Danish msgid, so it can be stored and translated for each reader later."""
    with translation.override("da"):
        return str(label)[:200]


def notify_assessed(idea, conclusion_label, actor=None):
    """The author hears that their idea has been assessed, and the conclusion (e.g. a choice's label)."""
    return notify(idea.author, Verb.IDEA_ASSESSED, actor, idea, detail=_danish(conclusion_label))


def notify_promoted(idea, method, actor=None):
    """The author, the voters and the followers of an idea hear that it became a method (each once)."""
    user_ids = {idea.author_id}
    user_ids |= set(Vote.objects.filter(idea=idea, user__isnull=False).values_list("user_id", flat=True))
    user_ids |= set(Follow.objects.filter(idea=idea).values_list("user_id", flat=True))
    return notify_many(user_ids, Verb.IDEA_PROMOTED, actor=actor, idea=idea, method=method)


def notify_method_adopted(method, organisation, followers, actor=None):
    """The followers of a method (users or user ids) hear that another organisation has taken it into use."""
    user_ids = {getattr(follower, "pk", follower) for follower in followers}
    return notify_many(user_ids, Verb.METHOD_ADOPTED, actor=actor, method=method, organisation=organisation)


# ---- delivery after commit ---------------------------------------------------------------------------


def deliver(notifications):
    """Once the transaction commits: push each notification to its recipient's open pages, e-mail the urgent."""
    ids = [notification.pk for notification in notifications]
    if ids:
        # robust: a Redis or mail outage after commit is logged and must not turn a saved change into an error.
        transaction.on_commit(lambda: _deliver_committed(ids), robust=True)


def _deliver_committed(ids):
    notifications = list(
        Notification.objects.filter(pk__in=ids).select_related("recipient", "actor", "idea", "method", "organisation")
    )
    recipients = {notification.recipient_id for notification in notifications}
    counts = unread_counts(recipients)
    try:
        publish.send_to_users(
            (notification.recipient_id, created_event(notification, counts.get(notification.recipient_id, 0)))
            for notification in notifications
        )
    except Exception:  # noqa: BLE001 - a channel-layer (Redis) outage costs the live bell, never the e-mails
        logger.warning("Live notification events could not be sent", exc_info=True)
    urgent = set(
        NotificationPreference.objects.filter(
            user_id__in=recipients, channel=Channel.EMAIL, kind__in={n.verb for n in notifications}
        ).values_list("user_id", "kind")
    )
    from .emails import send_notification_email  # here: emails builds on this module

    for notification in notifications:
        if (notification.recipient_id, notification.verb) in urgent:
            send_notification_email.enqueue(notification.pk)


def created_event(notification, unread):
    """The live bell's message, worded in the recipient's language."""
    with translation.override(language_of(notification.recipient)):
        return {
            "type": "notification.created",
            "unread": unread,
            "notification": {
                "id": notification.pk,
                "text": text(notification),
                "url": target_url(notification),
                "created": notification.created.isoformat(),
            },
        }


def unread_event(unread):
    return {"type": "notification.unread", "unread": unread}


def language_of(user):
    return getattr(user, "language", "") or settings.LANGUAGE_CODE


# ---- reading -----------------------------------------------------------------------------------------


# The bell on every signed-in page asks this; as plain SQL it costs a third of the ORM's CPU.
UNREAD_COUNT_SQL = "SELECT COUNT(*) FROM notifications_notification WHERE recipient_id = %s AND read_at IS NULL"


def unread_count(user):
    if not user.is_authenticated:
        return 0
    return one_row(Notification, UNREAD_COUNT_SQL, [user.pk])[0]


def unread_counts(user_ids):
    """Unread notifications per user, in one query (users with none are missing)."""
    rows = (
        Notification.objects.filter(recipient_id__in=user_ids, read_at__isnull=True)
        .values("recipient_id")
        .annotate(unread=Count("pk"))
    )
    return {row["recipient_id"]: row["unread"] for row in rows}


def mark_read(user, ids=None):
    """Mark the user's notifications read (all when `ids` is None); others' ids are ignored.

    The user's other open pages hear the new unread count, so every bell agrees.
    """
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if ids is not None:
        unread = unread.filter(pk__in=list(ids))
    count = unread.update(read_at=timezone.now())
    if count:
        user_id = user.pk
        transaction.on_commit(
            lambda: publish.send_to_user(user_id, unread_event(unread_counts([user_id]).get(user_id, 0))),
            robust=True,
        )
    return count


# What a notification is shown with (`text`, `target_url`, the list templates and the API): the related rows are
# mostly long texts and page fields nobody reads here, and naming the few that are read makes the query cheaper
# to build as well as to run.
SHOWN = (
    *("verb", "detail", "created", "read_at", "comment_id", "recipient_id"),
    *("actor__display_name", "actor__deleted_at"),
    *("idea__title", "idea__author_id"),
    *("method__title", "method__url_path"),
    "organisation__name",
)


def for_user(user):
    return (
        Notification.objects.filter(recipient=user)
        .select_related("actor", "idea", "method", "organisation")
        .only(*SHOWN)
    )


def described(notifications, request=None):
    """The notifications, each with its sentence (`text`) and where it leads (`url`), for a list of them."""
    for notification in notifications:
        notification.text = text(notification)
        notification.url = target_url(notification, request)
    return notifications


def target_url(notification, request=None):
    """Where the notification leads: the method, the comment, the idea, or else the notification list. A list
    passes its `request`, on which Wagtail keeps the sites' root paths for every method it links to."""
    if notification.method_id and notification.method is not None:
        url = notification.method.get_url(request)
        if url:
            return url
    if notification.idea_id:
        url = notification.idea.get_absolute_url()
        return f"{url}#comment-{notification.comment_id}" if notification.comment_id else url
    return reverse("notifications:list")


def text(notification):
    """One sentence describing the event, in the active language."""
    actor = notification.actor.public_name if notification.actor else _("Nogen")
    title = notification.idea.title if notification.idea else ""
    method = notification.method.title if notification.method else _("en metode")
    values = {
        "actor": actor,
        "title": title,
        "method": method,
        "organisation": notification.organisation.name if notification.organisation else _("en anden organisation"),
        # Stored as the Danish msgid: translated now, for whoever reads it.
        "detail": _(notification.detail) if notification.detail else "",
    }
    verb = notification.verb
    if verb == Verb.IDEA_ASSESSED and not notification.detail:
        return _("Din idé »%(title)s« er vurderet") % values
    if verb == Verb.IDEA_PROMOTED and notification.idea and notification.idea.author_id != notification.recipient_id:
        return _("»%(title)s«, som du har stemt på eller følger, er løftet til metoden »%(method)s«") % values
    if verb == Verb.CONTENT_AUTO_HIDDEN and notification.comment_id:
        return (
            _("Din kommentar til »%(title)s« er skjult, fordi flere har anmeldt den. En moderator ser på den.") % values
        )
    messages = {
        Verb.COMMENT_ON_IDEA: _("%(actor)s har kommenteret din idé »%(title)s«"),
        Verb.REPLY_TO_COMMENT: _("%(actor)s har svaret på din kommentar til »%(title)s«"),
        Verb.IDEA_TRIED: _("%(actor)s har meldt, at de har afprøvet din idé »%(title)s«"),
        Verb.IDEA_HIDDEN: _("Din idé »%(title)s« er skjult af en moderator"),
        Verb.IDEA_MERGED: _("Din idé er lagt sammen med »%(title)s«"),
        Verb.NEW_IDEA_FOLLOWED: _("Ny idé om noget, du følger: »%(title)s«"),
        Verb.IDEA_ASSESSED: _("Din idé »%(title)s« er vurderet: %(detail)s"),
        Verb.IDEA_PROMOTED: _("Din idé »%(title)s« er løftet til metoden »%(method)s«"),
        Verb.METHOD_ADOPTED: _("Metoden »%(method)s«, som du følger, er taget i brug af %(organisation)s"),
        Verb.CONTENT_AUTO_HIDDEN: _(
            "Din idé »%(title)s« er skjult, fordi flere har anmeldt den. En moderator ser på den."
        ),
    }
    return messages.get(verb, _("Ny hændelse")) % values
