"""The spread API: adoptions of methods (and of ideas before they become methods), their status changes,
outcome reports, and the spread of every method.

Reads are public, except the contact person, which only signed-in users see. Writes need a user (token, or
session with CSRF) and go through `ideabank.spread.services`, which holds every rule: a field error answers
422 naming the field, another organisation's adoption 403, a second adoption of the same method 409 — and
nothing is stored.
"""

from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Query, Router, Schema, Status
from ninja.decorators import decorate_view
from pydantic import Field

from ideabank.accounts.models import Organisation, User
from ideabank.ideas.models import Idea
from ideabank.ideas.queries import visible_idea
from ideabank.methods import queries as method_queries
from ideabank.spread import economics, queries, services, suppression
from ideabank.spread.models import Adoption, OutcomeReport

from .auth import authenticated
from .conditional import conditional
from .errors import labelled
from .ideas import MAX_ID, get_or_404, public
from .openapi import CONDITIONAL
from .pages import Page, envelope, rows_of
from .schemas import In, Key
from .spread_schemas import AdoptionDetailOut, AdoptionOut, MethodSpreadOut, OutcomeReportOut

router = Router(tags=["spread"])

PAGE_SIZE = 50
MAX_PAGE = 10_000
LABELS = {
    "status": gettext_lazy("status"),
    "started": gettext_lazy("startdato"),
    "contact": gettext_lazy("kontaktperson"),
    "reason": gettext_lazy("begrundelse"),
    "changed_on": gettext_lazy("dato for ændringen"),
    "organisation": gettext_lazy("organisation"),
    "indicators": gettext_lazy("indikatorer"),
}


# ---- shapes -----------------------------------------------------------------------------------


# Checked in find_contact rather than by type, so a wrong value is refused in Danish naming `contact`.
CONTACT = {"anyOf": [{"type": "integer"}, {"type": "string", "format": "email"}, {"type": "null"}]}


class AdoptionIn(In):
    status: str = Field(description="considering, piloting, implemented or stopped.")
    started: date
    contact: Any = Field(None, description="A colleague's user id or e-mail; default: you.", json_schema_extra=CONTACT)
    reason: str = Field("", description="Why you stopped; required with status `stopped`.")
    organisation: Key | None = Field(None, description="Editors only: the organisation's slug; default: yours.")


class AdoptionPatch(In):
    """Only the fields sent are changed. A new status is dated `changed_on` (default today)."""

    status: str | None = None
    started: date | None = None
    changed_on: date | None = None
    contact: Any = Field(None, json_schema_extra=CONTACT)
    reason: str = ""


NUMBER = {"type": "number"}
COUNT = {"type": "integer", "minimum": 0}


class IndicatorIn(In):
    # Checked by the service, so a wrong value is refused in Danish with the field named.
    baseline: Any = Field(None, json_schema_extra=NUMBER)
    current: Any = Field(None, json_schema_extra=NUMBER)


class OutcomeIn(In):
    period_start: date = Field(description="The period's first day.")
    period_end: date = Field(description="The period's last day (included); after period_start, not in the future.")
    citizens_reached: Any = Field(description="Whole number ≥ 0.", json_schema_extra=COUNT)
    citizens_asked: Any = Field(description="Whole number ≤ citizens_reached.", json_schema_extra=COUNT)
    citizens_helped: Any = Field(description="Whole number ≤ citizens_asked.", json_schema_extra=COUNT)
    indicators: dict[str, IndicatorIn] | None = Field(
        None, description='{"<indicator id>": {"baseline": 4.5, "current": 6}} for the method\'s indicators.'
    )
    cost_per_citizen: Decimal | None = Field(None, description="Kroner per citizen reached.")
    note: str = ""


class SpreadParams(Schema):
    page: int = Field(1, ge=1, le=MAX_PAGE)
    page_size: int = Field(PAGE_SIZE, ge=1, le=100)


# ---- out --------------------------------------------------------------------------------------


def organisation_out(organisation):
    region = organisation.region
    return {
        "slug": organisation.slug,
        "name": organisation.name,
        "kind": organisation.kind,
        "municipality": organisation.municipality_id,
        "region": {"code": region.code, "name": region.name} if region else None,
    }


