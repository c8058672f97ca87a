"""What the spread and encounters APIs answer: adoptions, outcome reports, the spread of a method, encounters.

Citizen counts are `null` where they are suppressed (below five, for viewers outside the organisation), so
every such count is `Count | None`.
"""

from datetime import date, datetime
from typing import Annotated, Literal
from uuid import UUID

from ninja import Schema
from pydantic import Field

from ideabank.accounts.models import Organisation
from ideabank.spread.models import AdoptionStatus, EncounterAnswer, EncounterSource

from .schemas import Count, Id, choice

Status = choice(AdoptionStatus)
Share = Annotated[float, Field(ge=0, le=1)]


class RegionOut(Schema):
    code: int
    name: str


class AdoptingOrganisationOut(Schema):
    slug: str
    name: str
    kind: choice(Organisation.Kind)
    municipality: int | None = Field(description="The municipality's code, for a kommune.")
    region: RegionOut | None


class ContactOut(Schema):
    id: Id
    display_name: str
    job_title: str


class StatusChangeOut(Schema):
    status: Status
    changed_on: date
    reason: str | None


class AdoptionOut(Schema):
    id: Id
    method: Id | None = Field(description="The method adopted; null while it is an idea's adoption.")
    idea: Id | None = Field(description="The idea adopted before it became a method.")
    organisation: AdoptingOrganisationOut
    status: Status
    started: date
    stopped_reason: str | None
    contact: ContactOut | None = Field(description="Only signed-in users see the contact person.")
    history: list[StatusChangeOut] = Field(description="Every status with the day it took effect, oldest first.")
    url: str


class IndicatorPaymentOut(Schema):
    id: Id
    name: str
    counting: Literal["share", "per_citizen", "total"] = Field(description="How an achieved outcome is counted.")
    reports: Count = Field(description="Outcome reports that carry this indicator.")
    latest: float | None = Field(description="The latest reported value, in the indicator's unit.")
    target: float | None
    target_reached: bool | None
    achieved: float | None = Field(description="Achieved outcomes over all reported periods.")
    price: float | None = Field(description="Kroner per achieved outcome.")
    payment: float | None = Field(description="What would be paid for them, in kroner.")


class PaymentByResultsOut(Schema):
    total: float | None = Field(description="Kroner over all priced indicators.")
    indicators: list[IndicatorPaymentOut]


class AdoptionDetailOut(AdoptionOut):
    payment_by_results: PaymentByResultsOut | None = Field(
        description="What the measured results would be paid under payment by results; null when nothing is priced."
    )


class IndicatorValueOut(Schema):
    baseline: float | None
    current: float | None


class OutcomeReportOut(Schema):
    id: Id
    adoption: Id
    period_start: date
    period_end: date
    citizens_reached: Count | None
    citizens_asked: Count | None
    citizens_helped: Count | None
    indicators: dict[str, IndicatorValueOut] = Field(description="Per indicator id.")
    cost_per_citizen: float | None
    note: str | None = Field(description="Only for the organisation and editors.")


class StatusCountsOut(Schema):
    considering: Count
    piloting: Count
    implemented: Count
    stopped: Count


class RegionSpreadOut(Schema):
    code: int | None = Field(description="null for national organisations and those without a region.")
    name: str
    counts: StatusCountsOut


class TimelinePointOut(StatusCountsOut):
    date: date
    registered: Count = Field(description="Organisations registered by this day, whatever their status.")
    in_use: Count = Field(description="Piloting or implemented on this day.")


class SpreadOut(Schema):
    total: Count
    in_use: Count
    counts: StatusCountsOut
    regions: list[RegionSpreadOut]
    timeline: list[TimelinePointOut]


class MethodSpreadOut(SpreadOut):
    id: Id
    title: str
    url: str


class ShareOut(Schema):
    helped: Count | None
    asked: Count | None
    value: Share | None = Field(description="Helped ÷ asked; null when fewer than five answered.")
    interval_95: list[Share] | None = Field(description="[low, high]: the 95% Wilson interval.")


class IndicatorOutcomeOut(Schema):
    id: Id
    name: str
    unit: str
    direction: Literal["up", "down"]
    organisations: Count
    baseline: float | None
    current: float | None
    change: float | None


class OrganisationOutcomeOut(Schema):
    organisation: AdoptingOrganisationOut
    adoption: Id
    status: Status
    reports: Count
    citizens_reached: Count | None
    share_helped: ShareOut
    cost_per_citizen: float | None


class OutcomesOut(Schema):
    reports: Count
    citizens_reached: Count | None
    citizens_asked: Count | None
    citizens_helped: Count | None
    share_helped: ShareOut
    cost_per_citizen: float | None
    indicators: list[IndicatorOutcomeOut]
    organisations: list[OrganisationOutcomeOut]


# ---- encounters ---------------------------------------------------------------------------------


class EncounterOut(Schema):
    id: Id
    adoption: Id
    met_on: date
    answer: choice(EncounterAnswer)
    needed: str
    source: choice(EncounterSource)
    uuid: UUID


class RecordedEncounterOut(EncounterOut):
    created: bool = Field(description="false when the uuid was stored already (counted once).")


class EncounterBatchOut(Schema):
    created: Count
    repeated: Count
    results: list[RecordedEncounterOut]


class EncounterSummaryOut(Schema):
    asked: Count | None = Field(description="All answers but declined.")
    helped: Count | None
    partly: Count | None
    not_helped: Count | None
    declined: Count | None
    share_helped: Share | None
    ci_low: Share | None
    ci_high: Share | None
    start: date | None = Field(alias="from")
    end: date | None = Field(alias="to")
    exact: bool = Field(description="false when small counts are suppressed for this viewer.")


class CitizenCodeOut(Schema):
    code: str
    url: str = Field(description="Where the citizen answers, without logging in.")
    qr_svg: str = Field(description="The address as a QR code (SVG).")
    expires: datetime


class OutcomeDraftOut(Schema):
    period_start: date
    period_end: date
    citizens_reached: Count | None
    citizens_asked: Count
    citizens_helped: Count
    encounters: Count
    declined: Count
    overlaps_reported_period: bool
    indicators: dict[str, IndicatorValueOut]
    cost_per_citizen: float | None
    note: str
