"""What a method costs and saves, with the figures its adoptions reported: the business case (its arithmetic
is ideabank.methods.business_case) and payment by results of one adoption.

The editors' assumptions live on the method page; this module fills in what only the outcome reports know —
the cost per citizen (mean weighted by citizens reached) unless an editor set it, and the share of citizens
who felt helped for effects that use the measured share — and says plainly what is missing or unsourced.
The HTML page, the API and the open-data export all read the case from here, so they agree to the krone.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Sum
from django.utils.translation import gettext as _

from ideabank.methods import business_case as arithmetic

from .models import OutcomeReport
from .statistics import Share, weighted_cost

DEFAULT_CITIZENS = 100
MAX_CITIZENS = 1_000_000
MAX_FACTOR = 10


@dataclass
class EffectLine:
    """One effect with its share resolved: typed by the editor, or measured ('unmeasured' counts as 0)."""

    effect: object  # methods.BusinessEffect
    share: float
    share_from: str  # typed, measured, unmeasured

    @property
    def arithmetic(self):
        return arithmetic.Effect(float(self.effect.value_per_year), self.share, self.effect.years)


@dataclass
class BusinessCase:
    method: object
    cost: float | None
    cost_from: str | None  # editor, reports, None when unknown
    cost_source: str
    cost_reports: int
    horizon: int
    rate: float
    factors: dict
    effects: list
    measured: Share
    citizens: int = DEFAULT_CITIZENS
    results: dict | None = None
    warnings: list = field(default_factory=list)

    @property
    def expected(self):
        return self.results["expected"] if self.results else None

    def rows(self):
        """[(name, Result, net present value for `citizens`)] in scenario order."""
        return [(name, self.results[name], self.results[name].npv_for(self.citizens)) for name in arithmetic.SCENARIOS]


def factors_of(method):
    return {name: float(getattr(method, f"business_factor_{name}")) for name in arithmetic.SCENARIOS}


def measured_share(method):
    totals = OutcomeReport.objects.filter(adoption__method=method).aggregate(
        helped=Sum("citizens_helped"), asked=Sum("citizens_asked")
    )
    return Share(totals["helped"] or 0, totals["asked"] or 0)


def reported_cost(method):
    """(mean cost per citizen weighted by citizens reached, how many reports gave a cost)."""
    pairs = list(
        OutcomeReport.objects.filter(adoption__method=method, cost_per_citizen__isnull=False).values_list(
            "cost_per_citizen", "citizens_reached"
        )
    )
    return weighted_cost(pairs), len(pairs)


def has_business_case(method):
    return method.effects.exists()


def business_case(method, *, citizens=None, horizon=None, factors=None):
    """The method's business case, computed for `citizens` over `horizon` years with the scenario `factors`
    (each defaults to the editors' setting); None when the method has no effects."""
    effects = list(method.effects.select_related("source_research").order_by("sort_order", "pk"))
    if not effects:
        return None
    measured = measured_share(method) if any(effect.measured_share for effect in effects) else Share(0, 0)
    lines = []
    warnings = []
    for effect in effects:
        if effect.measured_share:
            if measured.value is None:
                lines.append(EffectLine(effect, 0.0, "unmeasured"))
                warnings.append(
                    _(
                        "Effekten «%(label)s» bruger den målte andel, men ingen borgere er spurgt endnu; "
                        "den tæller som 0."
                    )
                    % {"label": effect.label}
                )
            else:
                lines.append(EffectLine(effect, measured.value, "measured"))
        else:
            lines.append(EffectLine(effect, float(effect.share), "typed"))
        if not effect.has_source:
            warnings.append(
                _("Effekten «%(label)s» har ingen kilde. Værdien og andelen er et skøn, som ikke er dokumenteret.")
                % {"label": effect.label}
            )
    cost_reports = 0
    if method.business_cost is not None:
        cost, cost_from = float(method.business_cost), "editor"
    else:
        reported, cost_reports = reported_cost(method)
        cost, cost_from = (float(reported), "reports") if reported is not None else (None, None)
    case = BusinessCase(
        method=method,
        cost=cost,
        cost_from=cost_from,
        cost_source=method.business_cost_source,
        cost_reports=cost_reports,
        horizon=horizon or method.business_horizon,
        rate=float(method.business_discount_rate) / 100,
        factors={**factors_of(method), **(factors or {})},
        effects=lines,
        measured=measured,
        citizens=DEFAULT_CITIZENS if citizens is None else citizens,
        warnings=warnings,
    )
    if cost is None:
        case.warnings.insert(
            0,
            _(
                "Udgiften pr. borger kendes ikke endnu: ingen organisation har rapporteret en udgift, og "
                "redaktionen har ikke sat den. Derfor kan regnestykket ikke gøres op."
            ),
        )
    else:
        case.results = arithmetic.scenarios(
            cost, [line.arithmetic for line in lines], case.horizon, case.rate, case.factors
        )
    return case


# ---- payment by results ---------------------------------------------------------------------------


def achieved(indicator, baseline, current, reached):
    """Outcomes achieved in one report: the improvement in the desired direction (never below 0), counted
    as the editor set it — percentage points of the citizens reached, a mean per citizen, or a group total."""
    change = current - baseline if indicator.direction == "up" else baseline - current
    change = max(Decimal(0), change)
    if indicator.counting == "share":
        return change * reached / 100
    if indicator.counting == "per_citizen":
        return change * reached
    return change


def target_reached(indicator, current):
    if indicator.target is None or current is None:
        return None
    return current >= indicator.target if indicator.direction == "up" else current <= indicator.target


def adoption_payments(adoption, reports):
    """What would be paid on the adoption's reports so far, per priced indicator of its method.

    `reports` come with their indicator values prefetched (queries.adoption_reports). Returns
    {"rows": [...], "total": Decimal} or None when the method prices no indicator.
    """
    if adoption.method_id is None:
        return None
    priced = [indicator for indicator in adoption.method.indicators.all() if indicator.price is not None]
    if not priced:
        return None
    ordered = sorted(reports, key=lambda report: (report.period_end, report.pk))
    rows = []
    for indicator in priced:
        outcomes = Decimal(0)
        measured = 0
        latest = None
        for report in ordered:
            for value in report.indicator_values.all():
                if value.indicator_id == indicator.pk:
                    outcomes += achieved(indicator, value.baseline, value.current, report.citizens_reached)
                    measured += 1
                    latest = value.current
        rows.append(
            {
                "indicator": indicator,
                "reports": measured,
                "latest": latest,
                "target": indicator.target,
                "target_reached": target_reached(indicator, latest),
                "achieved": outcomes,
                "price": indicator.price,
                "payment": outcomes * indicator.price,
            }
        )
    return {"rows": rows, "total": sum((row["payment"] for row in rows), Decimal(0))}
