"""The notification page is shared by colleagues but for its list and preferences, which are each reader's
own (a personal part, ideabank/notifications/parts.py)."""

import pytest

from ideabank.notifications import services
from ideabank.notifications.models import Notification, Verb
from ideabank.notifications.parts import PAGE_SIZE
from tests.clients import signed_in
from tests.factories import IdeaFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]

URL = "/notifikationer/"


@pytest.fixture
def layouts(calls_to):
    """How many times the page around the list was rendered: a shared page is served without it."""
    from ideabank.notifications import views

    return calls_to(views, "render")


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


def listed_with_queries(user):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = signed_in(user)
    client.get(URL)  # the shared layout is kept; the next reading fills in the parts only
    with CaptureQueriesContext(connection) as queries:
        html = client.get(URL).content.decode()
    return html, [query["sql"] for query in queries]


def test_an_empty_list_reads_no_rows(staff):
    html, queries = listed_with_queries(staff)

    assert "Du har ingen notifikationer endnu." in html
    assert not any('SELECT "notifications_notification"."id"' in sql for sql in queries)


def test_the_list_costs_the_same_queries_for_two_notifications_or_twenty_of_both_kinds(staff, colleague, monkeypatch):
    from wagtail.models import Site

    from tests.factories import make_method

    method = make_method(title="Fælles metode")
    for number in range(2):
        services.notify_promoted(IdeaFactory(author=staff, title=f"Idé {number}"), method)
    _, few = listed_with_queries(staff)
    for number in range(9):
        notify(staff, f"Kommenteret {number}", colleague)
        services.notify_promoted(IdeaFactory(author=staff, title=f"Løftet {number}"), method)

    root_paths = Site.get_site_root_paths
    reads = []
    monkeypatch.setattr(Site, "get_site_root_paths", lambda: reads.append(1) or root_paths())

    html, many = listed_with_queries(staff)

    assert len(many) == len(few)
    assert len(reads) == 2  # once per reading, not once per method linked to
    assert html.count(method.url) == 11  # every promotion links to the method, the sites read once for all
    assert "Løftet 8" in html and "Kommenteret 8" in html
    assert "problem" not in next(sql for sql in many if 'SELECT "notifications_notification"."id"' in sql)
