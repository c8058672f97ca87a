"""The business case on the method page: `{% method_business_case page %}`, and the number filters it and
static/js/business-case.js share (same rounding, same separators), so the page reads alike with and
without JavaScript."""

from django import template
from django.utils.formats import get_format, number_format

from ideabank.methods.business_case import round_half_away

from .. import charts, economics
from ..forms import CalculatorForm

register = template.Library()

CALCULATOR_FIELDS = ("citizens", "horizon", "low", "expected", "high")


@register.filter
def kroner(value):
    """Whole kroner with thousands grouped, e.g. 12.346 (or – when unknown)."""
    if value is None:
        return "–"
    return number_format(int(round_half_away(float(value))), force_grouping=True)


@register.filter
def one_decimal(value):
    if value is None:
        return "–"
    return number_format(round_half_away(float(value), 1), 1)


@register.filter
def percent_exact(value):
    """A rate 0–1 as percent with the decimals it has (4 or 3,5)."""
    return number_format(round_half_away(float(value) * 100, 2), 2).rstrip("0").rstrip(get_format("DECIMAL_SEPARATOR"))


@register.filter
def percent(value):
    """A share 0–1 as whole percent."""
    if value is None:
        return "–"
    return number_format(int(round_half_away(float(value) * 100)), force_grouping=True)


def yearly_rows(results):
    cumulative = [results[name].cumulative for name in economics.arithmetic.SCENARIOS]
    return [{"year": year, "values": values} for year, values in enumerate(zip(*cumulative, strict=True))]


def calculator_data(case):
    """What business-case.js needs to redo the arithmetic in the browser."""
    return {
        "cost": case.cost,
        "rate": case.rate,
        "effects": [
            {"value": line.arithmetic.value_per_year, "share": line.share, "years": line.effect.years}
            for line in case.effects
        ],
        "thousand": get_format("THOUSAND_SEPARATOR"),
        "decimal": get_format("DECIMAL_SEPARATOR"),
        "defaults": {"citizens": case.citizens, "horizon": case.horizon, **case.factors},
        "maxCitizens": economics.MAX_CITIZENS,
        "maxFactor": economics.MAX_FACTOR,
    }


@register.inclusion_tag("spread/includes/business_case.html", takes_context=True)
def method_business_case(context, method):
    """What the method costs and saves: key figures, scenarios, the cumulative chart, every assumption with
    its source, and "Regn selv" (JavaScript in the page; without it, this GET form recomputes here)."""
    request = context["request"]
    case = economics.business_case(method)
    if case is None:
        return {"case": None}
    asked = any(name in request.GET for name in CALCULATOR_FIELDS)
    initial = {"citizens": case.citizens, "horizon": case.horizon, **case.factors}
    form = CalculatorForm(request.GET if asked else None, initial=initial, auto_id="business-case-%s")
    calculated = case
    if asked and form.is_valid():
        calculated = economics.business_case(method, **form.inputs())
    return {
        "request": request,
        "method": method,
        "case": case,
        "chart": charts.cumulative_chart(case.results) if case.results else None,
        "per_hundred": case.expected.npv_for(100) if case.results else None,
        "years": yearly_rows(case.results) if case.results else [],
        "form": form,
        "calculated": calculated if calculated.results and not form.errors else None,
        "calculator_data": calculator_data(case) if case.results else None,
    }
