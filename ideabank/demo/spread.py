"""Demo spread for `seed_demo`: the demo methods taken into use across the country over the last two to three
years, with the dated status history and quarterly outcome reports that make the spread charts and the
outcome aggregates tell a story.

The story: a method is introduced somewhere, a few municipalities consider it, pilot it, and most go on to
implement it; the popular ones spread slowly at first and faster later (an S-curve), some municipalities
stop with a reason others can learn from. While in use, a municipality reports every quarter: it reaches
more citizens as it gets going, a rising share of those asked (about 55–80 %) say they felt helped, the
cost per citizen falls after the pilot, and the method's outcome indicators move in the desired direction.

Then a year of encounters ("Føler du dig hjulpet?") for every adoption in use, with the organisations
doing markedly differently, so the monthly charts and the comparison tell a story.

Deterministic (seeded per method) and idempotent: a demo method that already has adoptions is left alone.
Rows are written with bulk inserts — a few thousand in well under a second — so the rules in services.py
are not called one by one; the test suite checks every row against them instead.
"""

import datetime
import time
import uuid
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from ideabank.accounts.models import Organisation, User
from ideabank.methods.models import MethodPage
from ideabank.spread.models import Adoption, AdoptionStatus, Encounter, IndicatorValue, OutcomeReport, StatusChange

from . import SEED, rng_for
from .content import methods as method_content
from .content import read

# How many municipalities take up the methods: the first in the catalogue spread widely, the tail a little.
MOST, LEAST = 42, 3

# Why a municipality stopped, a note on a quarterly report, and what a citizen says they needed.
_texts = read("spread")
STOP_REASONS = _texts["stop_reasons"]
NOTES = _texts["notes"]
NEEDED = _texts["needed"]


def demo_methods():
    """The live demo methods, in the catalogue's order (their rank decides how widely they spread)."""
    order = {seed.slug: rank for rank, seed in enumerate(method_content.METHOD_SEEDS)}
    methods = MethodPage.objects.live().filter(slug__in=order).prefetch_related("indicators")
    return sorted(methods, key=lambda method: order[method.slug])


def quarter_after(day):
    """The first day of the calendar quarter after the one `day` falls in."""
    month = (day.month - 1) // 3 * 3 + 4
    return datetime.date(day.year + (month > 12), (month - 1) % 12 + 1, 1)


def quarters(first_day, last_day):
    """(start, end) of whole calendar quarters from the one after `first_day`, ending on or before `last_day`."""
    start = quarter_after(first_day)
    while True:
        following = quarter_after(start)
        end = following - datetime.timedelta(days=1)
        if end > last_day:
            return
        yield start, end
        start = following


def history(rng, started, today):
    """[(date, status, reason)]: considering → piloting → implemented, some stop; never after today."""
    steps = [(started, AdoptionStatus.CONSIDERING, "")]
    day = started + datetime.timedelta(days=rng.randint(45, 150))
    if day > today or rng.random() < 0.06:
        return steps
    steps.append((day, AdoptionStatus.PILOTING, ""))
    day += datetime.timedelta(days=rng.randint(180, 360))
    if day > today:
        return steps
    fate = rng.random()
    if fate < 0.12:
        return [*steps, (day, AdoptionStatus.STOPPED, rng.choice(STOP_REASONS))]
    if fate < 0.2:
        return steps  # still piloting after a long time
    steps.append((day, AdoptionStatus.IMPLEMENTED, ""))
    day += datetime.timedelta(days=rng.randint(300, 700))
    if day <= today and rng.random() < 0.07:
        steps.append((day, AdoptionStatus.STOPPED, rng.choice(STOP_REASONS)))
    return steps


def indicator_range(unit):
    """(low, high, ceiling) for a plausible baseline of an indicator measured in `unit`."""
    unit = unit.lower()
    if "procent" in unit or "andel" in unit or "%" in unit:
        return 15, 55, Decimal(100)
    if "skala" in unit or "point" in unit:
        return 3, 6, Decimal(10)
    return 4, 30, None


class Plan:
    """The rows for one method, built in memory and inserted in bulk."""

    def __init__(self):
        self.adoptions = []  # (Adoption, [(date, status, reason)], [reports])


