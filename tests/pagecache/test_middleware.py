"""Whole-page caching for anonymous visitors: who gets a cached page, which pages are kept, and that
every write is visible to the next request."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from ideabank.pagecache import store
from tests.factories import IdeaFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture
def idea(staff):
    return IdeaFactory(author=staff, title="Walk and talk")


def queries(client, url, **headers):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, **headers).status_code in (200, 401)
    return len(captured)


def served_from_cache(client, url, django_assert_num_queries, **headers):
    """GET twice; the second answer must need no database at all."""
    first = client.get(url, **headers)
    with django_assert_num_queries(0):
        second = client.get(url, **headers)
    return first, second


def test_second_anonymous_visit_needs_no_database(client, idea, django_assert_num_queries):
    first, second = served_from_cache(client, idea.get_absolute_url(), django_assert_num_queries)

    assert second.status_code == 200
    assert second["Content-Type"] == first["Content-Type"]
    assert "Walk and talk" in second.content.decode()
    assert TOKEN.sub("", second.content.decode()) == TOKEN.sub("", first.content.decode())


def test_each_visitor_gets_a_csrf_token_that_works_for_them(client, idea):
    client.get(idea.get_absolute_url())  # fills the cache
    visitor = Client(enforce_csrf_checks=True)

    page = visitor.get(idea.get_absolute_url())
    tokens = TOKEN.findall(page.content.decode())

    assert tokens and "\x00" not in tokens[0]
    assert "csrftoken" in page.cookies
    switched = visitor.post("/sprog/", {"csrfmiddlewaretoken": tokens[0], "language": "en", "next": "/"})
    assert switched.status_code == 302
    assert switched.cookies["django_language"].value == "en"


def test_languages_are_cached_apart(client, idea, django_assert_num_queries):
    danish, _ = served_from_cache(client, idea.get_absolute_url(), django_assert_num_queries)
    english, _ = served_from_cache(
        client, idea.get_absolute_url(), django_assert_num_queries, HTTP_ACCEPT_LANGUAGE="en"
    )

    assert (danish["Content-Language"], english["Content-Language"]) == ("da", "en")
    assert 'lang="en"' in english.content.decode()


def test_query_strings_are_cached_apart(client, idea):
    IdeaFactory(title="Noget helt andet")

    assert "Noget helt andet" in client.get("/ideer/").content.decode()
    assert "Noget helt andet" not in client.get("/ideer/?q=walk").content.decode()


def test_a_vote_is_visible_to_the_next_anonymous_visitor(client, idea, colleague):
    url = f"/api/v1/ideas/{idea.pk}"
    assert client.get(url).json()["votes"] == 0

    voter = Client()
    voter.force_login(colleague)
    assert voter.post(f"/ideer/{idea.pk}/stem/", {"action": "vote"}).status_code == 302

    assert client.get(url).json()["votes"] == 1


def test_a_write_outside_a_request_is_visible_after_it_commits(client, idea, django_capture_on_commit_callbacks):
    client.get(idea.get_absolute_url())

    with django_capture_on_commit_callbacks(execute=True):
        idea.title = "Walk, talk and listen"
        idea.save()

    assert "Walk, talk and listen" in client.get(idea.get_absolute_url()).content.decode()


def test_private_bookkeeping_does_not_retire_pages(staff, django_capture_on_commit_callbacks):
    before = store.generation()
    with django_capture_on_commit_callbacks(execute=True):
        Client().force_login(staff)  # a session, the session index and last_login

    assert store.generation() == before


def test_logged_in_users_never_get_a_cached_page(client, idea, staff):
    client.get(idea.get_absolute_url())
    reader = Client()
    reader.force_login(staff)

    html = reader.get(idea.get_absolute_url()).content.decode()

    assert staff.display_name in html
    assert 'action="/konto/log-ud/"' in html


@pytest.mark.parametrize(
    "headers",
    [{"HTTP_HX_REQUEST": "true"}, {"HTTP_AUTHORIZATION": "Bearer nope"}, {"HTTP_COOKIE": "sessionid=unknown"}],
    ids=["htmx fragment", "bearer token", "session cookie"],
)
def test_requests_that_may_be_personal_pass_by(client, idea, headers):
    url = f"/api/v1/ideas/{idea.pk}" if "HTTP_AUTHORIZATION" in headers else idea.get_absolute_url()
    client.get(url)

    assert queries(Client(), url, **headers) > 0


def test_only_listed_views_are_cached(client, idea, settings):
    settings.IDEABANK_PAGE_CACHE_VIEWS = settings.IDEABANK_PAGE_CACHE_VIEWS - {"ideas:detail"}
    client.get(idea.get_absolute_url())

    assert queries(client, idea.get_absolute_url()) > 0


def test_missing_pages_are_not_kept(client, idea):
    missing = f"/ideer/{idea.pk + 1}/"
    assert client.get(missing).status_code == 404

    created = IdeaFactory(pk=idea.pk + 1, title="Nu findes den")  # never commits: the generation stays

    assert created.title in client.get(missing).content.decode()


def test_switched_off_nothing_is_cached(client, idea, settings):
    settings.IDEABANK_PAGE_CACHE_SECONDS = 0
    client.get(idea.get_absolute_url())

    assert queries(client, idea.get_absolute_url()) > 0


def test_a_write_succeeds_when_the_cache_cannot_be_reached(client, idea, colleague, settings, caplog):
    settings.CACHES = {
        "default": {"BACKEND": "ideabank.redis_cache.SharedPoolRedisCache", "LOCATION": "redis://127.0.0.1:1/0"}
    }
    settings.IDEABANK_RATE_LIMITS = {**settings.IDEABANK_RATE_LIMITS, "vote": None}
    client.force_login(colleague)

    response = client.post(f"/ideer/{idea.pk}/stem/", {"action": "vote"})

    assert response.status_code == 302
    assert idea.votes.filter(user=colleague).exists()
    assert "Redis cache unreachable" in caplog.text
