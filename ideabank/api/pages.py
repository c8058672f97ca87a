"""The one envelope every paginated list of the API answers with, and the function that fills it.

A generic schema, so each list still names the type of its results (`Page[IdeaOut]`) and a generated
client gets typed rows, while all lists page the same way.
"""

from typing import Annotated, Generic, TypeVar

from ninja import Schema
from pydantic import Field

from .schemas import Count, FacetValueOut

Row = TypeVar("Row")


class Page(Schema, Generic[Row]):
    count: Count = Field(description="Rows in all pages together.")
    page: Annotated[int, Field(ge=1)]
    page_size: Annotated[int, Field(ge=1)]
    pages: Annotated[int, Field(ge=1)] = Field(description="Pages in all; at least 1, also when nothing matches.")
    next: str | None = Field(description="The next page's address (path and query), or null on the last page.")
    previous: str | None = Field(description="The previous page's address, or null on the first page.")
    results: list[Row]


class FacetedPage(Page[Row], Generic[Row]):
    facets: dict[str, list[FacetValueOut]] = Field(description="Per filter: its values with how many rows match.")


def page_link(request, page):
    query = request.GET.copy()
    query["page"] = page
    return f"{request.path}?{query.urlencode()}"


def envelope(request, count, page, page_size, results):
    """The envelope's fields for `results`, page `page` of `count` rows. A page beyond the last one is not an
    error: it comes back empty, with a link to the last page as `previous`."""
    pages = max(1, -(-count // page_size))
    return {
        "count": count,
        "page": page,
        "page_size": page_size,
        "pages": pages,
        "next": page_link(request, page + 1) if page < pages else None,
        "previous": page_link(request, min(page - 1, pages)) if page > 1 else None,
        "results": results,
    }


def rows_of(queryset, count, page, page_size):
    offset = (page - 1) * page_size
    return list(queryset[offset : offset + page_size]) if offset < count else []