def plan_method(rank, method, organisations, staff, today, seed):
    rng = rng_for(seed, "spread", method.slug)
    count = max(LEAST, round(MOST * (0.93**rank) * rng.uniform(0.7, 1.1)))
    chosen = rng.sample(organisations, min(count, len(organisations)))
    span = rng.randint(800, 1090)  # introduced two to three years ago
    introduced = today - datetime.timedelta(days=span)
    base_share = rng.uniform(0.55, 0.7)
    base_cost = rng.randint(6, 40) * 100
    indicators = list(method.indicators.all())
    plan = Plan()
    for number, organisation in enumerate(chosen):
        # The first adopter starts at the introduction; the rest later, bunched towards the middle and end.
        fraction = 0 if number == 0 else (rng.random() + rng.random() + rng.random()) / 3
        started = introduced + datetime.timedelta(days=round(fraction * (span - 60)))
        steps = history(rng, started, today)
        status, reason = steps[-1][1], steps[-1][2]
        people = staff.get(organisation.pk, [])
        contact = rng.choice(people) if people else None
        adoption = Adoption(
            method=method,
            organisation=organisation,
            status=status,
            started=started,
            stopped_reason=reason if status == AdoptionStatus.STOPPED else "",
            contact=contact,
        )
        reports = list(plan_reports(rng, steps, today, base_share, base_cost, indicators, contact))
        plan.adoptions.append((adoption, [(day, step, why, contact) for day, step, why in steps], reports))
    return plan


def plan_reports(rng, steps, today, base_share, base_cost, indicators, reporter):
    """Quarterly reports while the method is piloted or implemented."""
    piloting = next((day for day, status, _reason in steps if status == AdoptionStatus.PILOTING), None)
    if piloting is None:
        return
    stopped = next((day for day, status, _reason in steps if status == AdoptionStatus.STOPPED), None)
    last_day = min(today - datetime.timedelta(days=1), stopped or today)
    size = rng.randint(8, 45)
    share_noise = rng.uniform(-0.05, 0.05)
    baselines = {}
    for indicator in indicators:
        low, high, _ceiling = indicator_range(indicator.unit)
        baselines[indicator.pk] = Decimal(rng.randint(low * 10, high * 10)) / 10
    for quarter, (start, end) in enumerate(quarters(piloting, last_day)):
        reached = round(size * min(2.5, 1 + 0.18 * quarter) * rng.uniform(0.85, 1.15))
        asked = round(reached * rng.uniform(0.6, 0.9))
        share = min(0.85, max(0.4, base_share + share_noise + 0.012 * quarter + rng.uniform(-0.04, 0.04)))
        helped = min(asked, round(asked * share))
        cost = base_cost * max(0.7, 1.3 - 0.06 * quarter) * rng.uniform(0.9, 1.1)
        values = []
        for indicator in indicators:
            low, _high, ceiling = indicator_range(indicator.unit)
            baseline = baselines[indicator.pk]
            change = baseline * Decimal(str(min(0.5, 0.06 + 0.035 * quarter + rng.uniform(-0.02, 0.02))))
            current = baseline + change if indicator.direction == "up" else baseline - change
            if ceiling is not None:
                current = min(current, ceiling)
            values.append((indicator, baseline, max(Decimal(0), current).quantize(Decimal("0.1"))))
        yield {
            "period_start": start,
            "period_end": end,
            "citizens_reached": reached,
            "citizens_asked": asked,
            "citizens_helped": helped,
            "cost_per_citizen": Decimal(round(cost)).quantize(Decimal("0.01")),
            "note": rng.choice(NOTES) if rng.random() < 0.2 else "",
            "reported_by": reporter,
            "values": values,
        }


def insert(plans):
    """Bulk-insert the planned adoptions, their history, reports and indicator values; returns the counts."""
    entries = [entry for plan in plans for entry in plan.adoptions]
    adoptions = Adoption.objects.bulk_create([adoption for adoption, _steps, _reports in entries])
    changes, reports, values = [], [], []
    for adoption, (_planned, steps, planned_reports) in zip(adoptions, entries, strict=True):
        changes.extend(
            StatusChange(adoption=adoption, status=status, changed_on=day, reason=reason, changed_by=who)
            for day, status, reason, who in steps
        )
        for planned in planned_reports:
            fields = {key: value for key, value in planned.items() if key != "values"}
            reports.append((OutcomeReport(adoption=adoption, **fields), planned["values"]))
    StatusChange.objects.bulk_create(changes, batch_size=2000)
    made = OutcomeReport.objects.bulk_create([report for report, _values in reports], batch_size=2000)
    for report, (_planned, planned_values) in zip(made, reports, strict=True):
        values.extend(
            IndicatorValue(report=report, indicator=indicator, baseline=baseline, current=current)
            for indicator, baseline, current in planned_values
        )
    IndicatorValue.objects.bulk_create(values, batch_size=2000)
    return len(adoptions), len(changes), len(made), len(values)


