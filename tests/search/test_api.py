"""GET /api/v1/search, /api/v1/search/autocomplete and /api/v1/ideas/similar: shapes, visibility and bad input."""

import pytest

from ideabank.ideas.models import Idea
from tests.factories import IdeaFactory
from tests.search.conftest import SearchBackend

SEARCH = "/api/v1/search"
AUTOCOMPLETE = "/api/v1/search/autocomplete"
SIMILAR = "/api/v1/ideas/similar"


@pytest.fixture
def backend(settings, index_prefix, db):
    settings.ELASTICSEARCH_URL = ""
    return SearchBackend("database", settings)


def ok(response):
    assert response.status_code == 200, response.content
    return response.json()


# ---- search ----------------------------------------------------------------------------------


def test_search_has_the_documented_shape(client, corpus):
    body = ok(client.get(SEARCH, {"q": "hjemløse"}))

    assert set(body) == {"count", "page", "page_size", "pages", "next", "previous", "results", "facets"}
    assert body["count"] == 2
    first = body["results"][0]
    assert set(first) == {"type", "id", "title", "url", "snippet", "score"}
    assert first["type"] == "idea"
    assert {row["title"] for row in body["results"]} == {
        "Natcafé for hjemløse",
        "Natåbent værested for gadens folk",
    }
    natcafe = next(row for row in body["results"] if row["id"] == corpus["natcafe"].pk)
    assert natcafe["url"] == f"/ideer/{corpus['natcafe'].pk}/"
    assert "<mark>Hjemløse</mark> borgere" in natcafe["snippet"]
    assert natcafe["title"] == "Natcafé for hjemløse"  # plain text; the snippet is the HTML
    assert natcafe["score"] > 0
    assert {"stage", "tag", "organisation", "target_group", "theme", "region", "municipality", "status"} <= set(
        body["facets"]
    )


def test_results_come_best_first(client, corpus):
    body = ok(client.get(SEARCH, {"q": "lektiecafé"}))
    assert [row["title"] for row in body["results"]][:2] == [
        "Lektiecafé på biblioteket",
        "Studerende som lektiehjælpere i boligområdet",
    ]
    assert body["results"][0]["score"] > body["results"][1]["score"]


def test_filters_sorts_and_facets(client, corpus):
    Idea.objects.filter(pk=corpus["varmested"].pk).update(vote_count=10)
    body = ok(client.get(SEARCH, {"q": "frivillige", "tag": "natcafé", "sort": "votes"}))

    assert [row["title"] for row in body["results"]] == ["Natåbent værested for gadens folk", "Natcafé for hjemløse"]
    assert {row["label"]: row["count"] for row in body["facets"]["tag"]} == {
        "natcafé": 2,
        "frivillige": 1,
        "værested": 1,
    }


def test_without_a_query_every_public_idea_is_a_result(client, corpus):
    body = ok(client.get(SEARCH))
    assert body["count"] == 12
    assert all(row["score"] is None for row in body["results"])


def test_pages(client, backend, staff):
    for n in range(7):
        IdeaFactory(author=staff, title=f"Mentorordning nummer {n}")

    first = ok(client.get(SEARCH, {"q": "mentor", "page_size": 5}))
    second = ok(client.get(SEARCH, {"q": "mentor", "page_size": 5, "page": 2}))
    beyond = ok(client.get(SEARCH, {"q": "mentor", "page_size": 5, "page": 9}))

    assert (first["count"], len(first["results"]), first["previous"]) == (7, 5, None)
    assert first["next"] == "/api/v1/search?q=mentor&page_size=5&page=2"
    assert (len(second["results"]), second["next"]) == (2, None)
    assert {row["id"] for row in first["results"]}.isdisjoint(row["id"] for row in second["results"])
    assert (beyond["count"], beyond["results"]) == (7, [])


