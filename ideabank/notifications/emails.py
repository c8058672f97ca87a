"""Notifications by e-mail: one at once, or many in a daily or weekly digest, each with a signed unsubscribe link.

Nothing is e-mailed twice, even when a run is interrupted or two runs overlap. For each message the
notifications are claimed (`emailed_at` set, plus the digest row) in one transaction, the message is sent
inside that transaction, and only a successful send lets it commit:

* sending fails → the transaction rolls back, nothing is marked, and the next run sends them;
* the process dies before the send → nothing was committed, same as above;
* the process dies after the mail server accepted the message but before COMMIT → the only window for
  a repeat (milliseconds wide); we prefer one digest sent twice to one lost, since marking before
  sending would lose it instead;
* two runs at once → the claim is an UPDATE … WHERE emailed_at IS NULL: PostgreSQL makes the second run
  wait for the first one's row locks and then finds nothing left to claim; SQLite lets only one writer
  in at a time, so the second run's claim waits for the first commit in the same way.
"""

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_tasks import task

from . import services
from .models import Digest, Notification, NotificationPreference, Verb

logger = logging.getLogger(__name__)

Channel = NotificationPreference.Channel
UNSUBSCRIBE_SALT = "ideabank.notifications.unsubscribe"
ALL_KINDS = "all"
DIGEST_LIMIT = 50  # notifications listed in one digest; the rest are counted and linked


# ---- signed unsubscribe links ------------------------------------------------------------------------


def unsubscribe_token(user, kind=ALL_KINDS):
    """A token that lets whoever holds the e-mail switch off one kind (or all e-mailed kinds) for this user.

    Salted so that no other signed value in the project can be replayed here; no expiry, since an old
    e-mail's unsubscribe link must still work (RFC 8058).
    """
    return signing.dumps({"u": user.pk, "k": kind}, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token):
    """(user, kind) for a valid token; raises signing.BadSignature for anything tampered, unknown or stale."""
    data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    if not isinstance(data, dict) or not isinstance(data.get("u"), int):
        raise signing.BadSignature("malformed")
    kind = data.get("k")
    if kind != ALL_KINDS and kind not in Verb.values:
        raise signing.BadSignature("unknown kind")
    user = get_user_model().objects.filter(pk=data["u"]).first()
    if user is None:
        raise signing.BadSignature("unknown user")
    return user, kind


def kinds_to_unsubscribe(user, kind):
    """One kind, or, for "all", every kind the user now receives by e-mail (at once or in a digest)."""
    if kind != ALL_KINDS:
        return [kind]
    chosen = services.preferences(user)
    return [each for each in Verb.values if chosen[each] in services.EMAIL_CHANNELS]


def unsubscribe(user, kind):
    """Switch the kind (or all e-mailed kinds) off; returns the kinds that changed."""
    kinds = kinds_to_unsubscribe(user, kind)
    for each in kinds:
        services.set_preference(user, each, Channel.OFF)
    return kinds


def absolute(url):
    if url.startswith(("http://", "https://")):
        return url
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url


def _message(user, subject, template, context, unsubscribe_url):
    """A Danish (or the user's language) text + HTML e-mail with RFC 8058 one-click unsubscribe headers."""
    context = {
        **context,
        "user": user,
        "unsubscribe_url": unsubscribe_url,
        "preferences_url": absolute(reverse("notifications:list") + "#preferences-heading"),
        "site_url": absolute("/"),
    }
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()),  # a title can never smuggle a header line in
        body=render_to_string(f"notifications/email/{template}.txt", context),
        to=[user.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )
    message.attach_alternative(render_to_string(f"notifications/email/{template}.html", context), "text/html")
    return message


def _item(notification):
    return {"text": services.text(notification), "url": absolute(services.target_url(notification))}


def notification_message(notification):
    user = notification.recipient
    with translation.override(services.language_of(user)):
        item = _item(notification)
        unsubscribe_url = absolute(
            reverse("notifications:unsubscribe", args=[unsubscribe_token(user, notification.verb)])
        )
        return _message(
            user,
            _("Idébanken: %(text)s") % {"text": item["text"]},
            "notification",
            {"item": item, "kind_label": Verb(notification.verb).label},
            unsubscribe_url,
        )


def _with_relations(queryset):
    return queryset.select_related("recipient", "actor", "idea", "method", "organisation")


