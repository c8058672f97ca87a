"""Building methods and adoptions for the spread tests (plain functions, so API and browser tests share them)."""

import datetime

from ideabank.methods.models import BusinessEffect, MethodIndexPage, MethodPage, OutcomeIndicator
from ideabank.spread.models import Adoption, IndicatorValue, OutcomeReport, StatusChange

# Two outcome indicators: one that should rise, one that should fall.
INDICATORS = [
    ("Unge i uddannelse eller job", "procent", "up"),
    ("Dage med misbrug pr. måned", "dage", "down"),
]


def make_method(title="Fast kontaktperson efter anbringelse", indicators=(), live=True, effects=()):
    """A method page under the method index; published (live, with a revision) unless live=False.
    `effects` are dicts of BusinessEffect fields (the business case)."""
    index = MethodIndexPage.objects.first()
    method = MethodPage(title=title, summary="Hver ung får en fast voksen i to år.", live=False)
    index.add_child(instance=method)
    for order, (name, unit, direction) in enumerate(indicators):
        OutcomeIndicator.objects.create(page=method, name=name, unit=unit, direction=direction, sort_order=order)
    for order, effect in enumerate(effects):
        BusinessEffect.objects.create(page=method, sort_order=order, **effect)
    if live:
        method.save_revision().publish()
        method.refresh_from_db()
    return method


def days_ago(days):
    from django.utils import timezone

    return timezone.localdate() - datetime.timedelta(days=days)


def adoption(method, organisation, status="implemented", started=None, history=(), contact=None):
    """An adoption straight in the database (no rules): `history` is [(date, status)] after the start."""
    started = started or days_ago(400)
    made = Adoption.objects.create(
        method=method, organisation=organisation, status=status, started=started, contact=contact
    )
    first = history[0][1] if history else status
    StatusChange.objects.create(adoption=made, status=first if history else status, changed_on=started)
    for day, step in history[1:]:
        StatusChange.objects.create(adoption=made, status=step, changed_on=day)
    return made


def report(adoption, start, end, reached, asked, helped, cost=None, values=None):
    made = OutcomeReport.objects.create(
        adoption=adoption,
        period_start=start,
        period_end=end,
        citizens_reached=reached,
        citizens_asked=asked,
        citizens_helped=helped,
        cost_per_citizen=cost,
    )
    for indicator, (baseline, current) in (values or {}).items():
        IndicatorValue.objects.create(report=made, indicator=indicator, baseline=baseline, current=current)
    return made
