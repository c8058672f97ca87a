"""Digests (manage.py send_digests): who gets what, once, even when a send fails halfway."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone

from ideabank.notifications import emails, services
from ideabank.notifications.models import Digest, Notification, NotificationPreference, Verb
from tests.factories import IdeaFactory, UserFactory

pytestmark = pytest.mark.django_db

Channel = NotificationPreference.Channel
# A Wednesday morning in Copenhagen.
WEDNESDAY = datetime.datetime(2026, 3, 11, 7, 0, tzinfo=datetime.UTC)


@pytest.fixture
def daily(staff):
    services.set_preference(staff, Verb.COMMENT_ON_IDEA, Channel.DAILY)
    services.set_preference(staff, Verb.IDEA_TRIED, Channel.DAILY)
    return staff


@pytest.fixture
def weekly(colleague):
    services.set_preference(colleague, Verb.COMMENT_ON_IDEA, Channel.WEEKLY)
    return colleague


def note(user, verb=Verb.COMMENT_ON_IDEA, **fields):
    return services.notify(user, verb, **fields)


def outbox_for(user):
    return [message for message in mail.outbox if message.to == [user.email]]


def test_a_daily_digest_collects_only_that_users_daily_kinds(daily, weekly, outsider):
    idea = IdeaFactory(title="Walk and talk")
    comment = note(daily, idea=idea)
    tried = note(daily, Verb.IDEA_TRIED, idea=idea)
    in_app = note(daily, Verb.IDEA_HIDDEN, idea=idea)
    note(weekly)
    note(outsider)

    run = emails.send_digests("daily", now=WEDNESDAY)

    assert (run.sent, run.notifications, run.failed) == (1, 2, 0)
    assert len(mail.outbox) == 1
    message = outbox_for(daily)[0]
    assert message.subject == "Idébanken: din daglige opsamling (2 nye)"
    assert services.text(comment) in message.body
    assert services.text(tried) in message.body
    assert services.text(in_app) not in message.body
    assert f"http://127.0.0.1:8000/ideer/{idea.pk}/" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert "din idé »Walk and talk«" in html
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert Notification.objects.get(pk=in_app.pk).emailed_at is None
    digest = Digest.objects.get()
    assert (digest.user, digest.frequency, digest.notifications.count()) == (daily, "daily", 2)


def test_a_weekly_digest_is_separate(daily, weekly):
    note(daily)
    note(weekly)

    run = emails.send_digests("weekly", now=WEDNESDAY)

    assert run.sent == 1
    assert outbox_for(weekly)[0].subject == "Idébanken: din ugentlige opsamling (1 ny)"
    assert outbox_for(daily) == []


def test_running_twice_sends_nothing_twice(daily):
    note(daily)
    emails.send_digests("daily", now=WEDNESDAY)

    again = emails.send_digests("daily", now=WEDNESDAY + datetime.timedelta(hours=1))

    assert (again.sent, again.notifications) == (0, 0)
    assert len(mail.outbox) == 1

    fresh = note(daily)
    later = emails.send_digests("daily", now=WEDNESDAY + datetime.timedelta(days=1))
    assert later.notifications == 1
    assert services.text(fresh) in mail.outbox[1].body


def test_read_and_already_mailed_notifications_are_left_out(daily):
    read = note(daily)
    services.mark_read(daily, [read.pk])
    mailed = note(daily)
    Notification.objects.filter(pk=mailed.pk).update(emailed_at=timezone.now())

    run = emails.send_digests("daily", now=WEDNESDAY)

    assert run.sent == 0
    assert mail.outbox == []


def test_nobody_with_nothing_new_gets_an_empty_digest(daily, weekly):
    assert emails.send_digests("daily", now=WEDNESDAY).sent == 0
    assert mail.outbox == []
    assert not Digest.objects.exists()


def test_inactive_users_get_no_digest(daily):
    note(daily)
    daily.is_active = False
    daily.save()

    assert emails.send_digests("daily", now=WEDNESDAY).sent == 0


def test_a_failed_send_marks_nothing_and_the_next_run_sends_it(daily, weekly, settings, monkeypatch):
    first = note(daily)
    note(weekly)
    original = emails.EmailMultiAlternatives.send

    def send_but_fail_for_staff(message, *args, **kwargs):
        if message.to == [daily.email]:
            raise OSError("mailbox unavailable")
        return original(message, *args, **kwargs)

    monkeypatch.setattr(emails.EmailMultiAlternatives, "send", send_but_fail_for_staff)
    run = emails.send_digests("daily", now=WEDNESDAY)

    assert (run.sent, run.failed) == (0, 1)
    assert Notification.objects.get(pk=first.pk).emailed_at is None
    assert not Digest.objects.exists()

    monkeypatch.undo()
    assert emails.send_digests("daily", now=WEDNESDAY).sent == 1
    assert len(outbox_for(daily)) == 1


def test_one_failing_user_does_not_stop_the_others(daily, settings, monkeypatch):
    other = UserFactory()
    services.set_preference(other, Verb.COMMENT_ON_IDEA, Channel.DAILY)
    note(daily)
    note(other)
    original = emails.EmailMultiAlternatives.send

    def fail_for_staff(message, *args, **kwargs):
        if message.to == [daily.email]:
            raise OSError("mailbox unavailable")
        return original(message, *args, **kwargs)

    monkeypatch.setattr(emails.EmailMultiAlternatives, "send", fail_for_staff)
    run = emails.send_digests("daily", now=WEDNESDAY)

    assert (run.sent, run.failed) == (1, 1)
    assert len(outbox_for(other)) == 1


def test_a_long_digest_lists_fifty_and_counts_the_rest(daily):
    Notification.objects.bulk_create(
        Notification(recipient=daily, verb=Verb.COMMENT_ON_IDEA) for _ in range(emails.DIGEST_LIMIT + 3)
    )

    run = emails.send_digests("daily", now=WEDNESDAY)

    assert run.notifications == emails.DIGEST_LIMIT + 3
    body = mail.outbox[0].body
    assert body.count("* Nogen har kommenteret din idé") == emails.DIGEST_LIMIT
    assert "… og 3 flere." in body
    assert mail.outbox[0].subject == f"Idébanken: din daglige opsamling ({emails.DIGEST_LIMIT + 3} nye)"
    assert not Notification.objects.filter(emailed_at__isnull=True).exists()


def test_the_digest_is_in_the_users_language(daily):
    daily.language = "en"
    daily.save()
    note(daily)

    emails.send_digests("daily", now=WEDNESDAY)

    assert '<html lang="en">' in mail.outbox[0].alternatives[0][0]


def test_period_start_is_local_midnight_and_monday():
    assert emails.period_start("daily", WEDNESDAY).isoformat() == "2026-03-11T00:00:00+01:00"
    assert emails.period_start("weekly", WEDNESDAY).isoformat() == "2026-03-09T00:00:00+01:00"


# ---- the command -----------------------------------------------------------------------------------------


@pytest.fixture
def on_wednesday(monkeypatch):
    """The command reads the clock itself; pin it so "the same day" cannot straddle midnight."""
    monkeypatch.setattr(timezone, "now", lambda: WEDNESDAY)


def run_command(*args):
    out = StringIO()
    call_command("send_digests", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_the_command_sends_both_by_default_and_only_when_due(daily, weekly, on_wednesday, monkeypatch):
    note(daily)
    note(weekly)

    output = run_command()

    assert "Daglige opsamlinger: 1 sendt (1 notifikation)" in output
    assert "Ugentlige opsamlinger: 1 sendt (1 notifikation)" in output
    assert len(mail.outbox) == 2

    # Later the same week: new notifications wait for tomorrow's daily and next week's weekly digest.
    note(daily)
    note(weekly)
    output = run_command()
    assert "Daglige opsamlinger: 0 sendt (0 notifikationer), 1 allerede sendt i denne periode" in output
    assert "Ugentlige opsamlinger: 0 sendt (0 notifikationer), 1 allerede sendt i denne periode" in output
    assert len(mail.outbox) == 2

    # The next morning the daily digest is due again; the weekly one waits for Monday.
    monkeypatch.setattr(timezone, "now", lambda: WEDNESDAY + datetime.timedelta(days=1))
    output = run_command()
    assert "Daglige opsamlinger: 1 sendt (1 notifikation)" in output
    assert "Ugentlige opsamlinger: 0 sendt (0 notifikationer), 1 allerede sendt i denne periode" in output
    monkeypatch.setattr(timezone, "now", lambda: WEDNESDAY + datetime.timedelta(days=5))
    assert "Ugentlige opsamlinger: 1 sendt (1 notifikation)" in run_command()


def test_the_command_with_a_frequency_sends_that_kind_now(daily, weekly, on_wednesday):
    note(daily)
    note(weekly)
    run_command("--frequency", "daily")
    note(daily)

    output = run_command("--frequency", "daily")

    assert "Daglige opsamlinger: 1 sendt (1 notifikation)" in output
    assert "Ugentlige" not in output
    assert [message.to for message in mail.outbox] == [[daily.email], [daily.email]]


def test_the_command_fails_loudly_when_a_digest_could_not_be_sent(daily, monkeypatch):
    note(daily)

    def fail(message, *args, **kwargs):
        raise OSError("down")

    monkeypatch.setattr(emails.EmailMultiAlternatives, "send", fail)

    with pytest.raises(CommandError):
        run_command("--frequency", "daily")


def test_a_bad_frequency_is_refused():
    with pytest.raises(CommandError):
        run_command("--frequency", "hourly")