@task()
def send_notification_email(notification_id):
    """E-mail one notification at once (the recipient chose "e-mail med det samme" for its kind)."""
    with transaction.atomic():
        claimed = Notification.objects.filter(pk=notification_id, emailed_at__isnull=True).update(
            emailed_at=timezone.now()
        )
        if not claimed:
            return False
        notification = _with_relations(Notification.objects.filter(pk=notification_id)).get()
        if not notification.recipient.email or not notification.recipient.is_active:
            return False
        notification_message(notification).send()
    return True


# ---- digests -----------------------------------------------------------------------------------------


@dataclass
class DigestRun:
    frequency: str
    sent: int = 0
    notifications: int = 0
    failed: int = 0
    skipped: int = 0


def period_start(frequency, now):
    """The start of the calendar day (daily) or ISO week (weekly) that `now` falls in, in local time."""
    local = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    if frequency == Digest.Frequency.WEEKLY:
        local -= timedelta(days=local.weekday())
    return local


def pending(user_id, kinds):
    """Notifications a digest would carry: those kinds, not e-mailed yet, and not already read on the site."""
    return Notification.objects.filter(
        recipient_id=user_id, verb__in=kinds, emailed_at__isnull=True, read_at__isnull=True
    )


def digest_message(user, notifications, frequency, more):
    with translation.override(services.language_of(user)):
        items = [_item(notification) for notification in notifications]
        count = len(items) + more
        if frequency == Digest.Frequency.DAILY:
            subject = ngettext(
                "Idébanken: din daglige opsamling (%(count)s ny)",
                "Idébanken: din daglige opsamling (%(count)s nye)",
                count,
            )
        else:
            subject = ngettext(
                "Idébanken: din ugentlige opsamling (%(count)s ny)",
                "Idébanken: din ugentlige opsamling (%(count)s nye)",
                count,
            )
        unsubscribe_url = absolute(reverse("notifications:unsubscribe", args=[unsubscribe_token(user)]))
        return _message(
            user,
            subject % {"count": count},
            "digest",
            {
                "items": items,
                "more": more,
                "count": count,
                "daily": frequency == Digest.Frequency.DAILY,
                "list_url": absolute(reverse("notifications:list")),
            },
            unsubscribe_url,
        )


def send_digest(user, kinds, frequency, now, connection=None):
    """Send one user's digest; returns how many notifications it carried (0: nothing new, nothing sent)."""
    if not pending(user.pk, kinds).exists():
        return 0
    with transaction.atomic():
        # The digest row is written first: on SQLite that takes the write lock before anything is read.
        digest = Digest.objects.create(user=user, frequency=frequency, sent_at=now)
        claimed = pending(user.pk, kinds).update(emailed_at=now, digest=digest)
        if not claimed:
            # Another run took them between our look and our claim.
            transaction.set_rollback(True)
            return 0
        carried = _with_relations(digest.notifications.order_by("-created", "-pk"))
        message = digest_message(user, list(carried[:DIGEST_LIMIT]), frequency, max(claimed - DIGEST_LIMIT, 0))
        message.connection = connection
        # Raises on failure, which rolls the claim back: the next run tries again.
        message.send()
    return claimed


def send_digests(frequency, *, now=None, only_due=False):
    """Send every due digest of one frequency ("daily" or "weekly").

    only_due skips users who already had this frequency's digest in the current day or week, so an
    unscheduled extra run (or a cron that fires twice) sends nothing new to them.
    """
    now = now or timezone.now()
    run = DigestRun(frequency)
    kinds_by_user = {}
    for user_id, kind in NotificationPreference.objects.filter(channel=frequency, user__is_active=True).values_list(
        "user_id", "kind"
    ):
        kinds_by_user.setdefault(user_id, []).append(kind)
    if not kinds_by_user:
        return run
    already = set()
    if only_due:
        already = set(
            Digest.objects.filter(
                user_id__in=kinds_by_user, frequency=frequency, sent_at__gte=period_start(frequency, now)
            ).values_list("user_id", flat=True)
        )
    users = get_user_model().objects.filter(pk__in=kinds_by_user.keys() - already).exclude(email="").order_by("pk")
    run.skipped = len(already)
    with get_connection() as connection:
        for user in users.iterator():
            try:
                carried = send_digest(user, kinds_by_user[user.pk], frequency, now, connection)
            except Exception:  # noqa: BLE001 - one bad address or a mail hiccup must not stop everyone else's digest
                logger.exception("Digest to user %s failed; it will be retried on the next run", user.pk)
                run.failed += 1
                continue
            if carried:
                run.sent += 1
                run.notifications += carried
    return run
