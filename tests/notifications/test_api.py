"""GET /api/v1/notifications and POST /api/v1/notifications/read."""

import pytest

from ideabank.notifications import services
from ideabank.notifications.models import Notification, Verb
from tests.factories import IdeaFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/notifications"
READ = "/api/v1/notifications/read"


@pytest.fixture
def idea(colleague):
    return IdeaFactory(author=colleague)


@pytest.fixture
def mine(staff, colleague, idea):
    return [
        services.notify(staff, Verb.COMMENT_ON_IDEA, actor=colleague, idea=idea),
        services.notify(staff, Verb.IDEA_HIDDEN),
    ]


@pytest.fixture
def theirs(outsider):
    return services.notify(outsider, Verb.IDEA_HIDDEN)


def test_anonymous_is_refused(client):
    assert client.get(URL).status_code == 401
    assert client.post(READ, {}, content_type="application/json").status_code == 401


def test_listing_ones_own(client, staff, colleague, idea, mine, theirs, token_for):
    response = client.get(URL, **token_for(staff))

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2
    assert body["unread"] == 2
    assert [row["id"] for row in body["results"]] == [mine[1].pk, mine[0].pk]
    comment = body["results"][1]
    assert comment["verb"] == "comment_on_idea"
    assert comment["idea"] == {"id": idea.pk, "title": idea.title, "url": idea.get_absolute_url()}
    assert comment["actor"] == colleague.display_name
    assert comment["read"] is False
    assert comment["text"].startswith(colleague.display_name)
    assert body["results"][0]["idea"] is None


def test_paging(client, staff, mine, token_for):
    body = client.get(URL, {"page": 2, "page_size": 1}, **token_for(staff)).json()

    assert body["count"] == 2
    assert [row["id"] for row in body["results"]] == [mine[0].pk]


def test_marking_some_read_ignores_others_ids(client, staff, mine, theirs, token_for):
    response = client.post(READ, {"ids": [mine[0].pk, theirs.pk]}, content_type="application/json", **token_for(staff))

    assert response.status_code == 200
    assert response.json() == {"unread": 1}
    assert not Notification.objects.get(pk=theirs.pk).is_read


def test_marking_all_read(client, staff, mine, theirs, token_for):
    response = client.post(READ, {}, content_type="application/json", **token_for(staff))

    assert response.json() == {"unread": 0}
    assert services.unread_count(theirs.recipient) == 1


def test_bad_ids_are_a_422(client, staff, mine, token_for):
    response = client.post(READ, {"ids": "all"}, content_type="application/json", **token_for(staff))

    assert response.status_code == 422
    assert services.unread_count(staff) == 2
