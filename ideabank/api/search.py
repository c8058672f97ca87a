"""The search API: full-text search over ideas and method pages with snippets and facets, header
autocomplete, and similar ideas.

Public reads, with the same auth chain as the ideas list (a session or token also shows the user's
own ideas in the facets). Query text is just text: no search syntax is interpreted, and odd input
(quotes, brackets, SQL, very long text) gives an ordinary, possibly empty, answer.
"""

from typing import Literal

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy
from ninja import Field, Query, Router, Schema

from ideabank.ideas import queries
from ideabank.ideas.models import Idea
from search import pages
from search.service import fell_back

from .ideas import MAX_PAGE, check_list_parameters, public
from .pages import FacetedPage, envelope
from .schemas import Id, no_control_characters
from .shared import respond, shared_answer

router = Router(tags=["search"])

MAX_TEXT = {"title": 200, "problem": 5000}


class SearchHitOut(Schema):
    type: Literal["idea", "method"]
    id: Id
    title: str
    url: str = Field(description="The result's page, as an absolute path.")
    snippet: str = Field(description="An excerpt as escaped HTML; the matching words are wrapped in <mark>.")
    score: float | None = Field(description="Relevance (higher is better); only comparable within one answer.")


class SimilarOut(Schema):
    id: Id
    title: str
    url: str
    score: float


class SimilarPageOut(Schema):
    results: list[SimilarOut]


class SuggestionOut(Schema):
    id: Id
    title: str
    url: str


class SuggestionsOut(Schema):
    results: list[SuggestionOut]


def checked_text(name, label, value):
    try:
        return no_control_characters(value or "")
    except ValueError as error:
        exc = DjangoValidationError({name: str(error)})
        exc.field_labels = {name: label}
        raise exc from error


@router.get("/search", response=FacetedPage[SearchHitOut], auth=public)
def search(
    request,
    q: str = Query("", description="Words to look for: inflections, compounds and small typos are found too."),
    type: Literal["all", "idea", "method"] = Query(
        "all", description="What to search: ideas, published method pages, or both in one list."
    ),
    sort: str = Query("", description="relevance (the default with q), newest, votes, trending or comments."),
    page: int = Query(1, ge=1, le=MAX_PAGE),
    page_size: int = Query(20, ge=1, le=100),
):
    """Search ideas and published method pages with snippets, facets and the idea list's filters
    (target_group, theme, tag, organisation, municipality, region, stage, status).

    Each result says its `type` ("idea" or "method") and links to its page. Methods take the filters
    they have (stage, target_group, theme, tag) and match none of the idea-only ones; with `type=all`
    the facet counts add up both kinds. Sorting by votes, trending or comments puts methods (which have
    none) after the ideas that have some. A page beyond the last one comes back empty, with `count`.
    """
    check_list_parameters(request)
    # Nothing in the answer is a user's own: colleagues with the same role and organisation share it.
    # Not kept when the database answered for an absent Elasticsearch.
    answer = shared_answer(
        request, FacetedPage[SearchHitOut], lambda: found(request, type, page, page_size), keep=lambda: not fell_back()
    )
    return respond(request, answer)


def found(request, kind, page, page_size):
    offset = (page - 1) * page_size
    results = pages.search(request.user, request.GET, kind, window=(offset, page_size))
    items = results.items
    count = results.count()
    rows = list(items[offset : offset + page_size]) if offset < count else []
    return {
        **envelope(request, count, page, page_size, []),
        "results": [
            {
                "type": hit.type,
                "id": hit.object.pk,
                "title": hit.object.title,
                "url": hit.url,
                "snippet": str(hit.snippet),
                "score": hit.score,
            }
            for hit in results.hits(rows)
        ],
        "facets": results.facets,
    }


@router.get("/search/autocomplete", response=SuggestionsOut, auth=public)
def autocomplete(request, q: str = ""):
    """Up to 8 public ideas whose titles have words starting with what was typed (2 characters or more)."""
    q = checked_text("q", gettext_lazy("søgning"), q)
    ideas = queries.autocomplete(q)
    return {"results": [{"id": idea.pk, "title": idea.title, "url": idea.get_absolute_url()} for idea in ideas]}


@router.get("/ideas/similar", response=SimilarPageOut, auth=public)
def similar_ideas(request, title: str = "", problem: str = "", exclude: int | None = Query(None, ge=1, le=2**63 - 1)):
    """Up to 5 published ideas like the given title and problem — "does my idea exist already?".

    `exclude` leaves one idea out (the one being edited). Too little text gives an empty list.
    """
    title = checked_text("title", Idea._meta.get_field("title").verbose_name, title)[: MAX_TEXT["title"]]
    problem = checked_text("problem", Idea._meta.get_field("problem").verbose_name, problem)[: MAX_TEXT["problem"]]
    found = queries.similar_ideas(title, problem, exclude=exclude)
    return {
        "results": [
            {"id": idea.pk, "title": idea.title, "url": idea.get_absolute_url(), "score": float(score)}
            for idea, score in found
        ]
    }
