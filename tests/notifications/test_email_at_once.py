"""E-mail at once: only for kinds the recipient chose it for, after commit, once, in their language, unsubscribable."""

import pytest
from django.core import mail

from ideabank.ideas import services as ideas
from ideabank.notifications import emails, services
from ideabank.notifications.models import Notification, NotificationPreference, Verb
from tests.factories import IdeaFactory

pytestmark = pytest.mark.django_db

Channel = NotificationPreference.Channel


@pytest.fixture
def idea(staff):
    return IdeaFactory(author=staff, title="Walk and talk")


@pytest.fixture
def wants_email(staff):
    services.set_preference(staff, Verb.COMMENT_ON_IDEA, Channel.EMAIL)
    return staff


def test_a_comment_is_mailed_at_once_after_commit(idea, wants_email, colleague, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        ideas.add_comment(colleague, idea, "Det vil vi også prøve.")

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [wants_email.email]
    expected = f"{colleague.display_name} har kommenteret din idé »Walk and talk«"
    assert message.subject == f"Idébanken: {expected}"
    assert expected in message.body
    assert f"http://127.0.0.1:8000/ideer/{idea.pk}/#comment-" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert '<html lang="da">' in html
    assert "»Walk and talk«" in html
    assert Notification.objects.get(recipient=wants_email).emailed_at is not None


def test_nothing_is_mailed_before_commit_or_after_a_rollback(idea, wants_email, colleague):
    from django.db import transaction

    with pytest.raises(RuntimeError), transaction.atomic():
        ideas.add_comment(colleague, idea, "Hej.")
        raise RuntimeError

    assert mail.outbox == []


@pytest.mark.parametrize("channel", [Channel.IN_APP, Channel.DAILY, Channel.WEEKLY])
def test_other_channels_are_not_mailed_at_once(staff, channel, django_capture_on_commit_callbacks):
    services.set_preference(staff, Verb.IDEA_HIDDEN, channel)

    with django_capture_on_commit_callbacks(execute=True):
        notification = services.notify(staff, Verb.IDEA_HIDDEN)

    assert mail.outbox == []
    assert Notification.objects.get(pk=notification.pk).emailed_at is None


def test_the_headers_offer_one_click_unsubscribe_for_that_kind(staff, wants_email, client):
    notification = services.notify(staff, Verb.COMMENT_ON_IDEA)
    emails.send_notification_email.call(notification.pk)

    headers = mail.outbox[0].extra_headers
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = headers["List-Unsubscribe"].strip("<>")
    assert url.startswith("http://127.0.0.1:8000/notifikationer/afmeld/")
    assert url in mail.outbox[0].body
    # The mail client's one-click POST: no cookies, no CSRF token.
    client.post(url.removeprefix("http://127.0.0.1:8000"), {"List-Unsubscribe": "One-Click"})
    assert services.channel_for(staff, Verb.COMMENT_ON_IDEA) == Channel.OFF


def test_the_mail_is_written_in_the_recipients_language(staff, wants_email):
    staff.language = "en"
    staff.save()
    notification = services.notify(staff, Verb.COMMENT_ON_IDEA)
    emails.send_notification_email.call(notification.pk)

    html, _mimetype = mail.outbox[0].alternatives[0]
    assert '<html lang="en">' in html


def test_a_notification_is_mailed_only_once(staff, wants_email):
    notification = services.notify(staff, Verb.COMMENT_ON_IDEA)
    mail.outbox.clear()

    assert emails.send_notification_email.call(notification.pk) is True
    assert emails.send_notification_email.call(notification.pk) is False

    assert len(mail.outbox) == 1


def test_a_failed_send_leaves_it_unmarked_for_another_try(staff, wants_email, settings):
    settings.EMAIL_BACKEND = "tests.notifications.failing_backend.EmailBackend"
    notification = services.notify(staff, Verb.COMMENT_ON_IDEA)

    with pytest.raises(OSError):
        emails.send_notification_email.call(notification.pk)

    assert Notification.objects.get(pk=notification.pk).emailed_at is None
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert emails.send_notification_email.call(notification.pk) is True
    assert len(mail.outbox) == 1
