"""Conditional GET on the answers clients poll (#24): an idea, a method and the spread answer with ETag and
Last-Modified, and 304 (empty, same ETag) while the client's copy is current; any visible change, or another
user's view of it, is another ETag."""

from datetime import date, timedelta

import pytest
from django.utils.http import http_date, parse_http_date

from ideabank.accounts.roles import Role
from ideabank.ideas import services as ideas
from ideabank.spread import services as spread
from tests.factories import IdeaFactory, OrganisationFactory, UserFactory
from tests.spread.helpers import INDICATORS, make_method

pytestmark = pytest.mark.django_db


@pytest.fixture
def idea():
    return IdeaFactory()


@pytest.fixture
def method():
    return make_method(indicators=INDICATORS)


@pytest.fixture(params=["idea", "method", "spread"])
def url(request):
    if request.param == "idea":
        return f"/api/v1/ideas/{request.getfixturevalue('idea').pk}"
    if request.param == "method":
        return f"/api/v1/methods/{request.getfixturevalue('method').pk}"
    request.getfixturevalue("method")
    return "/api/v1/spread"


def adopt(user, method):
    return spread.register(user, method=method, status="piloting", started=date.today() - timedelta(days=90))


def test_an_unchanged_answer_is_304_with_no_body_and_the_same_etag(client, url):
    first = client.get(url)
    assert first.status_code == 200
    etag = first["ETag"]
    assert etag.startswith('W/"') and first["Last-Modified"]

    again = client.get(url, HTTP_IF_NONE_MATCH=etag)

    assert again.status_code == 304
    assert again.content == b""
    assert (again["ETag"], again["Last-Modified"]) == (etag, first["Last-Modified"])


@pytest.mark.parametrize(
    "header",
    [
        lambda etag: "*",
        lambda etag: etag.removeprefix("W/"),  # the strong form matches too: If-None-Match compares weakly
        lambda etag: f'"stale", {etag}',
    ],
    ids=["star", "strong-form", "list"],
)
def test_if_none_match_takes_a_star_the_strong_form_and_lists(client, url, header):
    etag = client.get(url)["ETag"]

    assert client.get(url, HTTP_IF_NONE_MATCH=header(etag)).status_code == 304


def test_another_etag_gets_the_whole_answer(client, url):
    response = client.get(url, HTTP_IF_NONE_MATCH='W/"someone-elses-copy"')

    assert response.status_code == 200 and response.json()


def test_if_modified_since_answers_304_when_not_modified_since(client, url):
    first = client.get(url)
    since = first["Last-Modified"]

    assert client.get(url, HTTP_IF_MODIFIED_SINCE=since).status_code == 304
    earlier = http_date(parse_http_date(since) - 60)
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=earlier).status_code == 200


def test_a_vote_a_comment_an_edit_and_a_hidden_comment_each_change_the_ideas_etag(client, idea, token_for):
    url = f"/api/v1/ideas/{idea.pk}"
    seen = [client.get(url)["ETag"]]

    def changed():
        response = client.get(url, HTTP_IF_NONE_MATCH=seen[-1])
        assert response.status_code == 200
        assert response["ETag"] not in seen
        seen.append(response["ETag"])

    assert client.post(f"{url}/vote", **token_for(UserFactory())).status_code == 200
    changed()
    response = client.post(
        f"{url}/comments", {"body": "Det vil vi også prøve."}, content_type="application/json", **token_for(idea.author)
    )
    assert response.status_code == 201
    changed()
    response = client.patch(url, {"title": "En ny titel"}, content_type="application/json", **token_for(idea.author))
    assert response.status_code == 200
    changed()
    ideas.hide(UserFactory(role=Role.MODERATOR), idea.comments.get())
    changed()


def test_an_adoption_and_an_outcome_change_the_methods_and_the_spreads_etag(client, method):
    urls = [f"/api/v1/methods/{method.pk}", "/api/v1/spread"]
    before = [client.get(url)["ETag"] for url in urls]

    staff = UserFactory(organisation=OrganisationFactory())
    adoption = adopt(staff, method)
    adopted = [client.get(url, HTTP_IF_NONE_MATCH=etag) for url, etag in zip(urls, before, strict=True)]
    assert [response.status_code for response in adopted] == [200, 200]
    spread.report_outcome(
        staff,
        adoption,
        period_start=date.today() - timedelta(days=31),
        period_end=date.today() - timedelta(days=1),
        citizens_reached=12,
        citizens_asked=10,
        citizens_helped=7,
    )

    reported = client.get(urls[0], HTTP_IF_NONE_MATCH=adopted[0]["ETag"])
    assert reported.status_code == 200
    assert len({before[0], adopted[0]["ETag"], reported["ETag"]}) == 3
    assert before[1] != adopted[1]["ETag"]


def test_users_whose_answers_differ_get_different_etags(client, idea, token_for):
    url = f"/api/v1/ideas/{idea.pk}"
    voter, other = UserFactory(), UserFactory()
    client.post(f"{url}/vote", **token_for(voter))

    voter_view = client.get(url, **token_for(voter))
    other_view = client.get(url, **token_for(other))

    assert voter_view.json()["voted"] is True and other_view.json()["voted"] is False
    assert voter_view["ETag"] != other_view["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=voter_view["ETag"], **token_for(other)).status_code == 200
    assert client.get(url, HTTP_IF_NONE_MATCH=voter_view["ETag"], **token_for(voter)).status_code == 304
    assert "Authorization" in voter_view["Vary"]


def test_an_answer_from_the_page_cache_is_conditional_too(client, idea, settings):
    settings.IDEABANK_PAGE_CACHE_SECONDS = 300
    url = f"/api/v1/ideas/{idea.pk}"
    first = client.get(url)
    kept = client.get(url)
    assert kept.content == first.content and kept["ETag"] == first["ETag"]

    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304


def test_the_schema_documents_the_headers_and_the_304(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in ("/api/v1/ideas/{idea_id}", "/api/v1/methods/{method_id}", "/api/v1/spread"):
        operation = paths[path]["get"]
        assert {"ETag", "Last-Modified"} <= set(operation["responses"]["200"]["headers"]), path
        assert "content" not in operation["responses"]["304"], path
        headers = {parameter["name"] for parameter in operation["parameters"] if parameter["in"] == "header"}
        assert {"If-None-Match", "If-Modified-Since"} <= headers, path
    assert "304" not in paths["/api/v1/ideas"]["get"]["responses"]
