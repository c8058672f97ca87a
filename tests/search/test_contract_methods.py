"""The search contract for method pages: found like ideas, on the database and on Elasticsearch alike.

Every test runs twice through the `backend` fixture (tests/search/conftest.py); `methods` holds the
shared method pages and `corpus` the shared ideas, for searches over both kinds.
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import QueryDict
from wagtail.models import PageViewRestriction

from ideabank.ideas.models import Idea
from search import pages as search_pages
from search.models import SearchEntry


def names(pages, objects):
    """Methods by their fixture name, ideas by title (their ids may be the same numbers)."""
    by_pk = {page.pk: name for name, page in pages.items()}
    return [by_pk.get(obj.pk, obj.pk) if search_pages.kind_of(obj) == "method" else obj.title for obj in objects]


def search(user=None, kind="method", **params):
    query = QueryDict(mutable=True)
    query.update(params)
    return search_pages.search(user or AnonymousUser(), query, kind)


def found(methods, kind="method", **params):
    results = search(kind=kind, **params)
    return names(methods, results.items[: results.count()])


# ---- found like ideas ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("q", "why"),
    [
        ("tidsintervention", "a word of the title"),
        ("Kritisk tidsintervention", "the title's words"),
        ("netværksmøde", "the description says `netværksmøderne` (a step's rich text)"),
        ("netværksmøder", "another inflection of the same"),
        ("hjemløs", "the problem's rich text says `hjemløse`"),
        ("husvild", "a curated synonym of `hjemløse`"),
        ("støttepersoner", "the summary says `støtteperson`"),
        ("ringer", "a quote in the description says `ringe`"),
        ("overgange", "a tag"),
        ("udsættelse", "the theory of change says `udsættelser`"),
        ("genindlæggelse", "the goals say `genindlæggelser`"),
        ("kontinuitetsstudie", "the title of a linked research item"),
        ("hjemlos", "folded, without ø"),
        ("tidsintervnetion", "a typo"),
    ],
)
def test_a_method_is_found_by_its_text(methods, q, why):
    assert "cti" in found(methods, q=q), why


def test_a_word_finds_only_the_methods_that_have_it(methods):
    assert found(methods, q="netværksmøderne") == ["cti", "fgc"]  # `fgc` has the parts apart: "netværket … møde"
    assert found(methods, q="tidsintervention") == ["cti"]
    assert found(methods, q="familierådslagning") == ["fgc"]
    assert found(methods, q="xylofon") == []


def test_links_in_the_description_are_not_text(backend):
    from tests.search.conftest import method

    method(
        "Materialer til forældremøder",
        "Et sæt materialer.",
        description=[("material", {"title": "Guide", "description": "", "link": "https://www.zebrafinke.dk/"})],
    )
    backend.sync()
    assert found({}, q="zebrafinke") == []
    assert len(found({}, q="forældremøder")) == 1


def test_a_title_match_ranks_above_a_match_in_the_rest(methods):
    # fgc's title says `plejefamilier`; cti's goals do.
    assert found(methods, q="plejefamilie") == ["fgc", "cti"]


# ---- what may be found ---------------------------------------------------------------------------


def test_drafts_and_withdrawn_methods_are_never_found(methods):
    assert found(methods, q="tidsintervention") == ["cti"]
    assert found(methods, q="kladde") == []
    assert found(methods, q="trukket") == []
    assert not SearchEntry.objects.filter(
        kind="method", object_id__in=[methods["draft"].pk, methods["withdrawn"].pk]
    ).exists()


def test_without_a_query_every_live_method_is_listed(methods):
    assert found(methods) == ["fgc", "cti"]  # newest first


def test_unpublishing_takes_a_method_out_and_publishing_puts_it_back(methods):
    cti = methods["cti"]
    cti.unpublish()
    assert found(methods, q="tidsintervention") == []
    assert found(methods, q="husvild") == []

    cti.refresh_from_db()
    cti.get_latest_revision().publish()
    assert found(methods, q="tidsintervention") == ["cti"]


def test_publishing_a_draft_makes_it_searchable(methods):
    draft = methods["draft"]
    draft.get_latest_revision().publish()
    assert set(found(methods, q="tidsintervention")) == {"cti", "draft"}


def test_a_published_change_is_searched_and_an_unpublished_one_is_not(methods, editor):
    cti = methods["cti"].specific
    cti.title = "Kritisk tidsintervention med bålhygge"
    revision = cti.save_revision(user=editor)  # a draft of a live page: the public still sees the old text
    assert found(methods, q="bålhygge") == []

    revision.publish(user=editor)
    assert found(methods, q="bålhygge") == ["cti"]


def test_a_view_restriction_hides_a_method_and_lifting_it_shows_it_again(methods):
    restriction = PageViewRestriction.objects.create(page=methods["cti"], restriction_type=PageViewRestriction.LOGIN)
    assert found(methods, q="tidsintervention") == []

    restriction.delete()
    assert found(methods, q="tidsintervention") == ["cti"]


def test_a_deleted_method_is_gone(methods):
    pk = methods["cti"].pk
    methods["cti"].delete()
    assert found(methods, q="husvild") == []
    assert not SearchEntry.objects.filter(kind="method", object_id=pk).exists()


def test_deleting_the_method_index_takes_every_method_out(methods):
    from tests.factories import method_index

    method_index().delete()
    assert found(methods, kind="all", q="tidsintervention") == []
    assert not SearchEntry.objects.filter(kind="method").exists()


def test_renaming_a_research_item_reindexes_its_methods(methods):
    item = methods["cti"].research.get()
    item.title = "Zebrastudiet"
    item.save()
    assert found(methods, q="zebrastudie") == ["cti"]
    assert found(methods, q="kontinuitetsstudie") == []


# ---- results, filters and facets --------------------------------------------------------------------


def test_a_method_hit_has_a_highlighted_snippet_and_its_page(methods):
    results = search(q="netværksmøde")
    hit, _parts_apart = results.hits(results.items)

    assert hit.type == "method"
    assert hit.url == methods["cti"].url
    assert hit.url.startswith("/metoder/")
    assert "<mark>netværksmøderne</mark>" in hit.snippet
    assert "<b>" not in hit.snippet and "<i>" not in hit.snippet  # the rich text's own markup is gone
    assert hit.score > 0


def test_all_finds_ideas_and_methods_in_one_list(corpus, methods):
    results = search(kind="all", q="hjemløse")
    hits = results.hits(results.items[: results.count()])

    assert {(hit.type, hit.object.title) for hit in hits} == {
        ("idea", "Natcafé for hjemløse"),
        ("idea", "Natåbent værested for gadens folk"),
        ("method", "Kritisk tidsintervention efter herberg"),
    }
    assert results.count() == 3
    scores = [hit.score for hit in hits]
    assert scores == sorted(scores, reverse=True)
    assert search(kind="idea", q="hjemløse").count() == 2
    assert search(kind="method", q="hjemløse").count() == 1


def test_filters_a_method_has_filter_methods(methods):
    assert found(methods, stage="evidence") == ["fgc"]
    assert found(methods, stage="method") == ["cti"]
    assert found(methods, target_group="hjemloese") == ["cti"]
    assert found(methods, theme="familie-og-foraeldreskab") == ["fgc"]
    assert found(methods, tag="netværk") == ["fgc"]
    assert set(found(methods, tag="overgange")) == {"cti", "fgc"}


@pytest.mark.parametrize(
    "params", [{"organisation": "aarhus-kommune"}, {"municipality": "751"}, {"region": "1082"}, {"status": "published"}]
)
def test_filters_only_ideas_have_match_no_method(methods, params):
    assert found(methods, **params) == []


def test_method_facets_respect_the_query_and_the_other_filters(methods):
    results = search(q="overgange", stage="evidence")

    assert names(methods, results.items) == ["fgc"]
    assert {row["value"]: row["count"] for row in results.facets["stage"]} == {"method": 1, "evidence": 1}
    assert {row["value"]: row["count"] for row in results.facets["target_group"]} == {"udsatte-familier": 1}
    assert {row["label"]: row["count"] for row in results.facets["tag"]} == {"netværk": 1, "overgange": 1}
    assert set(results.facets) == {"stage", "target_group", "theme", "tag"}


def test_all_adds_up_the_facets_of_both_kinds(corpus, methods):
    results = search(kind="all", q="hjemløse")

    assert {row["value"]: row["count"] for row in results.facets["stage"]} == {"idea": 2, "method": 1}
    assert [row["value"] for row in results.facets["stage"]] == ["idea", "method"]  # the ladder's order
    assert {row["value"]: row["count"] for row in results.facets["target_group"]} == {"hjemloese": 1}
    assert {row["label"]: row["count"] for row in results.facets["tag"]} == {
        "natcafé": 2,
        "frivillige": 1,
        "værested": 1,
        "overgange": 1,
    }
    assert sum(row["count"] for row in results.facets["organisation"]) == 2  # ideas only


@pytest.mark.parametrize("sort", ["newest", "votes", "trending", "comments"])
def test_methods_take_their_place_in_every_sort(corpus, methods, sort):
    Idea.objects.filter(pk=corpus["natcafe"].pk).update(vote_count=3, comment_count=2, trending_score=4.0)
    results = search(kind="all", q="hjemløse", sort=sort)
    order = [obj.title for obj in results.items[: results.count()]]

    if sort == "newest":  # the methods were published just now, the ideas days ago
        assert order[0] == "Kritisk tidsintervention efter herberg"
    else:  # a method has no votes or comments: it follows the ideas that have some
        assert order[0] == "Natcafé for hjemløse"
        assert order[1] == "Kritisk tidsintervention efter herberg"
    assert len(order) == 3
    assert [obj.title for obj in results.items[1:3]] == order[1:]


def test_odd_queries_are_just_text_for_methods_too(methods):
    for q in ['"tidsintervention', "title:x^2", "'; DROP TABLE wagtailcore_page; --", "x" * 600, "*", "?!"]:
        assert isinstance(found(methods, kind="all", q=q), list)
    assert "cti" in found(methods, q='"tidsintervention')
