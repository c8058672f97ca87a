"""Shapes of the ideas API: what clients send and what they get back (also the OpenAPI schema).

Free text is checked by the models' own validators (length, CPR numbers, control characters), so
the error names the field as the HTML form does. Keys that are looked up in the database (slugs,
values to follow) are refused here already if they hold control characters: a NUL byte must never
reach PostgreSQL.
"""

import unicodedata
from datetime import date, datetime
from typing import Annotated, Literal

from django.utils.translation import gettext as _
from ninja import Schema
from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from ideabank.ideas.models import Comment, Idea, Report, Stage


def no_control_characters(value: str) -> str:
    if any(unicodedata.category(char) == "Cc" for char in value):
        raise ValueError(_("Værdien indeholder usynlige kontroltegn."))
    return value


Key = Annotated[str, Field(max_length=100), AfterValidator(no_control_characters)]
# What the schema promises about numbers, so a generated client and a fuzzer know the range.
Count = Annotated[int, Field(ge=0)]
Id = Annotated[int, Field(ge=1)]


def choice(choices):
    """The values of a Django TextChoices as a Literal: the schema lists them as an enum, without a model name
    of its own (several models have a `Status`)."""
    return Literal[tuple(choices.values)]


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
    id: Id
    title: str
    url: str = Field(description="The idea's page, as an absolute path.")
    stage: choice(Stage) = Field(description="The idea's step on the knowledge ladder.")
    status: choice(Idea.Status)
    votes: Count
    comments: Count
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
    count: Count


class TriedOut(Schema):
    id: Id
    organisation: NamedOut
    tried_from: date
    tried_to: date | None
    what_happened: str
    created: datetime


class AttachmentOut(Schema):
    id: Id
    name: str
    type: str = Field(description="pdf, docx, xlsx, pptx, odt, ods, odp, png, jpeg or webp (decided by the content).")
    size: Count = Field(description="Bytes, after cleaning.")
    url: str = Field(description="Download address; answers only those who may see the idea.")
    description: str
    pages: Count | None = Field(None, description="Pages, slides or sheets, when the file says.")
    width: Count | None = None
    height: Count | None = None
    thumbnail: str | None = Field(None, description="For images: a small WebP preview.")
    created: datetime


class PromotedMethodOut(Schema):
    id: Id
    title: str
    url: str
    status: Literal["live", "in_review", "draft"] = Field(description="Only editors see methods not yet `live`.")
    edit_url: str | None = Field(None, description="Editors only: the method in the admin editor.")


class IdeaDetailOut(IdeaOut):
    problem: str
    solution: str
    context: str
    results: str
    author: AuthorOut | None
    method: PromotedMethodOut | None = Field(None, description="The method the idea grew into, or null.")
    tried_reports: list[TriedOut]
    attachments: list[AttachmentOut]
    merged_into: Id | None = Field(description="For a merged idea: the idea it now lives on in.")
    following: bool
    can_edit: bool


class VoteOut(Schema):
    votes: Count
    voted: bool


class CommentOut(Schema):
    id: Id
    parent: Id | None
    depth: Annotated[int, Field(ge=1, le=3)]
    body: str = Field(description="Empty when the comment is deleted or hidden.")
    status: choice(Comment.Status)
    author: AuthorOut | None
    created: datetime
    edited: bool
    edited_at: datetime | None


class ReportOut(Schema):
    id: Id
    reason: choice(Report.Reason)
    note: str
    created: datetime


class FollowOut(Schema):
    kind: Literal["idea", "tag", "target_group", "organisation", "method"]
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
