"""The arithmetic of a method's business case: what one citizen's course costs, what its effects save the
public purse over the years, and when it pays back. Pure Python, no Django, so it is tested against cases
worked out by hand and mirrored line by line in static/js/business-case.js.

The model (stated in the README and on the method page):

* the cost per citizen falls at year 0;
* each effect pays `value × share` at the end of each year t = 1 … min(years, horizon), discounted by
  (1 + rate)^t;
* net present value per citizen = discounted benefits − cost;
* payback = the first year in which the cumulative discounted benefit reaches the cost, interpolated
  linearly within that year; None if never within the horizon;
* break-even share = the share of citizens (every effect's share set alike) at which the net present value
  is 0. It does not depend on the scenario: the scenarios move the assumed shares, not what an effect is
  worth, so compare it with the scenario's `share` (the mean of its shares weighted by what each effect is
  worth).

A scenario multiplies every effect's share by its factor; a share cannot exceed 1, so the product is capped.

All arithmetic is in binary floating point (IEEE 754 doubles), the number type the browser has, and in the
same order of operations as the JavaScript, so the page and the API agree exactly. The discount factor is
built by repeated division rather than a power, because division is correctly rounded in both languages
and pow is not. Results are rounded only for display (`round_half_away`).
"""

import math
from dataclasses import dataclass

DEFAULT_HORIZON = 5
DEFAULT_RATE = 0.04
DEFAULT_FACTORS = {"low": 0.5, "expected": 1.0, "high": 1.5}
SCENARIOS = ("low", "expected", "high")
MIN_HORIZON, MAX_HORIZON = 1, 30
MAX_RATE = 0.20


@dataclass(frozen=True)
class Effect:
    """One effect on one citizen: worth `value_per_year` kroner a year to the public purse, for `years`
    years, for the `share` (0–1) of citizens who gain it."""

    value_per_year: float
    share: float
    years: int


@dataclass(frozen=True)
class Result:
    """One scenario, per citizen. `cumulative[t]` is the discounted net position at the end of year t
    (t = 0 … horizon; `cumulative[0]` is −cost)."""

    factor: float
    share: float | None
    benefit_per_citizen: float
    npv_per_citizen: float
    payback_years: float | None
    break_even_share: float | None
    cumulative: tuple

    def npv_for(self, citizens):
        return self.npv_per_citizen * citizens


def total(values):
    """Left-to-right addition, as JavaScript does it (Python 3.12's sum() compensates, and would differ)."""
    result = 0.0
    for value in values:
        result = result + value
    return result


def discount_factors(rate, horizon):
    """[1/(1+rate)^t for t = 1 … horizon]."""
    factors = []
    factor = 1.0
    for _year in range(horizon):
        factor = factor / (1 + rate)
        factors.append(factor)
    return factors


def yearly_benefits(effects, horizon, rate, factor=1.0):
    """The discounted benefit of each year 1 … horizon, per citizen, with every share scaled by `factor`."""
    discounts = discount_factors(rate, horizon)
    benefits = []
    for year in range(1, horizon + 1):
        benefit = 0.0
        for effect in effects:
            if year <= effect.years:
                benefit = benefit + effect.value_per_year * min(1.0, effect.share * factor) * discounts[year - 1]
        benefits.append(benefit)
    return benefits


def payback(cost, benefits):
    """Years until the cumulative discounted benefit reaches `cost`, interpolated within the year; None if never."""
    if cost <= 0:
        return 0.0
    reached = 0.0
    for year, benefit in enumerate(benefits, start=1):
        before = reached
        reached = reached + benefit
        if reached >= cost:
            return (year - 1) + (cost - before) / benefit
    return None


def worth_per_share(effects, horizon, rate):
    """The discounted value of every effect if every citizen gained it (share 1, uncapped)."""
    return total(yearly_benefits([Effect(e.value_per_year, 1.0, e.years) for e in effects], horizon, rate))


def break_even_share(cost, effects, horizon, rate):
    """The share of citizens, alike for every effect, at which the net present value is 0; None if no effect
    is worth anything within the horizon. Above 1 means it cannot break even within the horizon."""
    worth = worth_per_share(effects, horizon, rate)
    if worth <= 0:
        return None
    return cost / worth


def weighted_share(effects, horizon, rate, factor):
    """The scenario's shares as one number: their mean weighted by what each effect is worth."""
    worth = worth_per_share(effects, horizon, rate)
    if worth <= 0:
        return None
    scaled = [Effect(e.value_per_year, min(1.0, e.share * factor), e.years) for e in effects]
    return total(yearly_benefits(scaled, horizon, rate)) / worth


def evaluate(cost, effects, horizon=DEFAULT_HORIZON, rate=DEFAULT_RATE, factor=1.0):
    """One scenario of the business case, per citizen."""
    benefits = yearly_benefits(effects, horizon, rate, factor)
    cumulative = [-cost]
    for benefit in benefits:
        cumulative.append(cumulative[-1] + benefit)
    benefit = total(benefits)
    return Result(
        factor=factor,
        share=weighted_share(effects, horizon, rate, factor),
        benefit_per_citizen=benefit,
        npv_per_citizen=benefit - cost,
        payback_years=payback(cost, benefits),
        break_even_share=break_even_share(cost, effects, horizon, rate),
        cumulative=tuple(cumulative),
    )


def scenarios(cost, effects, horizon=DEFAULT_HORIZON, rate=DEFAULT_RATE, factors=None):
    """{"low", "expected", "high"} → Result."""
    factors = {**DEFAULT_FACTORS, **(factors or {})}
    return {name: evaluate(cost, effects, horizon, rate, factors[name]) for name in SCENARIOS}


def round_half_away(value, places=0):
    """Round as people do (2.5 → 3, −2.5 → −3), the same way in Python and JavaScript."""
    scale = 10**places
    return math.copysign(math.floor(abs(value) * scale + 0.5), value) / scale