def test_types(client, corpus):
    assert ok(client.get(SEARCH, {"q": "hjemløse", "type": "idea"}))["count"] == 2
    assert ok(client.get(SEARCH, {"q": "hjemløse", "type": "all"}))["count"] == 2
    assert ok(client.get(SEARCH, {"q": "hjemløse", "type": "method"})) == {
        "count": 0,
        "page": 1,
        "page_size": 20,
        "pages": 1,
        "next": None,
        "previous": None,
        "results": [],
        "facets": {"stage": [], "target_group": [], "theme": [], "tag": []},
    }


# ---- method pages ----------------------------------------------------------------------------


def test_methods_are_results_of_type_method_with_their_page(client, methods):
    body = ok(client.get(SEARCH, {"q": "netværksmøde", "type": "method"}))

    # The compound first; then the method that has its parts apart ("netværket … et møde").
    assert body["count"] == 2
    hit, parts = body["results"]
    assert parts["id"] == methods["fgc"].pk
    cti = methods["cti"]
    assert hit == {
        "type": "method",
        "id": cti.pk,
        "title": "Kritisk tidsintervention efter herberg",
        "url": cti.url,
        "snippet": hit["snippet"],
        "score": hit["score"],
    }
    assert hit["url"].startswith("/metoder/") and client.get(hit["url"]).status_code == 200
    assert "<mark>netværksmøderne</mark>" in hit["snippet"]
    assert hit["score"] > 0
    assert {row["value"]: row["count"] for row in body["facets"]["stage"]} == {"method": 1, "evidence": 1}


def test_all_returns_ideas_and_methods_with_their_types_and_urls(client, corpus, methods):
    body = ok(client.get(SEARCH, {"q": "hjemløse"}))

    assert body["count"] == 3
    assert {(row["type"], row["url"]) for row in body["results"]} == {
        ("idea", f"/ideer/{corpus['natcafe'].pk}/"),
        ("idea", f"/ideer/{corpus['varmested'].pk}/"),
        ("method", methods["cti"].url),
    }
    assert {row["value"]: row["count"] for row in body["facets"]["stage"]} == {"idea": 2, "method": 1}


def test_pages_run_across_both_kinds(client, corpus, methods):
    everything = ok(client.get(SEARCH, {"q": "hjemløse", "page_size": 3}))["results"]
    pages = [ok(client.get(SEARCH, {"q": "hjemløse", "page_size": 1, "page": n}))["results"] for n in (1, 2, 3, 4)]

    assert [row for page in pages for row in page] == everything
    assert pages[3] == []


def test_method_filters_and_idea_only_filters(client, corpus, methods):
    evidence = ok(client.get(SEARCH, {"stage": "evidence"}))
    assert [(row["type"], row["title"]) for row in evidence["results"]] == [
        ("method", "Familierådslagning for plejefamilier")
    ]
    by_region = ok(client.get(SEARCH, {"q": "hjemløse", "region": "1082"}))
    assert {row["type"] for row in by_region["results"]} <= {"idea"}


def test_draft_and_withdrawn_methods_are_not_found(client, methods, editor, token_for):
    for headers in ({}, token_for(editor)):
        body = ok(client.get(SEARCH, {"q": "tidsintervention", "type": "method"}, **headers))
        assert [row["id"] for row in body["results"]] == [methods["cti"].pk]


def test_drafts_only_for_their_author_and_never_by_text(client, corpus, staff, token_for):
    anonymous = ok(client.get(SEARCH, {"q": "kladde"}))
    mine = ok(client.get(SEARCH, {"q": "kladde"}, **token_for(staff)))
    assert anonymous["count"] == 0
    # The index holds public ideas only: a draft is found in the author's own list, not by text.
    assert mine["count"] == 0


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"type": "ideas"}, "type"),
        ({"page": 0}, "page"),
        ({"page": "x"}, "page"),
        ({"page_size": 101}, "page_size"),
        ({"sort": "random"}, "sort"),
        ({"q": "hjem\x00løse"}, "q"),
        ({"tag": "a\x00"}, "tag"),
        ({"municipality": "Aarhus"}, "municipality"),
    ],
)
def test_bad_parameters_are_422_with_a_detail(client, db, params, field):
    response = client.get(SEARCH, params)
    assert response.status_code == 422, response.content
    detail = response.json()["detail"]
    assert any(error.get("field") == field or field in error.get("loc", []) for error in detail), detail


