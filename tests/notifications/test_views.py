"""The notification page and the header bell: login required, mark one or all read, preferences."""

import pytest
from django.urls import reverse

from ideabank.notifications import services
from ideabank.notifications.models import Notification, NotificationPreference, Verb
from tests.factories import IdeaFactory

pytestmark = pytest.mark.django_db

LIST = reverse("notifications:list")
READ = reverse("notifications:mark_read")


@pytest.fixture
def idea(colleague):
    return IdeaFactory(author=colleague)


@pytest.fixture
def notifications(staff, colleague, idea):
    return [services.notify(staff, Verb.COMMENT_ON_IDEA, actor=colleague, idea=idea) for _ in range(2)]


def test_the_page_needs_login(client):
    response = client.get(LIST)

    assert response.status_code == 302
    assert "/konto/" in response["Location"]


def test_the_page_lists_ones_own_newest_first_with_links(client, staff, outsider, idea, notifications):
    services.notify(outsider, Verb.IDEA_HIDDEN, idea=IdeaFactory(author=outsider, title="Hemmelig idé"))
    client.force_login(staff)

    response = client.get(LIST)

    assert response.status_code == 200
    assert [n.pk for n in response.context["page"]] == [notifications[1].pk, notifications[0].pk]
    content = response.content.decode()
    assert idea.get_absolute_url() in content
    assert "Hemmelig idé" not in content
    assert "Markér alle som læst" in content
    assert content.count("Markér som læst") == 2


def test_marking_one_read(client, staff, notifications):
    client.force_login(staff)

    response = client.post(READ, {"id": notifications[0].pk})

    assert response.status_code == 302
    assert services.unread_count(staff) == 1
    assert Notification.objects.get(pk=notifications[0].pk).is_read


def test_marking_someone_elses_does_nothing(client, colleague, notifications):
    client.force_login(colleague)

    client.post(READ, {"id": notifications[0].pk})

    assert not Notification.objects.get(pk=notifications[0].pk).is_read


def test_marking_all_read(client, staff, notifications):
    client.force_login(staff)

    client.post(READ)

    assert services.unread_count(staff) == 0


def test_marking_needs_post_and_login(client, staff, notifications):
    assert client.post(READ).status_code == 302
    assert services.unread_count(staff) == 2
    client.force_login(staff)
    assert client.get(READ).status_code == 405


def test_the_bell_shows_the_unread_count(client, staff, notifications):
    client.force_login(staff)

    content = client.get(LIST).content.decode()

    assert '<span class="badge" data-unread-count>2</span>' in content
    # The link's accessible name reads "Notifikationer 2 ulæste"; the script gets both forms for live updates.
    assert 'data-label-one="ulæst" data-label-other="ulæste"> ulæste</span>' in content


def test_the_bell_is_live_for_the_logged_in_only(client, staff):
    assert "js/notifications.js" not in client.get(LIST, follow=True).content.decode()

    client.force_login(staff)
    content = client.get(LIST).content.decode()

    assert 'data-notifications-url="/ws/notifications/"' in content
    assert '<script src="/static/js/notifications.js" defer></script>' in content
    assert 'role="status" aria-live="polite" data-notifications-status' in content


def test_the_bell_is_a_personal_part_that_costs_one_query(rf, staff):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from ideabank.pagecache import personal

    request = rf.get("/")
    request.user = staff
    with CaptureQueriesContext(connection) as queries:
        html = personal.render(request, "bell")

    assert len(queries) == 1
    assert '<span class="badge" data-unread-count>0</span>' in html
    assert " ulæste</span>" in html


def test_saving_preferences(client, staff):
    client.force_login(staff)
    data = dict.fromkeys(Verb.values, NotificationPreference.Channel.IN_APP)
    data[Verb.IDEA_TRIED] = NotificationPreference.Channel.OFF

    response = client.post(reverse("notifications:preferences"), data)

    assert response.status_code == 302
    assert services.preferences(staff)[Verb.IDEA_TRIED] == "off"
    assert services.preferences(staff)[Verb.IDEA_HIDDEN] == "in_app"


def test_bad_preferences_are_refused(client, staff):
    client.force_login(staff)

    response = client.post(reverse("notifications:preferences"), {Verb.IDEA_TRIED: "loud"})

    assert response.status_code == 400
    assert not NotificationPreference.objects.exists()


def test_each_notification_links_where_it_leads(client, staff):
    from wagtail.models import Page, Site

    method = Site.objects.get(is_default_site=True).root_page.add_child(
        instance=Page(title="Walk and talk-samtaler", slug="walk-and-talk-samtaler")
    )
    services.notify_promoted(IdeaFactory(author=staff), method)
    services.notify(staff, Verb.METHOD_ADOPTED)  # its method is gone: plain text, no link
    client.force_login(staff)

    content = client.get(LIST).content.decode()

    assert '<a href="/walk-and-talk-samtaler/">' in content
    assert "Metoden »en metode«, som du følger, er taget i brug af en anden organisation" in content