def contact_out(request, contact):
    if not request.user.is_authenticated or contact is None or contact.deleted_at is not None:
        return None
    return {"id": contact.pk, "display_name": contact.public_name, "job_title": contact.job_title}


def adoption_out(request, adoption):
    """One adoption; `adoption` comes with queries.with_relations (history prefetched)."""
    return {
        "id": adoption.pk,
        "method": adoption.method_id,
        "idea": adoption.idea_id,
        "organisation": organisation_out(adoption.organisation),
        "status": adoption.status,
        "started": adoption.started,
        "stopped_reason": adoption.stopped_reason or None,
        "contact": contact_out(request, adoption.contact),
        "history": [
            {"status": change.status, "changed_on": change.changed_on, "reason": change.reason or None}
            for change in adoption.history.all()
        ],
        "url": request.build_absolute_uri(reverse("spread:adoption", args=[adoption.pk])),
    }


def decimal_out(value):
    return None if value is None else float(value)


def share_out(share, helped, asked):
    """The helped share with its 95% interval, and the counts behind it as the viewer may see them (a
    suppressed share — fewer than five asked — is null throughout)."""
    interval = share.interval if share is not None else None
    return {
        "helped": helped,
        "asked": asked,
        "value": None if share is None or share.value is None else round(share.value, 4),
        "interval_95": None if interval is None else [round(interval[0], 4), round(interval[1], 4)],
    }


def report_out(report, exact=True):
    """One outcome report; for viewers outside the organisation (and not editors) counts below five are null."""
    return {
        "id": report.pk,
        "adoption": report.adoption_id,
        "period_start": report.period_start,
        "period_end": report.period_end,
        "citizens_reached": suppression.count(report.citizens_reached, exact),
        "citizens_asked": suppression.count(report.citizens_asked, exact),
        "citizens_helped": suppression.count(report.citizens_helped, exact),
        "indicators": {
            str(value.indicator_id): {"baseline": decimal_out(value.baseline), "current": decimal_out(value.current)}
            for value in report.indicator_values.all()
        },
        "cost_per_citizen": decimal_out(report.cost_per_citizen),
        "note": report.note if exact else None,
    }


def spread_out(method, spread=None):
    """Counts by status and by region and the dated timeline — also part of the method detail API."""
    spread = spread or queries.method_spread(method)
    return {
        "total": spread["total"],
        "in_use": spread["in_use"],
        "counts": spread["counts"],
        "regions": [
            {"code": region["code"], "name": region["name"], "counts": region["counts"]} for region in spread["regions"]
        ],
        "timeline": spread["timeline"],
    }


def outcomes_out(method, user=None):
    """Totals, the helped share with its 95% Wilson interval, indicator change and a row per organisation;
    citizen counts below five and shares of fewer than five asked are null unless the viewer may see them."""
    outcomes = suppression.outcomes(queries.method_outcomes(method), user)
    return {
        "reports": outcomes["reports"],
        "citizens_reached": outcomes["citizens_reached"],
        "citizens_asked": outcomes["citizens_asked"],
        "citizens_helped": outcomes["citizens_helped"],
        "share_helped": share_out(outcomes["share"], outcomes["citizens_helped"], outcomes["citizens_asked"]),
        "cost_per_citizen": decimal_out(outcomes["cost_per_citizen"]),
        "indicators": [
            {
                "id": row["indicator"].pk,
                "name": row["indicator"].name,
                "unit": row["indicator"].unit,
                "direction": row["indicator"].direction,
                "organisations": row["organisations"],
                "baseline": decimal_out(row["baseline"]),
                "current": decimal_out(row["current"]),
                "change": decimal_out(row["change"]),
            }
            for row in outcomes["indicators"]
        ],
        "organisations": [
            {
                "organisation": organisation_out(row["organisation"]),
                "adoption": row["adoption"].pk,
                "status": row["status"],
                "reports": row["reports"],
                "citizens_reached": row["citizens_reached"],
                "share_helped": share_out(row["share"], row["citizens_helped"], row["citizens_asked"]),
                "cost_per_citizen": decimal_out(row["cost_per_citizen"]),
            }
            for row in outcomes["organisations"]
        ],
    }


def method_extras(method, user=None):
    """The "spread" and "outcomes" keys of the method detail API (ideabank/api/methods.py)."""
    return {"spread": spread_out(method), "outcomes": outcomes_out(method, user)}


