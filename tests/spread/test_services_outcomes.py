"""Outcome reports: every rule of the issue, each refusal naming its field and storing nothing."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError

from ideabank.spread import services
from ideabank.spread.models import IndicatorValue, OutcomeReport
from tests.factories import IdeaFactory

from .helpers import days_ago, make_method

pytestmark = pytest.mark.django_db


@pytest.fixture
def adoption(staff, method):
    return services.register(staff, method=method, status="piloting", started=days_ago(400))


def valid(**changes):
    arguments = {
        "period_start": days_ago(180),
        "period_end": days_ago(90),
        "citizens_reached": 40,
        "citizens_asked": 30,
        "citizens_helped": 21,
        "cost_per_citizen": Decimal("1250.50"),
        "note": "Et godt kvartal.",
    }
    arguments.update(changes)
    return arguments


def test_a_valid_report_is_stored_with_its_indicator_values(staff, adoption, indicators):
    up, down = indicators
    stored = services.report_outcome(
        staff,
        adoption,
        **valid(indicators={up.pk: {"baseline": 20, "current": 35.5}, str(down.pk): {"baseline": 12, "current": 4}}),
    )

    assert (stored.citizens_reached, stored.citizens_asked, stored.citizens_helped) == (40, 30, 21)
    assert stored.cost_per_citizen == Decimal("1250.50")
    assert stored.reported_by == staff
    values = {v.indicator_id: (v.baseline, v.current) for v in stored.indicator_values.all()}
    assert values == {up.pk: (Decimal("20.00"), Decimal("35.50")), down.pk: (Decimal("12.00"), Decimal("4.00"))}


def test_zero_citizens_and_no_optional_fields_are_fine(staff, adoption):
    stored = services.report_outcome(
        staff,
        adoption,
        **valid(citizens_reached=0, citizens_asked=0, citizens_helped=0, cost_per_citizen=None, note=""),
    )
    assert stored.pk


def test_equal_counts_are_allowed(staff, adoption):
    assert services.report_outcome(staff, adoption, **valid(citizens_reached=9, citizens_asked=9, citizens_helped=9))


BAD = [
    # helped ≤ asked ≤ reached
    ({"citizens_asked": 41}, "citizens_asked"),
    ({"citizens_helped": 31}, "citizens_helped"),
    ({"citizens_reached": 5, "citizens_asked": 6, "citizens_helped": 7}, "citizens_asked"),
    # negatives and non-numbers
    ({"citizens_reached": -1}, "citizens_reached"),
    ({"citizens_asked": -1}, "citizens_asked"),
    ({"citizens_helped": -1}, "citizens_helped"),
    ({"citizens_reached": None}, "citizens_reached"),
    ({"citizens_reached": "40"}, "citizens_reached"),
    ({"citizens_asked": 2.5}, "citizens_asked"),
    ({"citizens_helped": True}, "citizens_helped"),
    ({"citizens_reached": 10**9}, "citizens_reached"),
    ({"cost_per_citizen": Decimal("-0.01")}, "cost_per_citizen"),
    ({"cost_per_citizen": Decimal("100000000")}, "cost_per_citizen"),
    ({"cost_per_citizen": float("nan")}, "cost_per_citizen"),
    ({"cost_per_citizen": "gratis"}, "cost_per_citizen"),
    # the period
    ({"period_end": days_ago(180)}, "period_end"),
    ({"period_end": days_ago(181)}, "period_end"),
    ({"period_start": None}, "period_start"),
    ({"period_end": None}, "period_end"),
    ({"period_start": days_ago(10), "period_end": days_ago(-5)}, "period_end"),
    ({"period_start": days_ago(500), "period_end": days_ago(400)}, "period_end"),
    # the note
    ({"note": "Borgeren med cpr 010190-1234 flyttede"}, "note"),
    ({"note": "Ring til 0101901234"}, "note"),
    ({"note": "skjult\x00tegn"}, "note"),
    ({"note": "x" * 4001}, "note"),
]


@pytest.mark.parametrize(("changes", "field"), BAD)
def test_bad_reports_name_the_field_and_store_nothing(staff, adoption, changes, field):
    with pytest.raises(ValidationError) as error:
        services.report_outcome(staff, adoption, **valid(**changes))

    assert field in error.value.message_dict
    assert not OutcomeReport.objects.exists()


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (180, 90),  # the same period
        (150, 120),  # inside it
        (200, 170),  # over its start
        (100, 60),  # over its end
        (200, 60),  # around it
        (90, 60),  # sharing its last day
        (200, 180),  # sharing its first day
    ],
)
def test_periods_of_one_adoption_do_not_overlap(staff, adoption, start, end):
    services.report_outcome(staff, adoption, **valid())

    with pytest.raises(ValidationError) as error:
        services.report_outcome(staff, adoption, **valid(period_start=days_ago(start), period_end=days_ago(end)))

    assert set(error.value.message_dict) == {"period_start"}
    assert OutcomeReport.objects.count() == 1


def test_adjacent_periods_are_fine(staff, adoption):
    services.report_outcome(staff, adoption, **valid())
    services.report_outcome(staff, adoption, **valid(period_start=days_ago(89), period_end=days_ago(1)))
    services.report_outcome(staff, adoption, **valid(period_start=days_ago(270), period_end=days_ago(181)))
    assert OutcomeReport.objects.count() == 3


def test_other_organisations_periods_do_not_count_as_overlap(staff, outsider, adoption, method):
    theirs = services.register(outsider, method=method, status="piloting", started=days_ago(400))
    services.report_outcome(staff, adoption, **valid())
    services.report_outcome(outsider, theirs, **valid())
    assert OutcomeReport.objects.count() == 2


@pytest.mark.parametrize(
    "indicators",
    [
        {999999: {"baseline": 1, "current": 2}},
        {"abc": {"baseline": 1, "current": 2}},
        "not a dict",
    ],
)
def test_unknown_indicators_are_refused(staff, adoption, indicators):
    with pytest.raises(ValidationError) as error:
        services.report_outcome(staff, adoption, **valid(indicators=indicators))
    assert "indicators" in error.value.message_dict
    assert not OutcomeReport.objects.exists()
    assert not IndicatorValue.objects.exists()


def test_another_methods_indicator_is_unknown_here(staff, adoption):
    other = make_method("Anden metode", indicators=[("Trivsel", "point", "up")])
    foreign = other.indicators.get()

    with pytest.raises(ValidationError) as error:
        services.report_outcome(staff, adoption, **valid(indicators={foreign.pk: {"baseline": 1, "current": 2}}))

    assert "indicators" in error.value.message_dict


@pytest.mark.parametrize(
    "entry",
    [
        {"baseline": 1},
        {"current": 2},
        {"baseline": "mange", "current": 2},
        {"baseline": True, "current": 2},
        {"baseline": float("inf"), "current": 2},
        {"baseline": 1, "current": 10**12},
        "3",
    ],
)
def test_indicator_values_must_be_two_numbers(staff, adoption, indicators, entry):
    with pytest.raises(ValidationError) as error:
        services.report_outcome(staff, adoption, **valid(indicators={indicators[0].pk: entry}))
    assert "indicators" in error.value.message_dict
    assert not IndicatorValue.objects.exists()


def test_an_ideas_adoption_reports_counts_but_no_indicators(staff, indicators):
    idea_adoption = services.register(staff, idea=IdeaFactory(), status="piloting", started=days_ago(400))

    assert services.report_outcome(staff, idea_adoption, **valid())
    with pytest.raises(ValidationError) as error:
        services.report_outcome(
            staff,
            idea_adoption,
            **valid(period_start=days_ago(80), period_end=days_ago(2), indicators={indicators[0].pk: {"baseline": 1}}),
        )
    assert "indicators" in error.value.message_dict


def test_several_errors_are_reported_together(staff, adoption):
    with pytest.raises(ValidationError) as error:
        services.report_outcome(
            staff, adoption, **valid(citizens_reached=-1, period_end=days_ago(200), note="cpr 010190-1234")
        )
    assert {"citizens_reached", "period_end", "note"} <= set(error.value.message_dict)


def test_a_colleague_and_an_editor_may_report(colleague, editor, adoption):
    services.report_outcome(colleague, adoption, **valid())
    services.report_outcome(editor, adoption, **valid(period_start=days_ago(80), period_end=days_ago(2)))
    assert OutcomeReport.objects.count() == 2


@pytest.mark.parametrize("who", ["outsider", "anonymous"])
def test_others_may_not_report(request, adoption, who):
    user = AnonymousUser() if who == "anonymous" else request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        services.report_outcome(user, adoption, **valid())
    assert not OutcomeReport.objects.exists()
