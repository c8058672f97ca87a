"""Retention (issue #9 §2): `manage.py purge_expired`, run daily, deletes notifications older than twelve
months, invitations that were never used and have expired, and expired sessions — and nothing else."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from ideabank.accounts.models import Invitation, UserSession
from ideabank.notifications.models import Notification, Verb

pytestmark = pytest.mark.django_db


def notification(user, days_old):
    row = Notification.objects.create(recipient=user, verb=Verb.COMMENT_ON_IDEA)
    Notification.objects.filter(pk=row.pk).update(created=timezone.now() - timedelta(days=days_old))
    return row


def invitation(organisation, days_old, used=False):
    row = Invitation.objects.create(email="ny@forening.dk", organisation=organisation)
    created = timezone.now() - timedelta(days=days_old)
    Invitation.objects.filter(pk=row.pk).update(created=created, used_at=created if used else None)
    return row


def purge():
    out = StringIO()
    call_command("purge_expired", stdout=out)
    return out.getvalue()


def test_notifications_older_than_twelve_months_go(staff):
    old, recent = notification(staff, 366), notification(staff, 364)

    output = purge()

    assert not Notification.objects.filter(pk=old.pk).exists()
    assert Notification.objects.filter(pk=recent.pk).exists()
    assert "notifications: 1" in output


def test_the_retention_follows_the_setting(staff, settings):
    settings.IDEABANK_NOTIFICATION_RETENTION_DAYS = 30
    old, recent = notification(staff, 31), notification(staff, 29)

    purge()

    assert not Notification.objects.filter(pk=old.pk).exists()
    assert Notification.objects.filter(pk=recent.pk).exists()


def test_expired_unused_invitations_go(aarhus):
    expired, fresh = invitation(aarhus, 15), invitation(aarhus, 13)
    used = invitation(aarhus, 100, used=True)

    output = purge()

    assert not Invitation.objects.filter(pk=expired.pk).exists()
    assert set(Invitation.objects.values_list("pk", flat=True)) == {fresh.pk, used.pk}
    assert "invitations: 1" in output


def test_expired_sessions_go(client, staff):
    client.force_login(staff)
    live = client.session.session_key
    UserSession.objects.create(session_key="udloebet", session_data="", expire_date=timezone.now() - timedelta(1))

    output = purge()

    assert list(UserSession.objects.values_list("session_key", flat=True)) == [live]
    assert "sessions: 1" in output


def test_nothing_to_purge_is_fine():
    assert purge().strip() == "notifications: 0, invitations: 0, sessions: 0"
