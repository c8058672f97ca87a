"""Who hears about what. The idea rules call these after their transaction commits.

A user is never told about their own actions, and a kind of event the user has switched off
creates nothing at all (digests later read the same rows, so "off" must mean no row).
"""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from ideabank.ideas.models import Follow

from .models import Notification, NotificationPreference, Verb

Channel = NotificationPreference.Channel


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


def notify(recipient, verb, actor=None, idea=None, comment=None):
    """Tell one user about one event; returns the notification, or None when nothing is sent."""
    if recipient is None or not recipient.is_active:
        return None
    if actor is not None and recipient.pk == actor.pk:
        return None
    if channel_for(recipient, verb) == Channel.OFF:
        return None
    return Notification.objects.create(recipient=recipient, verb=verb, actor=actor, idea=idea, comment=comment)


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
    switched_off = set(
        NotificationPreference.objects.filter(
            user_id__in=user_ids, kind=Verb.NEW_IDEA_FOLLOWED, channel=Channel.OFF
        ).values_list("user_id", flat=True)
    )
    return Notification.objects.bulk_create(
        Notification(recipient_id=user_id, verb=Verb.NEW_IDEA_FOLLOWED, actor_id=idea.author_id, idea=idea)
        for user_id in sorted(user_ids - switched_off)
    )


def unread_count(user):
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def mark_read(user, ids=None):
    """Mark the user's notifications read (all when `ids` is None); others' ids are ignored."""
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if ids is not None:
        unread = unread.filter(pk__in=list(ids))
    return unread.update(read_at=timezone.now())


def for_user(user):
    return Notification.objects.filter(recipient=user).select_related("actor", "idea")


def text(notification):
    """One Danish sentence describing the event."""
    actor = notification.actor.display_name if notification.actor else _("Nogen")
    title = notification.idea.title if notification.idea else ""
    messages = {
        Verb.COMMENT_ON_IDEA: _("%(actor)s har kommenteret din idé »%(title)s«"),
        Verb.REPLY_TO_COMMENT: _("%(actor)s har svaret på din kommentar til »%(title)s«"),
        Verb.IDEA_TRIED: _("%(actor)s har meldt, at de har afprøvet din idé »%(title)s«"),
        Verb.IDEA_HIDDEN: _("Din idé »%(title)s« er skjult af en moderator"),
        Verb.IDEA_MERGED: _("Din idé er lagt sammen med »%(title)s«"),
        Verb.NEW_IDEA_FOLLOWED: _("Ny idé om noget, du følger: »%(title)s«"),
    }
    return messages.get(notification.verb, _("Ny hændelse")) % {"actor": actor, "title": title}