# ---- lookups ----------------------------------------------------------------------------------


def visible_method(request, method_id):
    return get_or_404(method_queries.visible_methods(request.user), method_id)


def visible_adoption(request, adoption_id):
    return get_or_404(queries.with_relations(queries.visible_adoptions(request.user)), adoption_id)


def bare_adoption(request, adoption_id):
    """The adoption without its relations, for endpoints that need only its own columns (encounters): its
    method page with the body, its idea and its history would cost more to plan and load than the work."""
    if not isinstance(adoption_id, int) or not 0 < adoption_id <= MAX_ID:
        raise Http404
    adoption = queries.bare_adoption(request.user, adoption_id)
    if adoption is None:
        raise Http404
    return adoption


def reload(adoption):
    return queries.with_relations(Adoption.objects.all()).get(pk=adoption.pk)


def find_contact(value, organisation_id):
    """A colleague by user id or e-mail; someone outside the organisation is a field error, not a 404."""
    if value is None:
        return None
    contact = None
    if isinstance(value, int) and not isinstance(value, bool) and 0 < value <= MAX_ID:
        contact = User.objects.filter(pk=value, organisation_id=organisation_id).first()
    elif isinstance(value, str) and 0 < len(value.strip()) <= 254 and "\x00" not in value:
        contact = User.objects.filter(email__iexact=value.strip(), organisation_id=organisation_id).first()
    if contact is None:
        error = ValidationError({"contact": _("Findes ikke i organisationen.")})
        error.field_labels = LABELS
        raise error
    return contact


def find_organisation(slug):
    """The organisation an editor registers for; None means the user's own."""
    if slug is None:
        return None
    found = Organisation.objects.filter(slug=str(slug).strip()[:200]).first()
    if found is None:
        error = ValidationError({"organisation": _("Findes ikke: %(slug)s.") % {"slug": str(slug)[:60]}})
        error.field_labels = LABELS
        raise error
    return found


def _register(request, payload, *, method=None, idea=None):
    organisation = find_organisation(payload.organisation)
    if organisation is not None:
        services.require_manage(request.user, organisation)
    home = organisation or request.user.organisation
    contact = find_contact(payload.contact, home.pk) if home is not None else None
    with labelled(Adoption, **LABELS):
        adoption = services.register(
            request.user,
            method=method,
            idea=idea,
            organisation=organisation,
            status=payload.status,
            started=payload.started,
            contact=contact,
            reason=payload.reason,
        )
    return Status(201, adoption_out(request, reload(adoption)))


# ---- adoptions --------------------------------------------------------------------------------


@router.get("/methods/{method_id}/adoptions", response=list[AdoptionOut], auth=public)
def method_adoptions(request, method_id: int):
    """The organisations using the method, with status, start and dated history."""
    method = visible_method(request, method_id)
    return [adoption_out(request, adoption) for adoption in queries.method_adoptions(method)]


@router.post("/methods/{method_id}/adoptions", response={201: AdoptionOut}, auth=authenticated)
def adopt_method(request, method_id: int, payload: AdoptionIn):
    """Your organisation uses the method: `{"status", "started"}` (+ `contact`, `reason`). A second is 409."""
    return _register(request, payload, method=visible_method(request, method_id))


@router.get("/ideas/{idea_id}/adoptions", response=list[AdoptionOut], auth=public)
def idea_adoptions(request, idea_id: int):
    """The organisations using the idea before it became a method."""
    idea = visible_idea(request.user, idea_id)
    return [adoption_out(request, adoption) for adoption in queries.idea_adoptions(idea)]


@router.post("/ideas/{idea_id}/adoptions", response={201: AdoptionOut}, auth=authenticated)
def adopt_idea(request, idea_id: int, payload: AdoptionIn):
    """Your organisation uses the idea; it carries over when the idea becomes a method (or goes straight to
    the method if it already is one)."""
    idea = visible_idea(request.user, idea_id, Idea.objects.select_related("promotion__method"))
    return _register(request, payload, idea=idea)


