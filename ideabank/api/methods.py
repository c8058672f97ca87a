"""The methods API: the catalogue and one method, assessments of ideas and methods, and promotion.

Reads are public (editors also see drafts, with their status); assessing and promoting need an
editor. The rules live in `ideabank.methods.services`; this module translates HTTP to them.
"""

from datetime import datetime
from typing import Annotated, Literal

from django.http import Http404
from ninja import Query, Router, Schema, Status
from ninja.decorators import decorate_view
from pydantic import Field, StrictInt

from ideabank.accounts.roles import is_editor
from ideabank.ideas.models import Idea, Stage
from ideabank.ideas.queries import visible_idea
from ideabank.methods import queries, services
from ideabank.methods.elements import Conclusion, Dimension, Level, element_names
from ideabank.methods.models import MethodPage
from ideabank.methods.models.research import ResearchItem

from . import spread as spread_api
from .auth import authenticated
from .conditional import conditional
from .errors import labelled
from .ideas import MAX_ID, get_or_404, public
from .openapi import CONDITIONAL
from .pages import FacetedPage, envelope, rows_of
from .schemas import Count, Id, NamedOut, choice
from .spread_schemas import OutcomesOut, SpreadOut

router = Router(tags=["methods"])

PAGE_SIZE = 20
MAX_PAGE = 10_000


class ScoreIn(Schema):
    # Strict: JSON true, "2" and 2.0 are not scores (lax parsing would store them as 1 and 2).
    score: StrictInt
    justification: str = ""


class AssessmentIn(Schema):
    scores: dict[str, ScoreIn]
    conclusion: Literal["promising", "not_yet"]


class PromoteIn(Schema):
    method: int | None = None


# ---- out ---------------------------------------------------------------------------------------

MethodStatus = Literal["live", "in_review", "draft"]
LevelValue = choice(Level)


class DeclarationLevelsOut(Schema):
    maalgruppe: LevelValue | None
    metode: LevelValue | None
    implementering: LevelValue | None
    effekt: LevelValue | None
    oekonomi: LevelValue | None


class MethodOut(Schema):
    id: Id
    title: str
    url: str | None
    stage: choice(Stage)
    declaration: DeclarationLevelsOut = Field(
        description="The knowledge declaration's level (A strongest) per dimension."
    )
    adoptions: Count = Field(description="Organisations registered as using (or considering) the method.")
    status: MethodStatus | None = Field(None, description="Editors only (they also see drafts); null for others.")


class ScoreOut(Schema):
    score: Annotated[int, Field(ge=0, le=3)]
    justification: str


class AssessmentOut(Schema):
    id: Id
    conclusion: choice(Conclusion)
    suggested: choice(Conclusion) = Field(description="What the scores suggested when the editor decided.")
    created: datetime
    assessor: str | None
    scores: dict[str, ScoreOut] = Field(description="Per element key (see lovende praksis' 11 elements).")


class DeclarationOut(Schema):
    level: LevelValue | None
    justification: str


class OriginIdeaOut(Schema):
    id: Id
    title: str
    url: str
    author: str | None
    organisation: NamedOut


class ResearchOut(Schema):
    title: str
    authors: str
    year: Annotated[int, Field(ge=1900, le=2100)]
    link: str | None
    design: choice(ResearchItem.Design)
    findings: str


class IndicatorOut(Schema):
    id: Id
    name: str
    unit: str
    direction: Literal["up", "down"]


class MethodDetailOut(MethodOut):
    summary: str
    target_groups: list[NamedOut]
    themes: list[NamedOut]
    tags: list[str]
    assessment: AssessmentOut | None
    declaration: dict[choice(Dimension), DeclarationOut]
    origin_ideas: list[OriginIdeaOut]
    research: list[ResearchOut]
    indicators: list[IndicatorOut]
    spread: SpreadOut
    outcomes: OutcomesOut


class PromotedOut(Schema):
    id: Id
    url: str | None
    status: MethodStatus


class PromotionOut(Schema):
    method: PromotedOut


# ---- in ----------------------------------------------------------------------------------------


class MethodFilterParams(Schema):
    target_group: str = ""
    theme: str = ""
    stage: str = ""
    maalgruppe: str = ""
    metode: str = ""
    implementering: str = ""
    effekt: str = ""
    oekonomi: str = ""
    sort: Literal["title", "newest"] = "title"
    page: int = Field(1, ge=1, le=MAX_PAGE)
    page_size: int = Field(PAGE_SIZE, ge=1, le=100)


def method_url(request, method):
    url = method.get_url(request=request)
    return request.build_absolute_uri(url) if url else None


def method_out(request, method, editor=False):
    out = {
        "id": method.pk,
        "title": method.title,
        "url": method_url(request, method),
        "stage": method.stage,
        "declaration": method.declaration_levels(),
        "adoptions": adoption_count(method),
    }
    if editor:
        out["status"] = queries.status_of(method)
    return out


