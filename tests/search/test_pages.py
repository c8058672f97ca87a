"""The search page's orchestration (search/pages.py): on Elasticsearch one request answers a page —
hits, facets, counts and highlights — and pages past the from/size window are reached by search_after;
on both backends a hidden idea is neither listed nor counted, even when the index still holds it.
"""

from unittest import mock

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import QueryDict

from ideabank.ideas import services
from search import pages
from search.backends import database_backend, elasticsearch
from search.indexing import fields_for, source
from tests.search.conftest import idea


def search(kind="all", window=(0, 20), **params):
    query = QueryDict(mutable=True)
    query.update(params)
    return pages.search(AnonymousUser(), query, kind, with_counts=True, window=window)


def titles(results):
    return [obj.title for obj in results.items[: results.count()]]


def counted(results, facet):
    return {row["value"]: row["count"] for row in results.facets[facet]}


def store_anyway(backend, hidden):
    """Put a hidden idea into the index as a stale or faulty index might hold it."""
    fields = fields_for("idea", hidden)
    database_backend().store("idea", hidden.pk, fields)
    if backend.name == "elasticsearch":
        elasticsearch.ElasticsearchBackend().store("idea", hidden.pk, source("idea", hidden, fields))


def test_a_hidden_idea_in_the_index_is_neither_listed_nor_counted(corpus, backend):
    store_anyway(backend, corpus["hidden"])  # "Skjult natcafé for hjemløse", status hidden

    results = search(q="natcafé")

    assert "Skjult natcafé for hjemløse" not in titles(results)
    assert results.counts["idea"] == len(titles(results)) == 2
    assert sum(counted(results, "stage").values()) == 2
    assert "hidden" not in counted(results, "status")


def test_a_hidden_idea_leaves_the_list_and_the_facets(corpus, backend, moderator, django_capture_on_commit_callbacks):
    assert counted(search(q="natcafé", kind="idea"), "tag")["natcafe"] == 2

    with django_capture_on_commit_callbacks(execute=True):
        services.hide(moderator, corpus["varmested"])
    results = search(q="natcafé", kind="idea")

    assert titles(results) == ["Natcafé for hjemløse"]
    assert counted(results, "tag") == {"natcafe": 1, "frivillige": 1}
    assert results.counts == {"idea": 1, "method": 0, "all": 1}


def test_archived_ideas_are_counted_in_the_status_facet_but_not_listed(corpus, backend, staff):
    archived = idea(staff, "Arkiveret natcafé", "Natcafé.", "Natcafé.", status="archived")
    backend.sync()

    results = search(q="natcafé", kind="idea")

    assert archived.title not in titles(results)
    assert counted(results, "status") == {"published": 2, "archived": 1}
    assert archived.title in titles(search(q="natcafé", kind="idea", status="archived"))


@pytest.mark.parametrize("backend", ["elasticsearch"], indirect=True)
def test_elasticsearch_answers_a_page_in_one_request(corpus, methods, backend):
    client = elasticsearch.client()
    with mock.patch.object(client, "search", wraps=client.search) as asked:
        results = search(q="hjemløse")
        hits = results.hits(results.items[0:20])

    assert asked.call_count == 1
    assert sorted(hit.type for hit in hits) == ["idea", "idea", "method"]
    assert results.counts == {"idea": 2, "method": 1, "all": 3}
    assert counted(results, "stage") == {"idea": 2, "method": 1}
    # Elasticsearch's highlights, escaped, with the matched words marked.
    natcafe = next(hit for hit in hits if hit.object == corpus["natcafe"])
    assert natcafe.snippet.startswith("<mark>Hjemløse</mark> borgere har intet varmt sted")


def test_elasticsearch_highlights_are_escaped(backend, staff):
    idea(staff, "Natcafé <script>alert(1)</script>", "Hjemløse & <b>andre</b>.", "Natcafé.")
    backend.sync()
    [hit] = search(q="natcafé").hits(search(q="natcafé").items[0:1])

    assert "<script>" not in hit.title and "&lt;script&gt;" in hit.title
    assert "<b>" not in hit.snippet


@pytest.mark.parametrize("backend", ["elasticsearch"], indirect=True)
@pytest.mark.parametrize("sort", ["relevance", "newest"])
def test_pages_past_the_window_are_reached_by_search_after(backend, staff, sort, monkeypatch):
    for number in range(7):
        idea(staff, f"Lektiecafé nummer {number}", "Lektiecafé for børn.", "Frivillige.", days_ago=number)
    backend.sync()
    everything = titles(search(q="lektiecafé", sort=sort, kind="idea"))

    monkeypatch.setattr(elasticsearch, "MAX_WINDOW", 3)  # from/size reaches 3 hits, search_after the rest
    pages_of_two = [
        titles_of(search(q="lektiecafé", sort=sort, kind="idea", window=(start, 2)), start) for start in (0, 2, 4, 6)
    ]

    assert len(everything) == 7
    assert [title for page in pages_of_two for title in page] == everything


def titles_of(results, start):
    return [obj.title for obj in results.items[start : start + 2]]


@pytest.mark.parametrize("backend", ["elasticsearch"], indirect=True)
def test_an_index_from_before_the_filter_fields_leaves_the_page_to_the_database(corpus, backend, monkeypatch):
    monkeypatch.setattr(elasticsearch, "MAPPING_VERSION", elasticsearch.MAPPING_VERSION + 1)
    monkeypatch.setattr(elasticsearch, "_current", {})
    client = elasticsearch.client()
    with mock.patch.object(client, "search", wraps=client.search) as asked:
        results = search(q="natcafé", kind="idea")

    assert set(titles(results)) == {"Natåbent værested for gadens folk", "Natcafé for hjemløse"}
    assert counted(results, "tag")["natcafe"] == 2
    assert not results.fell_back
    assert "aggs" not in asked.call_args.kwargs.get("body", {})  # Elasticsearch only ranked
