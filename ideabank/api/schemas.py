"""Shapes of the ideas API: what clients send and what they get back (also the OpenAPI schema).

Free text is checked by the models' own validators (length, CPR numbers, control characters), so
the error names the field as the HTML form does. Keys that are looked up in the database (slugs,
values to follow) are refused here already if they hold control characters: a NUL byte must never
reach PostgreSQL.
"""

import unicodedata
from datetime import date, datetime
from typing import Annotated, Any, Literal

from django.utils.translation import gettext as _
from ninja import Schema
from pydantic import AfterValidator, BaseModel, ConfigDict, Field


def no_control_characters(value: str) -> str:
    if any(unicodedata.category(char) == "Cc" for char in value):
        raise ValueError(_("Værdien indeholder usynlige kontroltegn."))
    return value


Key = Annotated[str, Field(max_length=100), AfterValidator(no_control_characters)]
Tags = Annotated[list[str], Field(max_length=30)]
Terms = Annotated[list[Key], Field(max_length=30)]


# ---- out -------------------------------------------------------------------------------------


class NamedOut(Schema):
    slug: str
    name: str


class AuthorOut(Schema):
    display_name: str
    organisation: NamedOut | None


class IdeaOut(Schema):
    id: int
    title: str
    url: str = Field(description="The idea's page, as an absolute path.")
    stage: str
    status: str
    votes: int
    comments: int
    tags: list[str]
    target_groups: list[NamedOut]
    themes: list[NamedOut]
    organisation: NamedOut
    created: datetime
    published: datetime | None
    voted: bool = Field(description="Whether the requesting user has voted for the idea.")


class FacetValueOut(Schema):
    value: str
    label: str
    count: int


class IdeaPageOut(Schema):
    count: int
    page: int
    page_size: int
    next: str | None
    previous: str | None
    results: list[IdeaOut]
    facets: dict[str, list[FacetValueOut]]


class TriedOut(Schema):
    id: int
    organisation: NamedOut
    tried_from: date
    tried_to: date | None
    what_happened: str
    created: datetime


class AttachmentOut(Schema):
    id: int
    name: str
    type: str = Field(description="pdf, docx, xlsx, pptx, odt, ods, odp, png, jpeg or webp (decided by the content).")
    size: int = Field(description="Bytes, after cleaning.")
    url: str = Field(description="Download address; answers only those who may see the idea.")
    description: str
    pages: int | None = Field(None, description="Pages, slides or sheets, when the file says.")
    width: int | None = None
    height: int | None = None
    thumbnail: str | None = Field(None, description="For images: a small WebP preview.")
    created: datetime


class IdeaDetailOut(IdeaOut):
    problem: str
    solution: str
    context: str
    results: str
    author: AuthorOut | None
    method: Any = Field(
        None,
        description="The method the idea grew into: {id, title, url, status}, or null. Status is `live`, "
        "`in_review` or `draft`; only editors see unpublished methods, with `edit_url` (the admin editor).",
    )
    tried_reports: list[TriedOut]
    attachments: list[AttachmentOut]
    merged_into: int | None = Field(description="For a merged idea: the idea it now lives on in.")
    following: bool
    can_edit: bool


class VoteOut(Schema):
    votes: int
    voted: bool


class CommentOut(Schema):
    id: int
    parent: int | None
    depth: int
    body: str = Field(description="Empty when the comment is deleted or hidden.")
    status: str
    author: AuthorOut | None
    created: datetime
    edited: bool
    edited_at: datetime | None


class ReportOut(Schema):
    id: int
    reason: str
    note: str
    created: datetime


class FollowOut(Schema):
    kind: str
    value: str
    label: str
    created: datetime


# ---- in --------------------------------------------------------------------------------------


class In(BaseModel):
    """A JSON object sent by a client. Text is trimmed, as the HTML forms do, so "   " counts as empty.

    A plain pydantic model, not a ninja Schema: a Schema reads attributes off whatever it is given,
    so a JSON body of "tekst" would pass as an object whose `title` is "tekst".title().
    """

    model_config = ConfigDict(str_strip_whitespace=True)


class IdeaIn(In):
    title: str
    problem: str
    solution: str
    context: str = ""
    results: str = ""
    target_groups: Terms = Field(default_factory=list, description="Target group slugs.")
    themes: Terms = Field(default_factory=list, description="Theme slugs.")
    tags: Tags = Field(default_factory=list, description="Free tags.")
    status: Literal["draft", "published"] = Field(
        "published", description="`draft` keeps the idea private to its author."
    )


class IdeaPatch(In):
    """Only the fields sent are changed."""

    title: str | None = None
    problem: str | None = None
    solution: str | None = None
    context: str | None = None
    results: str | None = None
    target_groups: Terms | None = None
    themes: Terms | None = None
    tags: Tags | None = None
    status: Literal["draft", "published"] | None = Field(None, description="`published` publishes a draft.")


class CommentIn(In):
    body: str
    parent: int | None = Field(None, description="The comment this one answers.")


class ReportIn(In):
    reason: str = Field(description="spam, offensive, personal_data or off_topic.")
    note: str = ""


class TriedIn(In):
    tried_from: date
    tried_to: date | None = None
    what_happened: str


class FollowIn(In):
    kind: Literal["idea", "tag", "target_group", "organisation", "method"]
    value: int | Key = Field(description="An idea's or method's id; a tag's, target group's or organisation's slug.")