def seed_adoptions(seed=SEED, stdout=None, today=None):
    """Adoptions of the demo methods that have none yet. Returns the number of adoptions created."""
    say = stdout or (lambda message: None)
    started = time.monotonic()
    today = today or timezone.localdate()
    methods = demo_methods()
    if not methods:
        say("  Der er ingen demo-metoder; spring udbredelsen over")
        return 0
    taken = set(Adoption.objects.filter(method__in=methods).values_list("method_id", flat=True))
    missing = [(rank, method) for rank, method in enumerate(methods) if method.pk not in taken]
    if not missing:
        say("  Demo-udbredelsen findes allerede")
        return 0
    organisations = list(
        Organisation.objects.filter(kind=Organisation.Kind.KOMMUNE, municipality__isnull=False).order_by("pk")
    )
    staff = {}
    for user in User.objects.filter(organisation__in=organisations, is_active=True).order_by("pk"):
        staff.setdefault(user.organisation_id, []).append(user)
    plans = [plan_method(rank, method, organisations, staff, today, seed) for rank, method in missing]
    with transaction.atomic():
        adoptions, changes, reports, values = insert(plans)
    say(
        f"  {adoptions} ibrugtagninger i {len(missing)} metoder, {changes} statusændringer, {reports} "
        f"kvartalsrapporter, {values} indikatorværdier ({time.monotonic() - started:.1f} s)"
    )
    return adoptions


# ---- a year of encounters -------------------------------------------------------------------------


def plan_encounters(rng, adoption, first_day, today, registrant):
    """Encounters from `first_day` to today: a monthly volume that grows as the team gets going, and an
    organisation-specific helped share (some do markedly better than others) that improves a little."""
    base = rng.uniform(0.38, 0.8)
    volume = rng.randint(6, 36)
    rows = []
    day = first_day
    months = 0
    while day <= today:
        next_month = (day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
        month_end = min(today, next_month - datetime.timedelta(days=1))
        count = max(0, round(volume * min(1.6, 0.7 + 0.08 * months) * rng.uniform(0.75, 1.25)))
        share = min(0.92, base + 0.01 * months)
        for _ in range(count):
            roll = rng.random()
            if roll < 0.07:
                answer = "declined"
            elif roll < 0.07 + 0.93 * share:
                answer = "helped"
            elif rng.random() < 0.55:
                answer = "partly"
            else:
                answer = "not_helped"
            citizen = rng.random() < 0.2
            needed = rng.choice(NEEDED) if answer in ("partly", "not_helped") and rng.random() < 0.3 else ""
            met_on = day + datetime.timedelta(days=rng.randint(0, (month_end - day).days))
            rows.append(
                Encounter(
                    adoption=adoption,
                    met_on=met_on,
                    answer=answer,
                    needed=needed,
                    source="citizen" if citizen else "staff",
                    registered_by=None if citizen else registrant,
                    uuid=uuid.UUID(int=rng.getrandbits(128), version=4),
                )
            )
        day = month_end + datetime.timedelta(days=1)
        months += 1
    return rows


def seed_encounters(seed=SEED, stdout=None, today=None):
    """A year of encounters for the demo adoptions in use that have none yet. Returns the number created."""
    say = stdout or (lambda message: None)
    started = time.monotonic()
    today = today or timezone.localdate()
    year_ago = today - datetime.timedelta(days=365)
    adoptions = (
        Adoption.objects.filter(method__in=demo_methods(), encounters__isnull=True)
        .prefetch_related("history")
        .order_by("pk")
    )
    rows, used = [], 0
    for adoption in adoptions:
        piloting = min(
            (step.changed_on for step in adoption.history.all() if step.status == AdoptionStatus.PILOTING),
            default=None,
        )
        if piloting is None:
            continue
        stopped = next(
            (step.changed_on for step in adoption.history.all() if step.status == AdoptionStatus.STOPPED), None
        )
        last_day = min(today, stopped) if stopped else today
        first_day = max(piloting, year_ago)
        if first_day > last_day:
            continue
        rng = rng_for(seed, "encounters", str(adoption.pk))
        rows.extend(plan_encounters(rng, adoption, first_day, last_day, adoption.contact))
        used += 1
    with transaction.atomic():
        Encounter.objects.bulk_create(rows, batch_size=5000)
    say(f"  {len(rows)} møder med svar i {used} ibrugtagninger ({time.monotonic() - started:.1f} s)")
    return len(rows)
