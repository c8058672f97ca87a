"""Aggregates of spread and outcomes: exact arithmetic over the stored counts, nothing sampled.

The share of citizens who felt helped comes with a 95% Wilson score interval, which stays inside 0–1 and
behaves for the small numbers a single municipality reports. Cost per citizen is averaged weighted by the
citizens each report reached, so a large period counts for what it is.
"""

import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from decimal import Decimal
from itertools import groupby

from django.db.models import Count, Sum

from .models import Adoption, AdoptionStatus, IndicatorValue, OutcomeReport

Z_95 = 1.959963984540054
IN_USE = (AdoptionStatus.PILOTING, AdoptionStatus.IMPLEMENTED)
STATUSES = tuple(AdoptionStatus.values)


@dataclass(frozen=True)
class Share:
    helped: int
    asked: int

    @property
    def value(self):
        return self.helped / self.asked if self.asked else None

    @property
    def interval(self):
        return wilson_interval(self.helped, self.asked)

    @property
    def percent(self):
        return None if self.value is None else round(100 * self.value)

    @property
    def percent_interval(self):
        interval = self.interval
        return None if interval is None else (round(100 * interval[0]), round(100 * interval[1]))


def wilson_interval(successes, trials, z=Z_95):
    """(low, high) of the Wilson score interval, or None without trials."""
    if trials <= 0:
        return None
    p = successes / trials
    denominator = 1 + z * z / trials
    centre = (p + z * z / (2 * trials)) / denominator
    margin = z * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials)) / denominator
    # At p = 0 and p = 1 the bound is exactly 0 or 1; floating point would land a hair inside.
    low = 0.0 if successes == 0 else max(0.0, centre - margin)
    high = 1.0 if successes == trials else min(1.0, centre + margin)
    return low, high


def status_counts(adoptions):
    counts = Counter(adoption.status for adoption in adoptions)
    return {status: counts.get(status, 0) for status in AdoptionStatus.values}


def weighted_cost(pairs):
    """Mean cost per citizen over (cost, citizens reached) pairs, weighted by citizens; None without any."""
    pairs = [(cost, reached) for cost, reached in pairs if cost is not None]
    citizens = sum(reached for _cost, reached in pairs)
    if not citizens:
        return None
    return round(sum((cost * reached for cost, reached in pairs), Decimal(0)) / citizens, 2)


# ---- spread over time -------------------------------------------------------------------------


def timeline(steps):
    """The adoption curve from dated status steps [(date, adoption id, status)], in history order.

    One point per date on which anything changed: how many organisations had registered by then
    (cumulative) and how many stood at each status that day.
    """
    current = {}
    points = []
    for day, group in groupby(sorted(steps, key=lambda step: step[0]), key=lambda step: step[0]):
        for _day, adoption_id, status in group:
            current[adoption_id] = status
        counts = Counter(current.values())
        by_status = {status: counts.get(status, 0) for status in STATUSES}
        points.append(
            {
                "date": day,
                "registered": len(current),
                "in_use": sum(by_status[status] for status in IN_USE),
                **by_status,
            }
        )
    return points


def at(points, day):
    """The timeline's point in force on `day` (all zero before the first one)."""
    found = None
    for point in points:
        if point["date"] > day:
            break
        found = point
    if found is None:
        return {"registered": 0, "in_use": 0, **dict.fromkeys(AdoptionStatus.values, 0)}
    return found


# ---- outcomes ---------------------------------------------------------------------------------


def method_outcomes(method):
    """Totals, the helped share with its interval, indicator change and a row per organisation."""
    reports = OutcomeReport.objects.filter(adoption__method=method)
    totals = reports.aggregate(
        reached=Sum("citizens_reached"), asked=Sum("citizens_asked"), helped=Sum("citizens_helped"), n=Count("pk")
    )
    share = Share(totals["helped"] or 0, totals["asked"] or 0)
    organisations = organisation_rows(method)
    return {
        "reports": totals["n"],
        "citizens_reached": totals["reached"] or 0,
        "citizens_asked": totals["asked"] or 0,
        "citizens_helped": totals["helped"] or 0,
        "share": share,
        "cost_per_citizen": weighted_cost(reports.values_list("cost_per_citizen", "citizens_reached")),
        "indicators": indicator_changes(method),
        "organisations": organisations,
    }


def indicator_changes(method):
    """Per indicator: mean baseline and mean current over each organisation's latest report that measured it."""
    latest = {}
    values = (
        IndicatorValue.objects.filter(report__adoption__method=method)
        .select_related("report")
        .order_by("indicator_id", "report__adoption_id", "report__period_end")
    )
    for value in values:
        latest[(value.indicator_id, value.report.adoption_id)] = value  # later periods overwrite earlier ones
    grouped = defaultdict(list)
    for (indicator_id, _adoption), value in latest.items():
        grouped[indicator_id].append(value)
    rows = []
    for indicator in method.indicators.all():
        measured = grouped.get(indicator.pk, [])
        if not measured:
            rows.append({"indicator": indicator, "organisations": 0, "baseline": None, "current": None, "change": None})
            continue
        baseline = sum((v.baseline for v in measured), Decimal(0)) / len(measured)
        current = sum((v.current for v in measured), Decimal(0)) / len(measured)
        change = current - baseline
        rows.append(
            {
                "indicator": indicator,
                "organisations": len(measured),
                "baseline": round(baseline, 2),
                "current": round(current, 2),
                "change": round(change, 2),
                "improved": change > 0 if indicator.direction == "up" else change < 0,
            }
        )
    return rows


def organisation_rows(method):
    """One row per adopting organisation with reports: reached, helped share (interval) and cost, so
    municipalities can compare themselves with each other."""
    adoptions = (
        Adoption.objects.filter(method=method, outcomes__isnull=False)
        .distinct()
        .select_related("organisation__region")
        .order_by("organisation__name")
    )
    sums = {
        row["adoption_id"]: row
        for row in OutcomeReport.objects.filter(adoption__method=method)
        .values("adoption_id")
        .annotate(
            reached=Sum("citizens_reached"), asked=Sum("citizens_asked"), helped=Sum("citizens_helped"), n=Count("pk")
        )
    }
    costs = defaultdict(list)
    for adoption_id, cost, reached in OutcomeReport.objects.filter(adoption__method=method).values_list(
        "adoption_id", "cost_per_citizen", "citizens_reached"
    ):
        costs[adoption_id].append((cost, reached))
    rows = []
    for adoption in adoptions:
        row = sums[adoption.pk]
        rows.append(
            {
                "adoption": adoption,
                "organisation": adoption.organisation,
                "status": adoption.status,
                "reports": row["n"],
                "citizens_reached": row["reached"],
                "share": Share(row["helped"], row["asked"]),
                "cost_per_citizen": weighted_cost(costs[adoption.pk]),
            }
        )
    return rows
