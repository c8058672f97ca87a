"""Aggregates are exact on known data; the expected values are worked out by hand here."""

import math
from datetime import date
from decimal import Decimal

import pytest

from ideabank.spread import queries, statistics
from ideabank.spread.statistics import Share, wilson_interval
from tests.factories import OrganisationFactory, municipal_organisation

from .helpers import adoption, days_ago, make_method, report

Z = 1.959963984540054  # the 97.5th percentile of the standard normal distribution


def wilson_by_hand(k, n):
    """The Wilson score interval written out term by term, independent of the implementation."""
    p = k / n
    z2 = Z * Z
    centre = (p + z2 / (2 * n)) / (1 + z2 / n)
    half = (Z / (1 + z2 / n)) * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n))
    return centre - half, centre + half


# ---- the Wilson interval ------------------------------------------------------------------------


def test_wilson_eight_of_ten_matches_the_textbook_value():
    low, high = wilson_interval(8, 10)
    # p = 0.8, z² = 3.8415: centre = (0.8 + 0.19207)/1.38415 = 0.71674; half = 1.41601 · 0.16001 = 0.22658
    assert (round(low, 4), round(high, 4)) == (0.4902, 0.9433)


@pytest.mark.parametrize(("k", "n"), [(1, 2), (21, 30), (57, 80), (150, 200), (3, 1000)])
def test_wilson_agrees_with_the_formula(k, n):
    low, high = wilson_interval(k, n)
    expected_low, expected_high = wilson_by_hand(k, n)
    assert low == pytest.approx(expected_low, abs=1e-12)
    assert high == pytest.approx(expected_high, abs=1e-12)
    assert low < k / n < high


def test_wilson_at_the_edges_stays_inside_zero_and_one():
    low, high = wilson_interval(0, 10)
    assert low == 0.0
    assert high == pytest.approx(Z * Z / (10 + Z * Z))  # with p = 0 the upper bound is z²/(n + z²)
    low, high = wilson_interval(10, 10)
    assert high == 1.0
    assert low == pytest.approx(10 / (10 + Z * Z))
    assert wilson_interval(0, 0) is None


def test_share_value_percent_and_interval():
    share = Share(21, 30)
    assert share.value == pytest.approx(0.7)
    assert share.percent == 70
    assert share.percent_interval == tuple(round(100 * bound) for bound in wilson_by_hand(21, 30))
    assert Share(0, 0).value is None
    assert Share(0, 0).percent_interval is None


def test_weighted_cost_weighs_by_citizens_reached():
    # (100·10 + 400·30) / 40 = 13000 / 40 = 325
    assert statistics.weighted_cost([(Decimal(100), 10), (Decimal(400), 30), (None, 500)]) == Decimal("325.00")
    assert statistics.weighted_cost([(None, 5)]) is None
    assert statistics.weighted_cost([(Decimal(10), 0)]) is None


# ---- outcomes of one method -----------------------------------------------------------------------


@pytest.fixture
def known(db, method, indicators, aarhus, odense):
    """Aarhus: two quarters; Odense: one; Ballerup: adopted, no reports yet."""
    jobs, drugs = indicators
    a = adoption(method, aarhus, started=date(2024, 1, 1))
    o = adoption(method, odense, status="piloting", started=date(2024, 6, 1))
    adoption(method, municipal_organisation(151), status="considering", started=date(2025, 1, 1))
    report(a, date(2024, 1, 1), date(2024, 3, 31), 40, 30, 21, Decimal(1000), {jobs: (20, 30), drugs: (10, 8)})
    report(a, date(2024, 4, 1), date(2024, 6, 30), 60, 50, 40, Decimal(1500), {jobs: (22, 40)})
    report(o, date(2024, 7, 1), date(2024, 9, 30), 20, 20, 9, None, {jobs: (30, 31), drugs: (12, 6)})
    return {"aarhus": a, "odense": o, "jobs": jobs, "drugs": drugs}


def test_method_totals_and_share(known, method):
    outcomes = statistics.method_outcomes(method)

    assert outcomes["reports"] == 3
    assert outcomes["citizens_reached"] == 40 + 60 + 20
    assert outcomes["citizens_asked"] == 30 + 50 + 20
    assert outcomes["citizens_helped"] == 21 + 40 + 9
    share = outcomes["share"]
    assert (share.helped, share.asked) == (70, 100)
    low, high = share.interval
    # p = 0.7, n = 100: centre (0.7 + 0.019207)/1.038415 = 0.692601, half-width 0.088450
    expected = wilson_by_hand(70, 100)
    assert (low, high) == (pytest.approx(expected[0]), pytest.approx(expected[1]))
    assert (round(low, 4), round(high, 4)) == (0.6042, 0.7811)
    # Weighted by citizens reached, Odense's report has no cost: (1000·40 + 1500·60) / 100 = 1300
    assert outcomes["cost_per_citizen"] == Decimal("1300.00")


def test_indicator_change_uses_each_organisations_latest_measurement(known, method):
    rows = {row["indicator"].pk: row for row in statistics.method_outcomes(method)["indicators"]}

    jobs = rows[known["jobs"].pk]
    # Aarhus' latest: 22 → 40; Odense: 30 → 31. Means: 26 → 35.5, change +9.5
    assert (jobs["organisations"], jobs["baseline"], jobs["current"], jobs["change"]) == (
        2,
        Decimal("26.00"),
        Decimal("35.50"),
        Decimal("9.50"),
    )
    assert jobs["improved"] is True
    drugs = rows[known["drugs"].pk]
    # Aarhus measured it only in the first quarter: 10 → 8; Odense 12 → 6. Means 11 → 7, change −4 (down is good)
    assert (drugs["organisations"], drugs["baseline"], drugs["current"], drugs["change"]) == (
        2,
        Decimal("11.00"),
        Decimal("7.00"),
        Decimal("-4.00"),
    )
    assert drugs["improved"] is True


