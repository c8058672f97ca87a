"""The business case API: `GET /api/v1/methods/{id}/business-case` (public; `?citizens=&horizon=&low=
&expected=&high=` recompute, as "Regn selv" on the page does) and `PUT` on the same path (editors).

The figures come from ideabank.spread.economics, the same code the method page uses, so the page and the
API agree to the krone. Amounts are kroner as unrounded numbers (round them only to show them); shares and
the discount rate are fractions (0.04 = 4 %).
"""

from typing import Any, Literal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from pydantic import Field

from ideabank.methods import services
from ideabank.methods.business_case import SCENARIOS
from ideabank.spread import economics
from ideabank.spread.forms import CalculatorForm

from .auth import authenticated
from .ideas import public
from .schemas import Count, Id, In
from .spread import visible_method

router = Router(tags=["business case"])

NUMBER = {"type": "number"}


class CalculatorParams(Schema):
    citizens: str = Field("", description=f"Number of citizens (1–{economics.MAX_CITIZENS}); default 100.")
    horizon: str = Field("", description="Horizon in years (1–30); default the method's.")
    low: str = Field("", description="Factor on every share in the low scenario (0–10).")
    expected: str = Field("", description="Factor in the expected scenario.")
    high: str = Field("", description="Factor in the high scenario.")


class EffectIn(In):
    label: Any = Field(None, description="What the effect is, e.g. 'undgået anbringelse'.")
    value_per_year: Any = Field(None, description="Kroner per citizen per year, ≥ 0.", json_schema_extra=NUMBER)
    share: Any = Field(None, description='Share of citizens 0–1, or "measured" for the measured helped share.')
    years: Any = Field(None, description="Years the effect lasts, 1–30.", json_schema_extra=NUMBER)
    source: Any = Field(None, description="A link (https://…) or a research item's id; without one it is flagged.")


class BusinessCaseIn(In):
    cost_per_citizen: Any = Field(
        None, description="Kroner at year 0; null: the mean of the outcome reports.", json_schema_extra=NUMBER
    )
    cost_source: str = Field("", description="Where the cost comes from; required with a cost.")
    horizon_years: Any = Field(5, description="1–30.", json_schema_extra=NUMBER)
    discount_rate: Any = Field(0.04, description="A fraction, 0–0.2.", json_schema_extra=NUMBER)
    effects: Any = Field(None, description="The effects, at least one.")
    factors: Any = Field(None, description='{"low": 0.5, "expected": 1, "high": 1.5} (each 0–10).')


class ResearchRefOut(Schema):
    id: Id
    title: str
    year: int
    link: str | None


class EffectSourceOut(Schema):
    research: ResearchRefOut | None
    link: str | None


class EffectOut(Schema):
    label: str
    value_per_year: float = Field(description="Kroner per citizen per year.")
    share: float = Field(ge=0, le=1, description="Share of citizens it applies to (a fraction).")
    share_from: Literal["typed", "measured", "unmeasured"]
    years: int = Field(ge=1)
    source: EffectSourceOut | None = Field(description="null: no source (see warnings).")
    sourced: bool


class ScenarioOut(Schema):
    factor: float = Field(ge=0, description="What every effect's share is multiplied by.")
    share: float | None = Field(description="The effects' shares in this scenario, weighted by their value.")
    benefit_per_citizen: float = Field(description="Discounted benefits per citizen, kroner.")
    npv_per_citizen: float | None = Field(description="Net present value per citizen (null without a cost).")
    npv_total: float | None = Field(description="Net present value for `citizens` citizens.")
    payback_years: float | None = Field(description="null: does not pay back within the horizon.")
    break_even_share: float | None
    cumulative: list[float] = Field(description="Cumulative discounted net position at the end of year 0 … horizon.")


class ScenariosOut(Schema):
    low: ScenarioOut
    expected: ScenarioOut
    high: ScenarioOut


class CostSourceOut(Schema):
    from_: Literal["editor", "reports"] | None = Field(alias="from", description="Who set the cost.")
    text: str | None
    reports: Count = Field(description="Outcome reports behind a cost taken from them.")


class MeasuredShareOut(Schema):
    helped: Count
    asked: Count


