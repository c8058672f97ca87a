"""The notification page is shared by colleagues but for its list and preferences, which are each reader's
own (a personal part, ideabank/notifications/parts.py)."""

import pytest
from django.test import Client

from ideabank.notifications import services
from ideabank.notifications.models import Notification, Verb
from ideabank.notifications.parts import PAGE_SIZE
from tests.factories import IdeaFactory

pytestmark = pytest.mark.django_db

URL = "/notifikationer/"


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.IDEABANK_PAGE_CACHE_SECONDS = 300


@pytest.fixture
def layouts(monkeypatch):
    """How many times the page around the list was rendered: a shared page is served without it."""
    from ideabank.notifications import views

    calls = []
    original = views.render

    def counted(*args, **kwargs):
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(views, "render", counted)
    return calls


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def notify(user, title, actor):
    idea = IdeaFactory(title=title)
    return Notification.objects.create(recipient=user, verb=Verb.COMMENT_ON_IDEA, actor=actor, idea=idea)


def test_each_colleague_gets_their_own_list_in_the_shared_page(staff, colleague, layouts):
    notify(staff, "Til staff", colleague)
    notify(colleague, "Til kollegaen", staff)

    mine = signed_in(staff).get(URL).content.decode()
    theirs = signed_in(colleague).get(URL).content.decode()

    assert len(layouts) == 1  # the colleague got the page staff caused to be rendered
    assert "Til staff" in mine and "Til kollegaen" not in mine
    assert "Til kollegaen" in theirs and "Til staff" not in theirs
    assert staff.display_name in mine and colleague.display_name in theirs


def test_a_new_notification_shows_on_the_next_visit(staff, colleague):
    client = signed_in(staff)
    assert "Ny besked" not in client.get(URL).content.decode()

    notify(staff, "Ny besked", colleague)  # as a background task would: no request moved the page cache on

    assert "Ny besked" in client.get(URL).content.decode()


def test_the_second_page_lists_the_older_notifications(staff, colleague):
    for number in range(PAGE_SIZE + 1):
        notify(staff, f"Besked {number:02d}", colleague)
    Notification.objects.filter(idea__title="Besked 00").update(created="2020-01-01T00:00Z")

    first = signed_in(staff).get(URL).content.decode()
    second = signed_in(staff).get(URL + "?page=2").content.decode()

    assert "Besked 00" not in first
    assert "Besked 00" in second and "Besked 01" not in second


def test_invalid_preferences_come_back_with_their_errors(staff):
    client = signed_in(staff)
    client.get(URL)
    before = services.preferences(staff)

    response = client.post("/notifikationer/indstillinger/", {Verb.COMMENT_ON_IDEA: "brevdue"})

    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
    assert services.preferences(staff) == before