def test_an_indicator_nobody_measured_is_listed_without_figures(db, aarhus):
    method = make_method("Uden målinger", indicators=[("Trivsel", "point", "up")])
    adoption(method, aarhus)
    (row,) = statistics.method_outcomes(method)["indicators"]
    assert (row["organisations"], row["change"]) == (0, None)


def test_organisations_are_compared_row_by_row(known, method):
    rows = statistics.method_outcomes(method)["organisations"]

    assert [row["organisation"].name for row in rows] == ["Aarhus Kommune", "Odense Kommune"]
    aarhus, odense = rows
    assert (aarhus["reports"], aarhus["citizens_reached"]) == (2, 100)
    assert (aarhus["share"].helped, aarhus["share"].asked) == (61, 80)
    assert aarhus["share"].interval == pytest.approx(wilson_by_hand(61, 80))
    assert aarhus["cost_per_citizen"] == Decimal("1300.00")
    assert (odense["share"].helped, odense["share"].asked, odense["cost_per_citizen"]) == (9, 20, None)


def test_a_method_without_reports_has_empty_outcomes(method):
    outcomes = statistics.method_outcomes(method)
    assert (outcomes["reports"], outcomes["citizens_reached"], outcomes["share"].interval) == (0, 0, None)
    assert outcomes["organisations"] == []
    assert outcomes["cost_per_citizen"] is None


# ---- spread over time -------------------------------------------------------------------------


def test_the_timeline_counts_each_organisation_once_at_its_latest_status():
    steps = [
        (date(2024, 1, 10), 1, "considering"),
        (date(2024, 3, 1), 2, "piloting"),
        (date(2024, 3, 1), 1, "piloting"),
        (date(2024, 9, 1), 1, "implemented"),
        (date(2025, 2, 1), 2, "stopped"),
    ]
    points = statistics.timeline(steps)

    assert [(p["date"], p["registered"], p["in_use"]) for p in points] == [
        (date(2024, 1, 10), 1, 0),
        (date(2024, 3, 1), 2, 2),
        (date(2024, 9, 1), 2, 2),
        (date(2025, 2, 1), 2, 1),
    ]
    assert points[-1] | {"date": None} == {
        "date": None,
        "registered": 2,
        "in_use": 1,
        "considering": 0,
        "piloting": 0,
        "implemented": 1,
        "stopped": 1,
    }
    assert statistics.at(points, date(2024, 2, 1))["registered"] == 1
    assert statistics.at(points, date(2023, 1, 1))["registered"] == 0
    assert statistics.at(points, date(2030, 1, 1)) == points[-1]


def test_method_spread_groups_by_region_and_status(known, method):
    spread = queries.method_spread(method)

    assert spread["total"] == 3
    assert spread["counts"] == {"considering": 1, "piloting": 1, "implemented": 1, "stopped": 0}
    assert spread["in_use"] == 2
    assert [(r["name"], len(r["adoptions"])) for r in spread["regions"]] == [
        ("Region Midtjylland", 1),
        ("Region Syddanmark", 1),
        ("Region Hovedstaden", 1),
    ]
    assert spread["regions"][0]["counts"]["implemented"] == 1
    assert spread["municipalities"] == {751: "implemented", 461: "piloting", 151: "considering"}


def test_organisations_without_a_region_come_last(db, method, aarhus):
    ngo = OrganisationFactory(name="Foreningen Bro")
    adoption(method, ngo)
    adoption(method, aarhus)

    regions = queries.method_spread(method)["regions"]

    assert [r["name"] for r in regions] == ["Region Midtjylland", "Landsdækkende og uden region"]


def test_the_overview_ranks_by_spread_and_by_growth(db, aarhus, odense):
    old = make_method("Gammel og udbredt")
    new = make_method("Ny og voksende")
    make_method("Ingen bruger den")
    for code in (751, 461, 101):
        adoption(old, municipal_organisation(code), started=days_ago(800))
    # One of the old method's users stopped within the year.
    stopped = old.adoptions.get(organisation__municipality_id=101)
    stopped.status = "stopped"
    stopped.save()
    stopped.history.create(status="stopped", changed_on=days_ago(30), reason="Ingen midler")
    for code in (751, 461):
        adoption(new, municipal_organisation(code), status="piloting", started=days_ago(60))

    data = queries.overview()

    assert [row["method"].title for row in data["by_spread"]] == ["Gammel og udbredt", "Ny og voksende"]
    assert [(row["in_use"], row["registered"]) for row in data["by_spread"]] == [(2, 3), (2, 2)]
    assert [row["method"].title for row in data["by_growth"]] == ["Ny og voksende"]
    growth = data["by_growth"][0]
    assert (growth["new"], growth["growth"]) == (2, 2)
    old_row = next(row for row in data["rows"] if row["method"] == old)
    assert (old_row["new"], old_row["growth"]) == (0, -1)
    assert data["municipalities"] == {751: 2, 461: 2}
    assert data["organisations"] == 3