class FactorsOut(Schema):
    low: float
    expected: float
    high: float


class FieldFlagOut(Schema):
    field: str
    msg: str


class BusinessCaseOut(Schema):
    method: Id
    cost_per_citizen: float | None = Field(description="Kroner at year 0.")
    cost_source: CostSourceOut
    horizon_years: int = Field(ge=1, le=30)
    discount_rate: float = Field(ge=0, le=0.2, description="A fraction: 0.04 is 4 %.")
    citizens: int = Field(ge=1)
    factors: FactorsOut
    effects: list[EffectOut]
    measured_share: MeasuredShareOut
    scenarios: ScenariosOut | None = Field(description="null until the case has a cost and an effect.")
    warnings: list[str]


class BusinessCaseSavedOut(BusinessCaseOut):
    flags: list[FieldFlagOut] = Field(description="Effects stored without a source.")


def research_out(item):
    return {"id": item.pk, "title": item.title, "year": item.year, "link": item.link or None}


def effect_out(line):
    effect = line.effect
    source = None
    if effect.has_source:
        source = {
            "research": research_out(effect.source_research) if effect.source_research_id else None,
            "link": effect.source_link or None,
        }
    return {
        "label": effect.label,
        "value_per_year": float(effect.value_per_year),
        "share": line.share,
        "share_from": line.share_from,
        "years": effect.years,
        "source": source,
        "sourced": effect.has_source,
    }


def result_out(result, citizens):
    return {
        "factor": result.factor,
        "share": result.share,
        "benefit_per_citizen": result.benefit_per_citizen,
        "npv_per_citizen": result.npv_per_citizen,
        "npv_total": result.npv_for(citizens),
        "payback_years": result.payback_years,
        "break_even_share": result.break_even_share,
        "cumulative": list(result.cumulative),
    }


def case_out(case):
    return {
        "method": case.method.pk,
        "cost_per_citizen": case.cost,
        "cost_source": {"from": case.cost_from, "text": case.cost_source or None, "reports": case.cost_reports},
        "horizon_years": case.horizon,
        "discount_rate": case.rate,
        "citizens": case.citizens,
        "factors": case.factors,
        "effects": [effect_out(line) for line in case.effects],
        "measured_share": {"helped": case.measured.helped, "asked": case.measured.asked},
        "scenarios": {name: result_out(case.results[name], case.citizens) for name in SCENARIOS}
        if case.results
        else None,
        "warnings": case.warnings,
    }


@router.get("/methods/{method_id}/business-case", response=BusinessCaseOut, auth=public, by_alias=True)
def business_case(request, method_id: int, params: Query[CalculatorParams]):
    """What the method costs and saves per citizen: three scenarios with net present value, payback and
    break-even share, every assumption and its source. 404 when the method has no business case."""
    method = visible_method(request, method_id)
    form = CalculatorForm({key: value for key, value in params.dict().items() if value != ""})
    if not form.is_valid():
        error = ValidationError(form.errors.as_data())
        error.field_labels = {name: field.label for name, field in form.fields.items()}
        raise error
    case = economics.business_case(method, **form.inputs())
    if case is None:
        raise HttpError(404, _("Metoden har endnu ingen business case."))
    return case_out(case)


@router.put(
    "/methods/{method_id}/business-case",
    response=BusinessCaseSavedOut,
    auth=authenticated,
    by_alias=True,
    summary="Save Business Case",
)
def put_business_case(request, method_id: int, payload: BusinessCaseIn):
    """Editors replace the business case; it is published as a new revision of the method. Refusals are 422
    naming each field; effects without a source are stored but flagged in `flags`. 409 while the method has
    unpublished changes in the page editor."""
    services.require_editor(request.user)
    method = visible_method(request, method_id)
    flags = services.set_business_case(
        request.user,
        method,
        cost_per_citizen=payload.cost_per_citizen,
        cost_source=payload.cost_source,
        horizon_years=payload.horizon_years,
        discount_rate=payload.discount_rate,
        effects=payload.effects,
        factors=payload.factors,
    )
    method.refresh_from_db()
    return {**case_out(economics.business_case(method)), "flags": flags}
