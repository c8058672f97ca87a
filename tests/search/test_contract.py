"""The search contract: the same questions, the same answers, on the database and on Elasticsearch.

Every test here runs twice through the `backend` fixture (tests/search/conftest.py). The corpus is
small and hand-made; each idea stands for one promise (inflection, compound, typo, synonym, boost …).
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import QueryDict

from ideabank.ideas import queries, services
from ideabank.ideas.models import Idea
from search import backends, pages, service
from search.models import SearchEntry
from tests.factories import IdeaFactory


def keys(corpus, ids):
    names = {idea.pk: name for name, idea in corpus.items()}
    return [names.get(pk, pk) for pk in ids]


def ranked(corpus, q):
    return keys(corpus, service.idea_ids_matching(q))


def search(corpus, user=None, **params):
    query = QueryDict(mutable=True)
    query.update(params)
    results = pages.search(user or AnonymousUser(), query)
    return results, keys(corpus, [idea.pk for idea in results.items[: len(results.items)]])


# ---- Danish analysis -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("hjemløs", "natcafe"),
        ("hjemløse", "natcafe"),
        ("hjemløshed", "natcafe"),
        ("hjemløse", "varmested"),  # the idea says `hjemløshed`
        ("plejefamilier", "plejefamilie"),
        ("plejefamilien", "plejefamilie"),
        ("ensomhed", "telefonven"),  # the idea says `ensomme`
        ("ensomme", "gaaklub"),  # the idea says `ensomhed`
        ("ensom", "gaaklub"),
    ],
)
def test_inflections_and_derivations_find_the_same_word(corpus, q, expected):
    assert expected in ranked(corpus, q)


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("alkohol", {"alkoholbehandling", "alkoholmisbrug"}),
        ("tegnsprog", {"tegnsprog"}),
        ("lektiecafé", {"lektiecafe_title", "lektiecafe_body"}),
    ],
)
def test_a_word_finds_the_compounds_it_begins(corpus, q, expected):
    assert expected <= set(ranked(corpus, q))


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("hjemlos", "natcafe"),  # typed without ø
        ("HJEMLØSE", "natcafe"),
        ("lektiecafe", "lektiecafe_title"),  # without the accent
        ("alkhol", "alkoholbehandling"),  # one letter missing, inside a compound
        ("alkoholbehnadling", "alkoholbehandling"),  # two letters swapped
        ("natcfe", "natcafe"),
        ("tegnsprg", "tegnsprog"),
        ("plejefamilje", "plejefamilie"),
    ],
)
def test_ascii_folding_and_typos(corpus, q, expected):
    assert expected in ranked(corpus, q)


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("husvild", "natcafe"),
        ("gadesover", "varmested"),
        ("isolation", "gaaklub"),
        ("spiritus", "alkoholbehandling"),
    ],
)
def test_curated_synonyms_find_each_other(corpus, q, expected):
    assert expected in ranked(corpus, q)


def test_every_word_must_match_but_in_any_field(corpus):
    # `alkoholbehandling` is in the title, `weekend` … `lørdag` in the body.
    assert ranked(corpus, "alkohol lørdag") == ["alkoholbehandling"]
    assert ranked(corpus, "alkohol natcafé") == []


def test_stop_words_do_not_stop_a_search(corpus):
    assert "natcafe" in ranked(corpus, "natcafé for og til hjemløse")
    assert ranked(corpus, "og i til") == []


def test_a_title_match_ranks_above_a_body_match(corpus):
    assert ranked(corpus, "lektiecafé")[:2] == ["lektiecafe_title", "lektiecafe_body"]


def test_a_tag_match_ranks_above_a_problem_match(corpus):
    assert ranked(corpus, "botilbud")[:2] == ["botilbud_tag", "botilbud_problem"]


def test_unrelated_ideas_are_not_found(corpus):
    found = set(ranked(corpus, "tegnsprogstolk"))
    assert found == {"tegnsprog"}


# ---- what may be seen ------------------------------------------------------------------------


def test_drafts_and_hidden_ideas_are_never_found(corpus):
    _results, found = search(corpus, q="hjemløse natcafé")
    assert set(found) == {"natcafe", "varmested"}
    assert "draft" not in ranked(corpus, "kladde")
    assert "hidden" not in ranked(corpus, "skjult")


def test_the_index_follows_saves_hides_and_deletes(
    corpus, backend, staff, moderator, django_capture_on_commit_callbacks
):
    idea = services.create_idea(
        staff,
        data={
            "title": "Bålhygge for udsatte mænd",
            "problem": "Udsatte mænd taler sjældent om deres liv.",
            "solution": "Et ugentligt bål i parken, hvor samtalen kommer af sig selv.",
        },
    )
    assert ranked(corpus, "bålhygge") == [idea.pk]

    with django_capture_on_commit_callbacks(execute=True):
        services.hide(moderator, idea)
    assert ranked(corpus, "bålhygge") == []

    corpus["natcafe"].delete()
    assert "natcafe" not in ranked(corpus, "husvild")


# ---- filters, facets, sorts ------------------------------------------------------------------


def test_filters_and_facets_respect_the_query(corpus):
    results, found = search(corpus, q="frivillige", tag="natcafé")

    assert set(found) == {"natcafe", "varmested"}
    tags = {row["label"]: row["count"] for row in results.facets["tag"]}
    # The tag facet ignores its own filter but not the query.
    assert tags == {"natcafé": 2, "frivillige": 1, "værested": 1}
    assert {row["value"]: row["count"] for row in results.facets["stage"]} == {"idea": 2}
    assert sum(row["count"] for row in results.facets["organisation"]) == 2


@pytest.mark.parametrize(
    ("sort", "order"),
    [
        ("newest", ["varmested", "natcafe", "telefonven", "lektiecafe_title", "lektiecafe_body"]),
        ("votes", ["telefonven", "lektiecafe_body", "natcafe", "varmested", "lektiecafe_title"]),
        ("comments", ["lektiecafe_title", "natcafe", "varmested", "telefonven", "lektiecafe_body"]),
        ("trending", ["lektiecafe_body", "varmested", "natcafe", "telefonven", "lektiecafe_title"]),
    ],
)
def test_sorts_order_the_matches(corpus, sort, order):
    for name, votes, comments, trending in [
        ("telefonven", 9, 1, 2.0),
        ("lektiecafe_body", 5, 0, 9.0),
        ("natcafe", 3, 4, 3.0),
        ("varmested", 2, 2, 5.0),
        ("lektiecafe_title", 1, 7, 1.0),
    ]:
        Idea.objects.filter(pk=corpus[name].pk).update(
            vote_count=votes, comment_count=comments, trending_score=trending
        )
    _results, found = search(corpus, q="frivillige", sort=sort)
    assert found == order


def test_relevance_is_the_default_sort_with_a_query(corpus):
    results, found = search(corpus, q="lektiecafé")
    assert results.filters.sort == "relevance"
    assert found[:2] == ["lektiecafe_title", "lektiecafe_body"]
    assert results.scores[corpus["lektiecafe_title"].pk] > results.scores[corpus["lektiecafe_body"].pk]


# ---- similar ideas and autocomplete -----------------------------------------------------------


def test_similar_ideas_while_writing_find_the_same_idea_first(corpus):
    found = queries.similar_ideas("Natcafé til hjemløse", "Hjemløse mangler et varmt sted om natten.")
    assert keys(corpus, [idea.pk for idea, _score in found])[:2] == ["natcafe", "varmested"]
    assert len(found) <= 5


def test_similar_ideas_for_an_idea_leave_the_idea_out(corpus):
    natcafe = corpus["natcafe"]
    found = queries.similar_ideas(natcafe.title, natcafe.problem, exclude=natcafe.pk)
    assert keys(corpus, [idea.pk for idea, _score in found])[0] == "varmested"
    assert "natcafe" not in keys(corpus, [idea.pk for idea, _score in found])


def test_similar_ideas_are_published_only(corpus):
    Idea.objects.filter(pk=corpus["varmested"].pk).update(status=Idea.Status.ARCHIVED)
    found = queries.similar_ideas("Natcafé til hjemløse", "Hjemløse mangler et varmt sted om natten.")
    names = keys(corpus, [idea.pk for idea, _score in found])
    assert "natcafe" in names
    assert not {"varmested", "draft", "hidden"} & set(names)


def test_similar_ideas_need_some_text(corpus):
    assert queries.similar_ideas("", "") == []
    assert queries.similar_ideas("og", "") == []


@pytest.mark.parametrize(
    ("typed", "titles"),
    [
        ("natc", ["Natcafé for hjemløse"]),
        ("Natcafé", ["Natcafé for hjemløse"]),
        ("lektie bibl", ["Lektiecafé på biblioteket"]),
        ("frivil", []),  # only in bodies: autocomplete suggests titles
        ("x", []),
    ],
)
def test_autocomplete_suggests_titles(corpus, typed, titles):
    assert [idea.title for idea in queries.autocomplete(typed)] == titles


def test_autocomplete_finds_every_title_with_the_word(corpus):
    assert {idea.title for idea in queries.autocomplete("alko")} == {
        "Alkoholbehandling i weekenden",
        "Forebyggelse af alkoholmisbrug hos unge",
    }


def test_autocomplete_returns_at_most_eight(backend, staff):
    for n in range(12):
        IdeaFactory(author=staff, title=f"Mentorordning nummer {n}")
    backend.sync()
    assert len(queries.autocomplete("mentor")) == 8


# ---- bad input -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "q",
    [
        "",
        "   ",
        "?!.,;",
        '"hjemløse',
        'natcafé "for',
        "hjemløse AND (natcafé OR",
        "title:natcafé^10",
        "natc*",
        "~hjemløs~2",
        "'; DROP TABLE search_searchentry; --",
        "1' OR '1'='1",
        "NEAR(hjemløse natcafé)",
        "x" * 600,
        "hjemløse " * 100,
        "💥 natcafé",
        "psykiatri",
    ],
)
def test_odd_queries_are_just_text(corpus, q):
    found = ranked(corpus, q)
    assert isinstance(found, list)
    assert queries.autocomplete(q) is not None
    assert isinstance(queries.similar_ideas(q, q), list)


def test_a_natcafe_query_with_syntax_around_it_still_finds_it(corpus):
    assert "natcafe" in ranked(corpus, '"natcafé')
    assert "natcafe" in ranked(corpus, "natcafé)")


# ---- Elasticsearch down ------------------------------------------------------------------------


def test_with_elasticsearch_down_saves_succeed_and_search_answers_from_the_database(
    settings, index_prefix, staff, elasticsearch_url
):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    backends._down_until.clear()
    backends.reset_fallback()

    idea = services.create_idea(
        staff,
        data={
            "title": "Natcafé i vinterhalvåret",
            "problem": "Hjemløse fryser om natten.",
            "solution": "En natcafé med frivillige fra november til marts.",
        },
    )

    entry = SearchEntry.objects.get(kind="idea", object_id=idea.pk)
    assert entry.es_indexed is None  # left for `search_reindex --pending`
    assert service.idea_ids_matching("husvild") == [idea.pk]
    assert backends.fell_back()

    # Back up: the pending entry is sent and Elasticsearch answers again.
    from search import indexing
    from search.backends.elasticsearch import ElasticsearchBackend

    settings.ELASTICSEARCH_URL = elasticsearch_url
    settings.SEARCH_REFRESH = True
    ElasticsearchBackend().ensure_index("idea", recreate=True)
    assert indexing.reindex(pending_only=True) == 1
    backends.reset_fallback()
    assert ElasticsearchBackend().match("idea", "husvild") and service.idea_ids_matching("husvild") == [idea.pk]
    assert not backends.fell_back()
    entry.refresh_from_db()
    assert entry.es_indexed is not None