@pytest.mark.parametrize(
    "q",
    ["", " ", "?!", '"', "natcafé)", "a OR (b", "title:x^2", "'; DROP TABLE x; --", "x" * 600, "💥", "*"],
)
def test_odd_queries_are_a_normal_answer(client, corpus, q):
    body = ok(client.get(SEARCH, {"q": q}))
    assert isinstance(body["results"], list)


# ---- autocomplete ----------------------------------------------------------------------------


def test_autocomplete(client, corpus):
    body = ok(client.get(AUTOCOMPLETE, {"q": "natc"}))
    assert body == {
        "results": [
            {"id": corpus["natcafe"].pk, "title": "Natcafé for hjemløse", "url": f"/ideer/{corpus['natcafe'].pk}/"}
        ]
    }


@pytest.mark.parametrize("q", ["", "n", "💥", "x" * 600, '"('])
def test_autocomplete_with_too_little_or_odd_input_is_empty(client, corpus, q):
    assert ok(client.get(AUTOCOMPLETE, {"q": q})) == {"results": []}


def test_autocomplete_refuses_control_characters(client, db):
    response = client.get(AUTOCOMPLETE, {"q": "nat\x00"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "q"


# ---- similar ideas ---------------------------------------------------------------------------


def test_similar_ideas(client, corpus):
    body = ok(client.get(SIMILAR, {"title": "Natcafé til hjemløse", "problem": "Hjemløse fryser om natten."}))
    assert [row["title"] for row in body["results"]][:2] == [
        "Natcafé for hjemløse",
        "Natåbent værested for gadens folk",
    ]
    assert len(body["results"]) <= 5
    assert set(body["results"][0]) == {"id", "title", "url", "score"}
    assert body["results"][0]["url"] == f"/ideer/{corpus['natcafe'].pk}/"


def test_similar_is_not_taken_for_an_idea_id(client, corpus):
    # /ideas/{id} takes integers; "similar" must reach this endpoint, not a 404 or 422 from that one.
    assert "results" in ok(client.get(SIMILAR))


def test_similar_can_exclude_an_idea(client, corpus):
    natcafe = corpus["natcafe"]
    body = ok(client.get(SIMILAR, {"title": natcafe.title, "problem": natcafe.problem, "exclude": natcafe.pk}))
    assert natcafe.pk not in [row["id"] for row in body["results"]]


def test_similar_only_finds_published_ideas(client, corpus):
    body = ok(client.get(SIMILAR, {"title": "Hjemløse kladde", "problem": "Natcafé i kladde. Skjult."}))
    assert not {corpus["draft"].pk, corpus["hidden"].pk} & {row["id"] for row in body["results"]}


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"title": "nat\x00café"}, "title"),
        ({"problem": "\x07"}, "problem"),
        ({"exclude": "x"}, "exclude"),
        ({"exclude": 0}, "exclude"),
    ],
)
def test_similar_bad_input_is_422(client, db, params, field):
    response = client.get(SIMILAR, params)
    assert response.status_code == 422, response.content
    detail = response.json()["detail"]
    assert any(error.get("field") == field for error in detail), detail


@pytest.mark.parametrize("params", [{}, {"title": "og"}, {"title": "x" * 5000, "problem": "y" * 50000}])
def test_similar_with_too_little_or_too_much_text_is_a_normal_answer(client, corpus, params):
    assert isinstance(ok(client.get(SIMILAR, params))["results"], list)


def test_the_endpoints_are_in_the_openapi_schema(client, db):
    paths = ok(client.get("/api/v1/openapi.json"))["paths"]
    assert {"/api/v1/search", "/api/v1/search/autocomplete", "/api/v1/ideas/similar"} <= set(paths)