def payments_out(payments):
    """What the adoption's measured results would be paid under payment by results (null: nothing priced)."""
    if payments is None:
        return None
    return {
        "total": decimal_out(payments["total"]),
        "indicators": [
            {
                "id": row["indicator"].pk,
                "name": row["indicator"].name,
                "counting": row["indicator"].counting,
                "reports": row["reports"],
                "latest": decimal_out(row["latest"]),
                "target": decimal_out(row["target"]),
                "target_reached": row["target_reached"],
                "achieved": decimal_out(row["achieved"]),
                "price": decimal_out(row["price"]),
                "payment": decimal_out(row["payment"]),
            }
            for row in payments["rows"]
        ],
    }


@router.get("/adoptions/{adoption_id}", response=AdoptionDetailOut, auth=public)
def adoption_detail(request, adoption_id: int):
    """One adoption with its history and, when its method prices outcomes, `payment_by_results`."""
    adoption = visible_adoption(request, adoption_id)
    payments = economics.adoption_payments(adoption, list(queries.adoption_reports(adoption)))
    return {**adoption_out(request, adoption), "payment_by_results": payments_out(payments)}


@router.patch("/adoptions/{adoption_id}", response=AdoptionOut, auth=authenticated)
def change_adoption(request, adoption_id: int, payload: AdoptionPatch):
    """A new status (dated `changed_on`, default today; `stopped` needs a `reason`), a corrected `started`
    or another `contact`. Only your own organisation's adoptions (editors: all)."""
    adoption = visible_adoption(request, adoption_id)
    services.require_manage(request.user, adoption)
    fields = payload.model_fields_set
    contact = find_contact(payload.contact, adoption.organisation_id) if "contact" in fields else None
    with labelled(Adoption, **LABELS):
        services.change(
            request.user,
            adoption,
            status=payload.status,
            started=payload.started,
            contact=contact,
            reason=payload.reason,
            changed_on=payload.changed_on,
        )
    return adoption_out(request, reload(adoption))


# ---- outcomes ---------------------------------------------------------------------------------


@router.get("/adoptions/{adoption_id}/outcomes", response=list[OutcomeReportOut], auth=public)
def list_outcomes(request, adoption_id: int):
    """The adoption's outcome reports, newest period first; small counts are null outside the organisation."""
    adoption = visible_adoption(request, adoption_id)
    exact = suppression.sees_exact(request.user, adoption.organisation_id)
    return [report_out(report, exact) for report in queries.adoption_reports(adoption)]


@router.post("/adoptions/{adoption_id}/outcomes", response={201: OutcomeReportOut}, auth=authenticated)
def report_outcome(request, adoption_id: int, payload: OutcomeIn):
    """One period's results: citizens reached ≥ asked ≥ helped, indicator values, cost per citizen, a note.
    Periods of one adoption must not overlap, and the period must be over."""
    adoption = visible_adoption(request, adoption_id)
    services.require_manage(request.user, adoption)
    indicators = None
    if payload.indicators is not None:
        indicators = {key: entry.model_dump() for key, entry in payload.indicators.items()}
    with labelled(OutcomeReport, **LABELS):
        report = services.report_outcome(
            request.user,
            adoption,
            period_start=payload.period_start,
            period_end=payload.period_end,
            citizens_reached=payload.citizens_reached,
            citizens_asked=payload.citizens_asked,
            citizens_helped=payload.citizens_helped,
            indicators=indicators,
            cost_per_citizen=payload.cost_per_citizen,
            note=payload.note,
        )
    report = OutcomeReport.objects.prefetch_related("indicator_values").get(pk=report.pk)
    return Status(201, report_out(report))


# ---- spread across methods --------------------------------------------------------------------


@router.get("/spread", response=Page[MethodSpreadOut], auth=public, openapi_extra=CONDITIONAL)
@decorate_view(conditional)
def spread(request, params: Query[SpreadParams]):
    """Per published method: adoptions by status and by region, and the dated timeline of the spread."""
    methods = queries.live_methods()
    count = methods.count()
    page = rows_of(methods, count, params.page, params.page_size)
    adoptions = queries.with_history(Adoption.objects.filter(method__in=[method.pk for method in page]))
    per_method = {}
    for adoption in adoptions:
        per_method.setdefault(adoption.method_id, []).append(adoption)
    return {
        **envelope(request, count, params.page, params.page_size, []),
        "results": [
            {
                "id": method.pk,
                "title": method.title,
                "url": request.build_absolute_uri(method.get_url(request=request) or "/"),
                **spread_out(method, queries.method_spread(method, per_method.get(method.pk, []))),
            }
            for method in page
        ],
    }
