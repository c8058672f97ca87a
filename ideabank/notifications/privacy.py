"""What the data export (ideabank/accounts/privacy.py) holds of a user's notifications and their settings,
and how long notifications are kept (IDEABANK_NOTIFICATION_RETENTION_DAYS). Deleting the account deletes
both with the user (they hang on it with CASCADE)."""

from datetime import timedelta

from django.conf import settings

from ideabank.accounts import privacy

from . import services
from .models import Notification, NotificationPreference


@privacy.export_section("notifications")
def notifications_section(user):
    rows = Notification.objects.filter(recipient=user).select_related("actor", "idea").order_by("created", "pk")
    return [
        {
            "id": notification.pk,
            "kind": notification.verb,
            "text": services.text(notification),
            "idea": notification.idea_id,
            "comment": notification.comment_id,
            "created": privacy.when(notification.created),
            "read_at": privacy.when(notification.read_at),
        }
        for notification in rows
    ]


@privacy.export_section("notification_preferences")
def notification_preferences_section(user):
    rows = NotificationPreference.objects.filter(user=user).order_by("kind")
    return {row.kind: row.channel for row in rows}


@privacy.retention("notifications")
def purge_old_notifications(now):
    cutoff = now - timedelta(days=settings.IDEABANK_NOTIFICATION_RETENTION_DAYS)
    return Notification.objects.filter(created__lt=cutoff).delete()[0]
