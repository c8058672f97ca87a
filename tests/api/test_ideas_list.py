"""GET /api/v1/ideas: visibility, filters, sorts, pagination, facets and a constant number of queries."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ideabank.ideas import services
from ideabank.ideas.models import Idea, Stage
from ideabank.taxonomy.models import TargetGroup, Theme
from tests.factories import CommentFactory, IdeaFactory, UserFactory, municipal_organisation

pytestmark = pytest.mark.django_db

URL = "/api/v1/ideas"


def titles(response):
    assert response.status_code == 200, response.content
    return [row["title"] for row in response.json()["results"]]


def test_the_page_has_the_documented_shape(client, staff):
    homeless = TargetGroup.objects.get(slug="hjemloese")
    housing = Theme.objects.get(slug="bolig-og-hjemloeshed")
    idea = IdeaFactory(author=staff, title="Skurvogne", tags=["Bolig", "natcafé"], target_groups=[homeless])
    idea.themes.set([housing])

    response = client.get(URL)

    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"count", "page", "page_size", "pages", "next", "previous", "results", "facets"}
    assert (body["count"], body["page"], body["page_size"], body["next"], body["previous"]) == (1, 1, 20, None, None)
    row = body["results"][0]
    assert row["id"] == idea.pk
    assert row["title"] == "Skurvogne"
    assert row["url"] == f"/ideer/{idea.pk}/"
    assert (row["stage"], row["status"], row["votes"], row["comments"]) == ("idea", "published", 0, 0)
    assert row["tags"] == ["Bolig", "natcafé"]
    assert row["target_groups"] == [{"slug": "hjemloese", "name": homeless.name}]
    assert row["themes"] == [{"slug": "bolig-og-hjemloeshed", "name": housing.name}]
    assert row["organisation"] == {"slug": staff.organisation.slug, "name": staff.organisation.name}
    assert row["created"]
    assert row["voted"] is False


def test_facets_count_each_value(client, staff, outsider):
    homeless = TargetGroup.objects.get(slug="hjemloese")
    IdeaFactory(author=staff, target_groups=[homeless], tags=["bolig"])
    IdeaFactory(author=staff, tags=["bolig"])
    IdeaFactory(author=outsider)

    facets = client.get(URL).json()["facets"]

    assert set(facets) == {
        "stage",
        "status",
        "target_group",
        "theme",
        "tag",
        "organisation",
        "region",
        "municipality",
    }
    assert facets["target_group"] == [{"value": "hjemloese", "label": homeless.name, "count": 1}]
    assert facets["tag"] == [{"value": "bolig", "label": "bolig", "count": 2}]
    assert {row["value"]: row["count"] for row in facets["organisation"]} == {
        staff.organisation.slug: 2,
        outsider.organisation.slug: 1,
    }
    assert {row["value"]: row["count"] for row in facets["municipality"]} == {"751": 2, "461": 1}
    assert facets["stage"] == [{"value": "idea", "label": "Idé", "count": 3}]


def test_a_facet_ignores_its_own_filter(client, staff, outsider):
    IdeaFactory(author=staff)
    IdeaFactory(author=outsider)

    body = client.get(URL, {"organisation": staff.organisation.slug}).json()

    assert body["count"] == 1
    assert len(body["facets"]["organisation"]) == 2


def test_drafts_are_listed_only_for_their_author(client, staff, colleague, token_for):
    IdeaFactory(author=staff, title="Offentlig")
    IdeaFactory(author=staff, title="Min kladde", status=Idea.Status.DRAFT, published_at=None)

    assert titles(client.get(URL)) == ["Offentlig"]
    assert sorted(titles(client.get(URL, **token_for(staff)))) == ["Min kladde", "Offentlig"]
    assert titles(client.get(URL, **token_for(colleague))) == ["Offentlig"]
    client.force_login(staff)
    assert sorted(titles(client.get(URL))) == ["Min kladde", "Offentlig"]


def test_a_bad_token_on_a_read_is_refused_not_downgraded(client, staff):
    IdeaFactory(author=staff)
    response = client.get(URL, HTTP_AUTHORIZATION="Bearer not-a-real-token")
    assert response.status_code == 401
    assert "detail" in response.json()


@pytest.mark.parametrize(
    ("parameter", "matching", "other"),
    [
        ("target_group", "hjemloese", "aeldre"),
        ("theme", "handicap", "misbrugsbehandling"),
        ("tag", "natcafé", "bolig"),
        ("stage", "tried", "idea"),
    ],
)
def test_vocabulary_and_stage_filters(client, staff, parameter, matching, other):
    wanted = IdeaFactory(author=staff, title="Den rigtige", tags=["natcafé"], stage=Stage.TRIED)
    wanted.target_groups.set([TargetGroup.objects.get(slug="hjemloese")])
    wanted.themes.set([Theme.objects.get(slug="handicap")])
    unwanted = IdeaFactory(author=staff, title="Den forkerte", tags=["bolig"])
    unwanted.target_groups.set([TargetGroup.objects.get(slug="aeldre")])
    unwanted.themes.set([Theme.objects.get(slug="misbrugsbehandling")])

    assert titles(client.get(URL, {parameter: matching})) == ["Den rigtige"]
    assert titles(client.get(URL, {parameter: other})) == ["Den forkerte"]


def test_organisation_municipality_and_region_filters(client, staff, outsider):
    IdeaFactory(author=staff, title="Aarhus")
    IdeaFactory(author=outsider, title="Odense")
    aarhus = municipal_organisation(751)

    assert titles(client.get(URL, {"organisation": aarhus.slug})) == ["Aarhus"]
    assert titles(client.get(URL, {"municipality": "461"})) == ["Odense"]
    assert titles(client.get(URL, {"region": str(aarhus.region_id)})) == ["Aarhus"]
    assert titles(client.get(URL, {"municipality": "101"})) == []


def test_status_filter_shows_only_what_the_user_may_see(client, staff, token_for):
    IdeaFactory(author=staff, title="Kladde", status=Idea.Status.DRAFT, published_at=None)
    IdeaFactory(author=staff, title="Delt")

    assert titles(client.get(URL, {"status": "draft"})) == []
    assert titles(client.get(URL, {"status": "draft"}, **token_for(staff))) == ["Kladde"]


def test_unknown_filter_values_match_nothing(client, staff):
    IdeaFactory(author=staff)
    assert titles(client.get(URL, {"target_group": "findes-ikke"})) == []
    assert titles(client.get(URL, {"stage": "nonsense"})) == []


def test_sorts(client, staff):
    quiet = IdeaFactory(author=staff, title="Stille")
    voted = IdeaFactory(author=staff, title="Populær")
    discussed = IdeaFactory(author=staff, title="Debatteret")
    newest = IdeaFactory(author=staff, title="Nyeste")
    for voter in UserFactory.create_batch(2):
        services.cast_vote(voter, voted)
    services.add_comment(UserFactory(), discussed, "Godt tænkt.")
    Idea.objects.filter(pk=quiet.pk).update(published_at=voted.published_at.replace(year=2020))

    assert titles(client.get(URL, {"sort": "newest"}))[0] == newest.title
    assert titles(client.get(URL, {"sort": "newest"}))[-1] == quiet.title
    assert titles(client.get(URL, {"sort": "votes"}))[0] == voted.title
    assert titles(client.get(URL, {"sort": "trending"}))[0] == voted.title
    assert titles(client.get(URL, {"sort": "comments"}))[0] == discussed.title


def test_search_with_relevance(client, staff):
    IdeaFactory(author=staff, title="Natcafé for hjemløse")
    IdeaFactory(author=staff, title="Lektiehjælp i boligområdet")
    assert titles(client.get(URL, {"q": "natcafé", "sort": "relevance"})) == ["Natcafé for hjemløse"]


def test_an_unknown_sort_is_a_clear_422(client):
    response = client.get(URL, {"sort": "random"})
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["field"] == "sort"
    assert error["msg"].startswith("Sortering: ")
    assert "newest" in error["msg"]


def test_votes_sort_with_a_voter_marks_what_they_voted_for(client, staff, colleague, token_for):
    idea = IdeaFactory(author=staff)
    IdeaFactory(author=staff)
    services.cast_vote(colleague, idea)
    rows = client.get(URL, {"sort": "votes"}, **token_for(colleague)).json()["results"]
    assert [(row["id"] == idea.pk, row["voted"]) for row in rows] == [(True, True), (False, False)]


def test_pagination_links_and_sizes(client, staff):
    IdeaFactory.create_batch(5, author=staff)

    first = client.get(URL, {"page_size": 2, "sort": "votes"}).json()
    assert (first["count"], len(first["results"]), first["previous"]) == (5, 2, None)
    assert first["next"] == "/api/v1/ideas?page_size=2&sort=votes&page=2"

    last = client.get(URL, {"page_size": 2, "page": 3}).json()
    assert len(last["results"]) == 1
    assert last["next"] is None
    assert last["previous"] == "/api/v1/ideas?page_size=2&page=2"

    seen = {
        row["id"] for page in (1, 2, 3) for row in client.get(URL, {"page_size": 2, "page": page}).json()["results"]
    }
    assert len(seen) == 5


def test_a_page_beyond_the_last_is_empty_not_an_error(client, staff):
    IdeaFactory.create_batch(3, author=staff)
    body = client.get(URL, {"page_size": 2, "page": 9}).json()
    assert (body["count"], body["results"], body["next"]) == (3, [], None)
    assert body["previous"] == "/api/v1/ideas?page_size=2&page=2"


@pytest.mark.parametrize(
    "query",
    [{"page_size": 101}, {"page_size": 0}, {"page": 0}, {"page": "abc"}, {"page": 10**30}],
)
def test_bad_paging_is_422(client, query):
    response = client.get(URL, query)
    assert response.status_code == 422
    assert response.json()["detail"]


@pytest.mark.parametrize(
    ("parameter", "value"),
    [
        ("q", "hjem\x00løs"),
        ("tag", "\x00"),
        ("target_group", "hjem\x1bløse"),
        ("municipality", "²"),
        ("municipality", "9" * 40),
        ("region", "-1"),
    ],
)
def test_bad_filter_values_are_422_naming_the_parameter(client, parameter, value):
    response = client.get(URL, {parameter: value})
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["field"] == parameter


def idea_with_activity(author, tags):
    idea = IdeaFactory(author=author, tags=tags)
    idea.target_groups.set(TargetGroup.objects.all()[:3])
    idea.themes.set(Theme.objects.all()[:2])
    return idea


def count_queries(client, **headers):
    with CaptureQueriesContext(connection) as context:
        response = client.get(URL, {"page_size": 100, "sort": "votes"}, **headers)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_the_number_of_queries_does_not_grow_with_the_data(client, staff, token_for):
    headers = token_for(staff)
    client.get("/api/v1/me", **headers)  # the token's first use records when it was used: one write, once
    idea_with_activity(staff, ["a"])
    small = (count_queries(client), count_queries(client, **headers))

    voters = UserFactory.create_batch(4)
    for n in range(12):
        idea = idea_with_activity(UserFactory(), [f"emne {n}", f"andet {n}", "fælles"])
        for voter in voters:
            services.cast_vote(voter, idea)
        CommentFactory.create_batch(2, idea=idea)
    cache.clear()
    client.get("/api/v1/me", **headers)  # the token's user is cached again, as it was for `small`
    large = (count_queries(client), count_queries(client, **headers))

    assert large == small


def test_a_page_with_cached_facets_stays_within_budget(client, staff, token_for, django_assert_max_num_queries):
    for n in range(25):
        idea_with_activity(staff, [f"emne {n}", "fælles"])
    headers = token_for(staff)
    client.get(URL)
    client.get(URL, **headers)

    with django_assert_max_num_queries(6):
        assert client.get(URL, {"page_size": 100}).status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(URL, {"page_size": 100}, **headers).status_code == 200


@pytest.mark.parametrize(
    "q",
    ["*", "a AND", "OR", "NOT x", "(", "a:b", "^", "-", "NEAR(a b)", "\\", "%", "&|!", "💥", "x" * 300, "a OR (c"],
)
def test_search_syntax_in_q_is_just_text(client, staff, q):
    IdeaFactory(author=staff, title="Natcafé")
    assert client.get(URL, {"q": q, "sort": "relevance"}).status_code == 200


@pytest.mark.parametrize("q", ['"', 'a"b'])
def test_an_unbalanced_quote_in_q_is_just_text(client, staff, q):
    IdeaFactory(author=staff, title="Natcafé")
    assert client.get(URL, {"q": q}).status_code == 200
