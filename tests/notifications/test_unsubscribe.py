"""The signed unsubscribe link: GET asks, POST switches off (one click from the mail client, no login or CSRF),
and a bad or tampered token changes nothing."""

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse

from ideabank.notifications import emails, services
from ideabank.notifications.models import NotificationPreference, Verb

pytestmark = pytest.mark.django_db

Channel = NotificationPreference.Channel


@pytest.fixture
def mailed(staff):
    services.set_preference(staff, Verb.COMMENT_ON_IDEA, Channel.EMAIL)
    services.set_preference(staff, Verb.IDEA_TRIED, Channel.DAILY)
    services.set_preference(staff, Verb.NEW_IDEA_FOLLOWED, Channel.WEEKLY)
    return staff


@pytest.fixture
def csrf_client():
    """As strict as a real browser: a POST without a CSRF token would be refused anywhere else."""
    return Client(enforce_csrf_checks=True)


def url_for(user, kind=emails.ALL_KINDS):
    return reverse("notifications:unsubscribe", args=[emails.unsubscribe_token(user, kind)])


def test_get_asks_for_confirmation_and_changes_nothing(csrf_client, mailed):
    response = csrf_client.get(url_for(mailed, Verb.COMMENT_ON_IDEA))

    assert response.status_code == 200
    content = response.content.decode()
    assert "Vil du afmelde e-mails om »Kommentar til min idé«?" in content
    assert '<button type="submit" class="button button-primary">Afmeld</button>' in content
    assert services.channel_for(mailed, Verb.COMMENT_ON_IDEA) == Channel.EMAIL


def test_post_switches_that_kind_off_without_login_or_csrf(csrf_client, mailed):
    response = csrf_client.post(url_for(mailed, Verb.COMMENT_ON_IDEA), {"List-Unsubscribe": "One-Click"})

    assert response.status_code == 200
    assert "Du er afmeldt" in response.content.decode()
    assert services.preferences(mailed)[Verb.COMMENT_ON_IDEA] == Channel.OFF
    assert services.preferences(mailed)[Verb.IDEA_TRIED] == Channel.DAILY


def test_all_switches_off_every_mailed_kind_and_nothing_else(csrf_client, mailed):
    page = csrf_client.get(url_for(mailed)).content.decode()
    assert "Vil du afmelde alle e-mails fra Idébanken?" in page
    assert "Ny idé om noget, jeg følger" in page
    assert "Min idé er skjult" not in page

    csrf_client.post(url_for(mailed))

    chosen = services.preferences(mailed)
    assert chosen[Verb.COMMENT_ON_IDEA] == chosen[Verb.IDEA_TRIED] == chosen[Verb.NEW_IDEA_FOLLOWED] == Channel.OFF
    assert chosen[Verb.IDEA_HIDDEN] == Channel.IN_APP


def test_unsubscribing_twice_is_harmless(csrf_client, mailed):
    url = url_for(mailed, Verb.IDEA_TRIED)
    csrf_client.post(url)
    assert csrf_client.post(url).status_code == 200
    assert services.channel_for(mailed, Verb.IDEA_TRIED) == Channel.OFF


def tampered(token):
    value, signature = token.rsplit(":", 1)
    return f"{value}:{signature[:-1]}{'A' if signature[-1] != 'A' else 'B'}"


@pytest.mark.parametrize(
    "make_token",
    [
        lambda user: tampered(emails.unsubscribe_token(user, Verb.COMMENT_ON_IDEA)),
        # A token signed for some other purpose (without the salt).
        lambda user: signing.dumps({"u": user.pk, "k": "all"}),
        lambda user: signing.dumps({"u": user.pk, "k": "everything"}, salt=emails.UNSUBSCRIBE_SALT),
        lambda user: signing.dumps({"u": 999_999, "k": "all"}, salt=emails.UNSUBSCRIBE_SALT),
        lambda user: signing.dumps(["u", user.pk], salt=emails.UNSUBSCRIBE_SALT),
        lambda user: "not-a-token",
    ],
    ids=["tampered", "other-salt", "unknown-kind", "unknown-user", "not-a-dict", "garbage"],
)
def test_a_bad_token_gets_a_danish_error_and_changes_nothing(csrf_client, mailed, make_token):
    url = reverse("notifications:unsubscribe", args=[make_token(mailed)])

    for response in (csrf_client.get(url), csrf_client.post(url)):
        assert response.status_code == 400
        assert "Linket til at afmelde er ugyldigt eller er blevet ændret" in response.content.decode()
    assert services.preferences(mailed)[Verb.COMMENT_ON_IDEA] == Channel.EMAIL
    assert services.preferences(mailed)[Verb.IDEA_TRIED] == Channel.DAILY


def test_a_token_only_ever_touches_its_own_user(csrf_client, mailed, colleague):
    services.set_preference(colleague, Verb.COMMENT_ON_IDEA, Channel.EMAIL)

    csrf_client.post(url_for(mailed))

    assert services.channel_for(colleague, Verb.COMMENT_ON_IDEA) == Channel.EMAIL


def test_other_methods_are_refused(csrf_client, mailed):
    assert csrf_client.put(url_for(mailed)).status_code == 405
    assert services.channel_for(mailed, Verb.COMMENT_ON_IDEA) == Channel.EMAIL


def test_the_pages_are_accessible_without_login(client, mailed):
    response = client.get(url_for(mailed))
    assert response.status_code == 200
    assert "<h1>Afmeld e-mails</h1>" in response.content.decode()