def adoption_count(method):
    """How many organisations use the method; issue #7 registers adoptions."""
    adoptions = getattr(method, "adoptions", None)
    return adoptions.count() if adoptions is not None else 0


def named(obj):
    return {"slug": obj.slug, "name": obj.name}


def assessment_out(assessment):
    if assessment is None:
        return None
    return {
        "id": assessment.pk,
        "conclusion": assessment.conclusion,
        "suggested": assessment.suggested,
        "created": assessment.created.isoformat(),
        "assessor": assessment.assessor.public_name if assessment.assessor else None,
        "scores": {
            score.element: {"score": score.score, "justification": score.justification}
            for score in assessment.scores.all()
        },
    }


def visible_method(request, method_id):
    return get_or_404(queries.visible_methods(request.user), method_id)


@router.get("/methods", response=FacetedPage[MethodOut], auth=public, exclude_unset=True)
def list_methods(request, params: Query[MethodFilterParams]):
    """Methods with filters (target group, theme, stage, a level per declaration dimension) and facets."""
    filters = queries.MethodFilters.from_query(params.dict())
    methods = queries.list_methods(request.user, filters)
    count = methods.count()
    rows = rows_of(methods, count, params.page, params.page_size)
    editor = is_editor(request.user)
    return {
        **envelope(request, count, params.page, params.page_size, [method_out(request, m, editor) for m in rows]),
        "facets": {
            group["name"]: [
                {"value": row["value"], "label": row["label"], "count": row["count"]} for row in group["rows"]
            ]
            for group in queries.facets(request.user, filters)
        },
    }


@router.get(
    "/methods/{method_id}", response=MethodDetailOut, auth=public, exclude_unset=True, openapi_extra=CONDITIONAL
)
@decorate_view(conditional)
def method_detail(request, method_id: int):
    """One method with its latest assessment, declaration per dimension, origin ideas, research and indicators."""
    method = visible_method(request, method_id)
    context = queries.method_context(method, request.user)
    return {
        **method_out(request, method, is_editor(request.user)),
        "summary": method.summary,
        "target_groups": [named(group) for group in method.target_groups.all()],
        "themes": [named(theme) for theme in method.themes.all()],
        "tags": [tag.name for tag in method.tags.all()],
        "assessment": assessment_out(context["assessment"]),
        "declaration": {
            dimension.value: {"level": level or None, "justification": justification}
            for dimension, level, justification in context["declaration"]
        },
        "origin_ideas": [
            {
                "id": idea.pk,
                "title": idea.title,
                "url": request.build_absolute_uri(idea.get_absolute_url()),
                "author": idea.author.public_name if idea.author else None,
                "organisation": named(idea.organisation),
            }
            for idea in context["origins"]
        ],
        "research": [
            {
                "title": item.title,
                "authors": item.authors,
                "year": item.year,
                "link": item.link or None,
                "design": item.design,
                "findings": item.findings,
            }
            for item in context["research"]
        ],
        "indicators": [
            {"id": indicator.pk, "name": indicator.name, "unit": indicator.unit, "direction": indicator.direction}
            for indicator in context["indicators"]
        ],
        **spread_api.method_extras(method, request.user),
    }


def _assess(request, target, payload):
    scores = {key: entry.dict() for key, entry in payload.scores.items()}
    with labelled(Idea, **element_names(), conclusion="konklusion"):
        assessment = services.assess(request.user, target, scores=scores, conclusion=payload.conclusion)
    return Status(201, assessment_out(assessment))


@router.post("/ideas/{idea_id}/assessments", response={201: AssessmentOut}, auth=authenticated)
def assess_idea(request, idea_id: int, payload: AssessmentIn):
    """An editor scores the idea on all 11 elements (0–3, each with a justification) and concludes."""
    services.require_editor(request.user)
    return _assess(request, visible_idea(request.user, idea_id), payload)


@router.post("/methods/{method_id}/assessments", response={201: AssessmentOut}, auth=authenticated)
def assess_method(request, method_id: int, payload: AssessmentIn):
    """An editor scores the method on all 11 elements and concludes."""
    services.require_editor(request.user)
    return _assess(request, visible_method(request, method_id), payload)


@router.post("/ideas/{idea_id}/promote", response={200: PromotionOut, 201: PromotionOut}, auth=authenticated)
def promote(request, idea_id: int, payload: PromoteIn | None = None):
    """Lift an idea into a new draft method (or into `method`). 201 the first time, then 200 with the same method."""
    services.require_editor(request.user)
    idea = visible_idea(request.user, idea_id)
    into = None
    if payload is not None and payload.method is not None:
        if not 0 < payload.method <= MAX_ID:
            raise Http404
        into = get_or_404(MethodPage.objects.all(), payload.method)
    method, created = services.promote(request.user, idea, into=into)
    body = {"method": {"id": method.pk, "url": method_url(request, method), "status": queries.status_of(method)}}
    return Status(201 if created else 200, body)
