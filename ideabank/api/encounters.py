"""The encounters API: one answer to "Føler du dig hjulpet?" per meeting, a day's meetings in bulk from a
case system, one-meeting codes for citizens, the summary of a period and the outcome report it prefills.

Writes need the adoption's own organisation's staff, an editor or an administrator (others 403) and go
through `ideabank.spread.encounters`, which holds every rule: a field error answers 422 naming the field and
stores nothing; the same `uuid` again answers 200 with the encounter already stored. The summary is exact
for the organisation and editors, and suppressed below five for everyone else (DESIGN §9).
"""

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Query, Router, Schema, Status
from pydantic import Field

from ideabank import ratelimit
from ideabank.spread import encounters, suppression
from ideabank.spread.encounter_views import check_address
from ideabank.spread.models import Encounter

from .auth import authenticated
from .errors import labelled
from .ideas import public
from .openapi import RATE_LIMITED
from .schemas import In
from .spread import bare_adoption
from .spread_schemas import (
    CitizenCodeOut,
    EncounterBatchOut,
    EncounterOut,
    EncounterSummaryOut,
    OutcomeDraftOut,
)

router = Router(tags=["encounters"])

LABELS = {
    "answer": gettext_lazy("svar"),
    "met_on": gettext_lazy("mødedato"),
    "needed": gettext_lazy("hvad skal der til?"),
    "uuid": gettext_lazy("registrerings-id"),
    "encounters": gettext_lazy("møder"),
    "period_start": gettext_lazy("periodens start"),
    "period_end": gettext_lazy("periodens slut"),
}
ANSWER = {"type": "string", "enum": ["helped", "partly", "not_helped", "declined"]}
DAY = {"type": "string", "format": "date"}
UUID = {"type": "string", "format": "uuid"}


class EncounterIn(In):
    # Checked by the service, so a wrong value is refused in Danish with the field named.
    answer: Any = Field(None, description="helped, partly, not_helped or declined.", json_schema_extra=ANSWER)
    met_on: Any = Field(None, description="The meeting's day; default today.", json_schema_extra=DAY)
    needed: Any = Field("", description='"Hvad skal der til?": at most 500 characters.', json_schema_extra={})
    uuid: Any = Field(None, description="Chosen by you: the same uuid again is counted once.", json_schema_extra=UUID)


class BulkIn(In):
    encounters: list[EncounterIn] = Field(description="At most 500; all are stored, or none.")


class PeriodParams(Schema):
    start: date | None = Field(None, alias="from", description="First day (included).")
    end: date | None = Field(None, alias="to", description="Last day (included).")


class DraftParams(Schema):
    period_start: date | None = None
    period_end: date | None = None


def encounter_out(encounter):
    return {
        "id": encounter.pk,
        "adoption": encounter.adoption_id,
        "met_on": encounter.met_on,
        "answer": encounter.answer,
        "needed": encounter.needed,
        "source": encounter.source,
        "uuid": str(encounter.uuid),
    }


def _fields(payload):
    return {"answer": payload.answer, "met_on": payload.met_on, "needed": payload.needed or "", "uuid": payload.uuid}


def _writable(request, adoption_id):
    adoption = bare_adoption(request, adoption_id)
    encounters.require_register(request.user, adoption)
    ratelimit.check(request, "encounter")
    return adoption


@router.post(
    "/adoptions/{adoption_id}/encounters",
    summary="Register an encounter",
    response={200: EncounterOut, 201: EncounterOut},
    auth=authenticated,
    openapi_extra=RATE_LIMITED,
)
def register(request, adoption_id: int, payload: EncounterIn):
    """One meeting's answer. 201 with the encounter; the same `uuid` again: 200 with the same encounter."""
    adoption = _writable(request, adoption_id)
    with labelled(Encounter, **LABELS):
        encounter, created = encounters.record(request.user, adoption, **_fields(payload))
    return Status(201 if created else 200, encounter_out(encounter))


@router.post(
    "/adoptions/{adoption_id}/encounters/bulk",
    summary="Register encounters in bulk",
    response={200: EncounterBatchOut, 201: EncounterBatchOut},
    auth=authenticated,
    openapi_extra=RATE_LIMITED,
)
def register_many(request, adoption_id: int, payload: BulkIn):
    """Up to 500 meetings in one request, all or nothing (`encounters[3].needed` names a wrong field).
    UUIDs already stored, or repeated in the request, are counted once."""
    adoption = _writable(request, adoption_id)
    with labelled(Encounter, **LABELS):
        results = encounters.record_many(request.user, adoption, [_fields(item) for item in payload.encounters])
    created = sum(1 for _encounter, new in results if new)
    return Status(
        201 if created else 200,
        {
            "created": created,
            "repeated": len(results) - created,
            "results": [{**encounter_out(encounter), "created": new} for encounter, new in results],
        },
    )


@router.get(
    "/adoptions/{adoption_id}/encounters/summary",
    response=EncounterSummaryOut,
    by_alias=True,
    auth=public,
    summary="Encounter summary",
)
def summary(request, adoption_id: int, params: Query[PeriodParams]):
    """Asked (all but declined), helped, partly, not helped, declined, the helped share and its 95% Wilson
    interval. Exact for the organisation and editors; for everyone else counts below 5 and shares of fewer
    than 5 answers are `null`."""
    adoption = bare_adoption(request, adoption_id)
    exact = suppression.sees_exact(request.user, adoption.organisation_id)
    counted = encounters.summary(adoption, params.start, params.end)
    return {
        **counted.out(exact),
        "from": params.start,
        "to": params.end,
        "exact": exact,
    }


@router.post(
    "/adoptions/{adoption_id}/citizen-codes",
    summary="Make a citizen code",
    response={201: CitizenCodeOut},
    auth=authenticated,
    openapi_extra=RATE_LIMITED,
)
def citizen_code(request, adoption_id: int):
    """A one-meeting code: the citizen answers at `url` without logging in, once, within 48 hours."""
    adoption = bare_adoption(request, adoption_id)
    encounters.require_register(request.user, adoption)
    ratelimit.check(request, "citizen_code")
    check_address(request, "citizen_code_address")
    code = encounters.create_code(request.user, adoption)
    return Status(
        201,
        {
            "code": code.code,
            "url": request.build_absolute_uri(reverse("citizen_answer", args=[code.code])),
            "qr_svg": request.build_absolute_uri(reverse("spread:citizen_code_qr", args=[code.code])),
            "expires": code.expires,
        },
    )


@router.get("/adoptions/{adoption_id}/outcomes/draft", response=OutcomeDraftOut, auth=authenticated)
def outcome_draft(request, adoption_id: int, params: Query[DraftParams]):
    """The period outcome report prefilled from the encounters: asked and helped counted; citizens reached,
    indicators and cost are yours to add (POST it to /adoptions/{id}/outcomes). Without a period: from the
    day after the last reported period to the end of last month."""
    adoption = bare_adoption(request, adoption_id)
    if not encounters.can_register(request.user, adoption):
        raise PermissionDenied(_("Kun organisationens egne medarbejdere kan se udkastet."))
    start, end = encounters.default_period(adoption)
    start, end = params.period_start or start, params.period_end or end
    if end < start:
        error = ValidationError({"period_end": _("Periodens slut skal ligge efter dens start.")})
        error.field_labels = LABELS
        raise error
    draft = encounters.outcome_draft(adoption, start, end)
    return {**draft, "indicators": {}, "cost_per_citizen": None, "note": ""}
