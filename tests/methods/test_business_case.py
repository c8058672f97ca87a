"""The business case arithmetic against cases worked out by hand (the working is in each docstring)."""

import pytest

from ideabank.methods.business_case import (
    Effect,
    break_even_share,
    discount_factors,
    evaluate,
    payback,
    round_half_away,
    scenarios,
)


def test_rate_zero_pays_back_halfway_through_year_three():
    """Cost 1 000; 400 a year for 5 years, everyone: cumulative 400, 800, 1 200 → payback 2 + 200/400 = 2.5.
    NPV 2 000 − 1 000 = 1 000; break-even share 1 000 / 2 000 = 0.5."""
    result = evaluate(1000, [Effect(400, 1.0, 5)], horizon=5, rate=0.0)
    assert result.benefit_per_citizen == pytest.approx(2000)
    assert result.npv_per_citizen == pytest.approx(1000)
    assert result.payback_years == pytest.approx(2.5)
    assert result.break_even_share == pytest.approx(0.5)
    assert result.cumulative == pytest.approx((-1000, -600, -200, 200, 600, 1000))


def test_discounting_at_ten_percent_pays_back_inside_year_three():
    """Cost 1 000; 1 100 a year for half the citizens for 3 years at 10 %: 550/1.1 = 500, 550/1.21 = 454.55,
    550/1.331 = 413.22. After two years 954.55; the third year's 413.22 covers the missing 45.45 in 0.11 of
    it → payback 2.11. NPV 1 367.77 − 1 000 = 367.77. Worth at share 1: 1 100 × (0.9091 + 0.8264 + 0.7513)
    = 2 735.54 → break-even share 1 000 / 2 735.54 = 0.36556."""
    result = evaluate(1000, [Effect(1100, 0.5, 3)], horizon=5, rate=0.10)
    assert result.benefit_per_citizen == pytest.approx(1367.7686, abs=1e-4)
    assert result.npv_per_citizen == pytest.approx(367.7686, abs=1e-4)
    assert result.payback_years == pytest.approx(2.11)
    assert result.break_even_share == pytest.approx(0.365559, abs=1e-6)
    assert result.share == pytest.approx(0.5)


def test_no_payback_within_the_horizon():
    """Cost 5 000; 1 000 a year for half the citizens for 10 years, but a 5-year horizon at 0 %: 2 500 in all,
    NPV −2 500, never paid back; everyone would have to gain it to break even (share 1.0)."""
    result = evaluate(5000, [Effect(1000, 0.5, 10)], horizon=5, rate=0.0)
    assert result.benefit_per_citizen == pytest.approx(2500)
    assert result.npv_per_citizen == pytest.approx(-2500)
    assert result.payback_years is None
    assert result.break_even_share == pytest.approx(1.0)


def test_scenarios_scale_every_share_and_cap_it_at_one():
    """Cost 1 000, 0 %, horizon 5. Effect A: 1 000 a year, share 0.8, 2 years; effect B: 200, share 0.5, 5 years.

    expected: 900, 900, 100, 100, 100 → 2 100, NPV 1 100, payback 1 + 100/900 = 1.111;
    high ×1.5: A's share 1.2 is capped at 1 → 1 150, 1 150, 150, 150, 150 → 2 750, NPV 1 750, payback 1 000/1 150;
    low ×0.5: 450, 450, 50, 50, 50 → 1 050, NPV 50, reached exactly at the end of year 4 → payback 4.
    Worth at share 1: 2 000 + 1 000 = 3 000 → break-even 1/3 in every scenario; expected share 2 100/3 000 = 0.7."""
    effects = [Effect(1000, 0.8, 2), Effect(200, 0.5, 5)]
    found = scenarios(1000, effects, horizon=5, rate=0.0)
    assert found["expected"].npv_per_citizen == pytest.approx(1100)
    assert found["expected"].payback_years == pytest.approx(1 + 100 / 900)
    assert found["expected"].share == pytest.approx(0.7)
    assert found["high"].npv_per_citizen == pytest.approx(1750)
    assert found["high"].payback_years == pytest.approx(1000 / 1150)
    assert found["low"].npv_per_citizen == pytest.approx(50)
    assert found["low"].payback_years == pytest.approx(4.0)
    assert {name: result.break_even_share for name, result in found.items()} == pytest.approx(
        {"low": 1 / 3, "expected": 1 / 3, "high": 1 / 3}
    )


def test_custom_factors_and_the_total_for_many_citizens():
    """Factor 0.2 on the first case: 80 a year for 5 years = 400, NPV −600 per citizen, −60 000 for 100."""
    found = scenarios(1000, [Effect(400, 1.0, 5)], horizon=5, rate=0.0, factors={"low": 0.2})
    assert found["low"].npv_per_citizen == pytest.approx(-600)
    assert found["low"].npv_for(100) == pytest.approx(-60000)
    assert found["expected"].factor == 1.0 and found["high"].factor == 1.5


def test_break_even_share_when_the_effects_are_worth_nothing():
    assert break_even_share(1000, [Effect(0, 0.5, 5)], 5, 0.04) is None
    assert break_even_share(1000, [], 5, 0.04) is None


def test_discount_factors_and_payback_edges():
    assert discount_factors(0.04, 3) == pytest.approx([1 / 1.04, 1 / 1.04**2, 1 / 1.04**3])
    assert payback(0, [10.0]) == 0.0
    assert payback(100, [50.0, 50.0]) == pytest.approx(2.0)
    assert payback(100, [0.0, 0.0]) is None


def test_four_percent_over_five_years():
    """The defaults: 10 000 a year for 40 % for 5 years at 4 % → 4 000 × 4.451822 = 17 807.29; cost 12 000
    → NPV 5 807.29. Cumulative: 3 846.15, 7 544.38, 11 100.37, 14 519.58 → payback 3 + 899.63/3 419.21 = 3.263."""
    result = evaluate(12000, [Effect(10000, 0.4, 5)])
    assert result.benefit_per_citizen == pytest.approx(17807.29, abs=0.01)
    assert result.npv_per_citizen == pytest.approx(5807.29, abs=0.01)
    assert result.payback_years == pytest.approx(3.2631, abs=1e-4)


@pytest.mark.parametrize(
    ("value", "places", "rounded"),
    [(2.5, 0, 3), (-2.5, 0, -3), (2.49, 0, 2), (1234.5, 0, 1235), (0.125, 2, 0.13), (3.26, 1, 3.3), (-0.4, 0, -0.0)],
)
def test_round_half_away(value, places, rounded):
    assert round_half_away(value, places) == rounded
