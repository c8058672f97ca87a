"""The demo spread: many municipalities, two to three years of history, quarterly reports that obey every
rule a real report must, and running it again changes nothing."""

import datetime
from collections import defaultdict

import pytest
from django.db.models import Count, F, Min
from django.utils import timezone

from ideabank.accounts.models import Organisation
from ideabank.demo import spread as demo
from ideabank.demo.methods import seed_methods
from ideabank.demo.people import seed_accounts
from ideabank.methods.models import MethodPage
from ideabank.spread.models import Adoption, AdoptionStatus, IndicatorValue, OutcomeReport, StatusChange
from ideabank.validators import USER_TEXT_VALIDATORS

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(db):
    seed_accounts()
    seed_methods()
    demo.seed_adoptions()


def counts():
    return tuple(model.objects.count() for model in (Adoption, StatusChange, OutcomeReport, IndicatorValue))


def test_running_it_again_changes_nothing_and_a_method_without_adoptions_is_filled_in(seeded):
    before = counts()
    assert demo.seed_adoptions() == 0
    assert counts() == before
    method = MethodPage.objects.live().filter(adoptions__isnull=False).order_by("-pk").first()
    lost = Adoption.objects.filter(method=method).count()
    Adoption.objects.filter(method=method).delete()
    assert demo.seed_adoptions() == lost
    assert counts() == before


def test_the_plan_is_deterministic(seeded):
    today = timezone.localdate()
    methods = demo.demo_methods()
    organisations = list(Organisation.objects.filter(kind="kommune").order_by("pk"))

    def plan():
        made = demo.plan_method(0, methods[0], organisations, {}, today, demo.SEED)
        return [
            (a.organisation_id, a.status, a.started, len(steps), len(reports)) for a, steps, reports in made.adoptions
        ]

    assert plan() == plan()


def test_spread_across_many_municipalities_with_two_to_three_years_of_history(seeded):
    today = timezone.localdate()
    methods = MethodPage.objects.live()
    assert Adoption.objects.filter(method__in=methods).values("method").distinct().count() == methods.count()
    assert Adoption.objects.values("organisation__municipality").distinct().count() >= 60
    assert Adoption.objects.values("organisation__region").distinct().count() == 5
    first = Adoption.objects.aggregate(first=Min("started"))["first"]
    assert today - datetime.timedelta(days=3 * 366) <= first <= today - datetime.timedelta(days=2 * 365)
    # Every status appears, and the widest-spread method is used by many more than the narrowest.
    assert set(Adoption.objects.values_list("status", flat=True)) == set(AdoptionStatus.values)
    per_method = sorted(Adoption.objects.values("method").annotate(n=Count("pk")).values_list("n", flat=True))
    assert per_method[-1] >= 25 and per_method[0] <= 8
    stopped = Adoption.objects.filter(status=AdoptionStatus.STOPPED)
    assert stopped.exists() and not stopped.filter(stopped_reason="").exists()


def test_every_history_starts_at_the_start_is_in_order_and_ends_at_the_status(seeded):
    today = timezone.localdate()
    steps = defaultdict(list)
    for adoption_id, status, day, reason in StatusChange.objects.order_by("changed_on", "pk").values_list(
        "adoption", "status", "changed_on", "reason"
    ):
        steps[adoption_id].append((day, status, reason))
    adoptions = list(Adoption.objects.all())
    assert len(steps) == len(adoptions)
    moved = 0
    for adoption in adoptions:
        history = steps[adoption.pk]
        assert history[0][0] == adoption.started
        assert history[-1][1] == adoption.status
        assert all(day <= today for day, _status, _reason in history)
        assert [day for day, *_rest in history] == sorted(day for day, *_rest in history)
        assert all(reason for _day, status, reason in history if status == AdoptionStatus.STOPPED)
        moved += len(history) >= 3
    assert moved >= len(adoptions) // 2  # most went considering → piloting → implemented (or stopped)


def test_every_report_satisfies_the_validation_rules(seeded):
    today = timezone.localdate()
    reports = OutcomeReport.objects.select_related("adoption").order_by("adoption", "period_start")
    assert reports.count() >= 1000
    previous = {}
    for report in reports:
        assert 0 <= report.citizens_helped <= report.citizens_asked <= report.citizens_reached
        assert report.period_start < report.period_end <= today
        assert report.period_end > report.adoption.started
        assert report.cost_per_citizen is None or report.cost_per_citizen >= 0
        if report.adoption_id in previous:
            assert report.period_start > previous[report.adoption_id], "periods overlap"
        previous[report.adoption_id] = report.period_end
        for validator in USER_TEXT_VALIDATORS:
            validator(report.note)
        # Reports only while the method is in use: never before piloting, never after stopping.
        history = list(report.adoption.history.all())
        piloting = next(step.changed_on for step in history if step.status == AdoptionStatus.PILOTING)
        assert report.period_start >= piloting
        stop = next((step.changed_on for step in history if step.status == AdoptionStatus.STOPPED), None)
        assert stop is None or report.period_end <= stop
    assert not IndicatorValue.objects.exclude(indicator__page=F("report__adoption__method")).exists()
    assert not OutcomeReport.objects.filter(adoption__status=AdoptionStatus.CONSIDERING).exists()


def test_the_numbers_tell_a_story(seeded):
    from ideabank.spread.statistics import method_outcomes

    totals = OutcomeReport.objects.values_list("citizens_asked", "citizens_helped")
    asked = sum(row[0] for row in totals)
    helped = sum(row[1] for row in totals)
    assert 0.55 <= helped / asked <= 0.8
    method = MethodPage.objects.live().annotate(n=Count("adoptions")).order_by("-n").first()
    outcomes = method_outcomes(method)
    assert outcomes["citizens_reached"] > 1000
    assert len(outcomes["organisations"]) >= 10
    assert all(row["improved"] for row in outcomes["indicators"] if row["organisations"])
    # Uptake: reports reach more citizens as a municipality gets going.
    adoption = Adoption.objects.annotate(n=Count("outcomes")).filter(n__gte=6).first()
    reached = list(adoption.outcomes.order_by("period_start").values_list("citizens_reached", flat=True))
    assert sum(reached[-3:]) > sum(reached[:3])


def test_seeding_reports_what_it_made(db):
    seed_accounts()
    seed_methods()
    said = []
    made = demo.seed_adoptions(stdout=said.append)
    assert made == Adoption.objects.count() > 300
    assert said and "ibrugtagninger" in said[0]


def test_a_year_of_encounters_obeys_the_rules_and_differs_between_organisations(seeded):
    from ideabank.spread import encounters
    from ideabank.spread.models import Encounter

    made = demo.seed_encounters()
    today = timezone.localdate()

    assert made == Encounter.objects.count() > 5000
    assert demo.seed_encounters() == 0  # idempotent
    assert not Encounter.objects.filter(met_on__gt=today).exists()
    assert not Encounter.objects.filter(met_on__lt=today - datetime.timedelta(days=365)).exists()
    assert not Encounter.objects.filter(met_on__lt=F("adoption__started")).exists()
    for encounter in Encounter.objects.exclude(needed="")[:200]:
        encounters.check(encounter.adoption, answer=encounter.answer, met_on=encounter.met_on, needed=encounter.needed)
    shares = [
        tally.share.value for tally in encounters.per_adoption(Encounter.objects.all()).values() if tally.asked >= 50
    ]
    assert max(shares) - min(shares) > 0.2  # the organisations tell different stories
    assert Encounter.objects.filter(source="citizen").exists() and Encounter.objects.filter(source="staff").exists()
