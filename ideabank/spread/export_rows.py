"""The rows of the open-data files (exports.py): only what the site shows the public, generated in
primary-key chunks so that 100 000 ideas stream out without being held in memory together."""

from decimal import Decimal

from django.db.models import Count, Prefetch, Q, Sum
from django.db.models.functions import TruncMonth

from ideabank.ideas.models import Idea
from ideabank.methods.models import MethodPage

from . import suppression
from .economics import business_case
from .encounters import Tally
from .export_columns import BUSINESS_CASE_COLUMNS, ORGANISATION_COLUMNS
from .models import Adoption, AdoptionStatus, Encounter, EncounterAnswer, IndicatorValue, OutcomeReport, StatusChange
from .statistics import Share, weighted_cost

CHUNK = 1000  # rows per query


def _iso(value):
    return value.isoformat() if value is not None else None


def _decimal(value, places="0.0001"):
    return None if value is None else float(Decimal(value).quantize(Decimal(places)))


def _organisation(organisation):
    municipality = organisation.municipality_id
    return {
        "organisation": organisation.name,
        "organisation_kind": organisation.kind,
        "municipality_code": municipality,
        "region": organisation.region.name if organisation.region_id else None,
    }


def _chunks(queryset, size=None):
    """Every row of the queryset in primary-key order, fetched `size` at a time (prefetches run per chunk)."""
    size = size or CHUNK
    last = None
    while True:
        page = queryset.order_by("pk")
        if last is not None:
            page = page.filter(pk__gt=last)
        rows = list(page[:size])
        if not rows:
            return
        yield from rows
        last = rows[-1].pk
        if len(rows) < size:
            return


def _names(manager):
    return sorted(item.name for item in manager.all())


def _absolute(base, path):
    return f"{base.rstrip('/')}{path}" if path else None


# ---- rows ---------------------------------------------------------------------------------------


def public_ideas():
    return Idea.objects.filter(status__in=[Idea.Status.PUBLISHED, Idea.Status.ARCHIVED])


def idea_rows(base=""):
    ideas = (
        public_ideas()
        .select_related("organisation__region")
        .prefetch_related("target_groups", "themes", "tags")
        .only(
            *(
                "pk title problem solution context results status stage vote_count comment_count published_at "
                "updated organisation"
            ).split(),
            "organisation__name",
            "organisation__kind",
            "organisation__municipality",
            "organisation__region__name",
        )
    )
    for idea in _chunks(ideas):
        yield {
            "id": idea.pk,
            "url": _absolute(base, idea.get_absolute_url()),
            "title": idea.title,
            "problem": idea.problem,
            "solution": idea.solution,
            "context": idea.context,
            "results": idea.results,
            "status": idea.status,
            "stage": idea.stage,
            **_organisation(idea.organisation),
            "target_groups": _names(idea.target_groups),
            "themes": _names(idea.themes),
            "tags": _names(idea.tags),
            "votes": idea.vote_count,
            "comments": idea.comment_count,
            "published_at": _iso(idea.published_at),
            "updated_at": _iso(idea.updated),
        }


def public_methods():
    return MethodPage.objects.live().public()


def method_rows(base=""):
    counts = {}
    for method_id, status, n in (
        Adoption.objects.filter(method__in=public_methods()).values_list("method_id", "status").annotate(n=Count("pk"))
    ):
        counts.setdefault(method_id, {})[status] = n
    methods = public_methods().prefetch_related("target_groups", "themes", "tags")
    for method in _chunks(methods):
        by_status = counts.get(method.pk, {})
        yield {
            "id": method.pk,
            "url": _absolute(base, method.get_url()),
            "title": method.title,
            "summary": method.summary,
            "stage": method.stage,
            "target_groups": _names(method.target_groups),
            "themes": _names(method.themes),
            "tags": _names(method.tags),
            **{f"declaration_{key}": level for key, level in method.declaration_levels().items()},
            "adoptions": sum(by_status.values()),
            **{f"adoptions_{status}": by_status.get(status, 0) for status in AdoptionStatus.values},
            "first_published_at": _iso(method.first_published_at),
            "last_published_at": _iso(method.last_published_at),
        }


def public_adoptions():
    """Adoptions of live methods, and of public ideas not yet carried over to a method."""
    return Adoption.objects.filter(
        Q(method__in=public_methods())
        | Q(method__isnull=True, idea__status__in=[Idea.Status.PUBLISHED, Idea.Status.ARCHIVED])
    )


def adoption_rows(base=""):
    adoptions = (
        public_adoptions()
        .select_related("organisation__region", "method", "idea")
        .prefetch_related(
            Prefetch(
                "history",
                queryset=StatusChange.objects.order_by("changed_on", "pk").only("adoption", "status", "changed_on"),
            )
        )
    )
    for adoption in _chunks(adoptions):
        yield {
            "id": adoption.pk,
            "method_id": adoption.method_id,
            "method_title": adoption.method.title if adoption.method_id else None,
            "idea_id": adoption.idea_id,
            "idea_title": adoption.idea.title if adoption.idea_id else None,
            **_organisation(adoption.organisation),
            "status": adoption.status,
            "started": _iso(adoption.started),
            "stopped_reason": adoption.stopped_reason or None,
            "history": [{"date": _iso(step.changed_on), "status": step.status} for step in adoption.history.all()],
        }


def _share(helped, asked):
    share = suppression.share(Share(helped or 0, asked or 0))
    interval = share.interval if share is not None else None
    if share is None:
        return {"share_helped": None, "share_low": None, "share_high": None}
    return {
        "share_helped": None if share.value is None else round(share.value, 4),
        "share_low": None if interval is None else round(interval[0], 4),
        "share_high": None if interval is None else round(interval[1], 4),
    }


def _weighted_cost(method_id):
    pairs = OutcomeReport.objects.filter(adoption__method_id=method_id, cost_per_citizen__isnull=False).values_list(
        "cost_per_citizen", "citizens_reached"
    )
    return _decimal(weighted_cost(pairs), "0.01")


def outcome_rows(base=""):
    """Per method with reports: one `method` row with the sums, then a `period` row per report."""
    reports = OutcomeReport.objects.filter(adoption__method__in=public_methods())
    totals = (
        reports.values("adoption__method_id", "adoption__method__title")
        .annotate(
            n=Count("pk"), reached=Sum("citizens_reached"), asked=Sum("citizens_asked"), helped=Sum("citizens_helped")
        )
        .order_by("adoption__method_id")
    )
    empty_organisation = dict.fromkeys(column.name for column in ORGANISATION_COLUMNS)
    for total in totals:
        method_id = total["adoption__method_id"]
        yield {
            "level": "method",
            "method_id": method_id,
            "method_title": total["adoption__method__title"],
            **empty_organisation,
            "period_start": None,
            "period_end": None,
            "reports": total["n"],
            "citizens_reached": suppression.count(total["reached"]),
            "citizens_asked": suppression.count(total["asked"]),
            "citizens_helped": suppression.count(total["helped"]),
            **_share(total["helped"], total["asked"]),
            "cost_per_citizen": _weighted_cost(method_id),
            "indicators": None,
        }
        periods = (
            reports.filter(adoption__method_id=method_id)
            .select_related("adoption__organisation__region")
            .prefetch_related(
                Prefetch(
                    "indicator_values",
                    queryset=IndicatorValue.objects.select_related("indicator").order_by("indicator__sort_order", "pk"),
                )
            )
            .only(
                "pk",
                "adoption__organisation__name",
                "adoption__organisation__kind",
                "adoption__organisation__municipality",
                "adoption__organisation__region__name",
                "period_start",
                "period_end",
                "citizens_reached",
                "citizens_asked",
                "citizens_helped",
                "cost_per_citizen",
            )
        )
        for report in _chunks(periods):
            yield {
                "level": "period",
                "method_id": method_id,
                "method_title": total["adoption__method__title"],
                **_organisation(report.adoption.organisation),
                "period_start": _iso(report.period_start),
                "period_end": _iso(report.period_end),
                "reports": 1,
                "citizens_reached": suppression.count(report.citizens_reached),
                "citizens_asked": suppression.count(report.citizens_asked),
                "citizens_helped": suppression.count(report.citizens_helped),
                **_share(report.citizens_helped, report.citizens_asked),
                "cost_per_citizen": _decimal(report.cost_per_citizen, "0.01"),
                "indicators": [
                    {
                        "indicator": value.indicator.name,
                        "unit": value.indicator.unit,
                        "direction": value.indicator.direction,
                        "baseline": _decimal(value.baseline, "0.01"),
                        "current": _decimal(value.current, "0.01"),
                    }
                    for value in report.indicator_values.all()
                ],
            }


def encounter_rows(base=""):
    """Per live method, organisation and month: the answers counted, suppressed below five, never the text."""
    counts = (
        Encounter.objects.filter(adoption__method__in=public_methods())
        .annotate(month=TruncMonth("met_on"))
        .values_list("adoption_id", "month", "answer")
        .annotate(n=Count("pk"))
        .order_by()
    )
    grouped = {}
    for adoption_id, month, answer, n in counts:
        grouped.setdefault((adoption_id, month), {})[answer] = n
    adoptions = {
        adoption.pk: adoption
        for adoption in Adoption.objects.filter(pk__in={key[0] for key in grouped}).select_related(
            "method", "organisation__region"
        )
    }
    ordered = sorted(
        grouped,
        key=lambda key: (adoptions[key[0]].method_id, adoptions[key[0]].organisation.name, key[0], key[1]),
    )
    for adoption_id, month in ordered:
        adoption = adoptions[adoption_id]
        counted = Tally.of(grouped[(adoption_id, month)]).out(exact=False)
        yield {
            "method_id": adoption.method_id,
            "method_title": adoption.method.title,
            **_organisation(adoption.organisation),
            "month": str(month)[:7],
            **{answer: counted[answer] for answer in ("asked", *EncounterAnswer.values)},
            "share_helped": counted["share_helped"],
            "share_low": counted["ci_low"],
            "share_high": counted["ci_high"],
        }


def _source(effect):
    if effect.source_research_id:
        item = effect.source_research
        return item.link or f"{item.title} ({item.year})"
    return effect.source_link or None


def business_case_rows(base=""):
    """One row per published method with a business case: the assumptions and the three scenarios."""
    methods = public_methods().filter(effects__isnull=False).distinct()
    for method in _chunks(methods):
        case = business_case(method)
        results = case.results or {}
        expected = results.get("expected")
        row = {
            "method_id": method.pk,
            "method_title": method.title,
            "url": _absolute(base, method.get_url()),
            "cost_per_citizen": _decimal(case.cost, "0.01"),
            "cost_from": case.cost_from,
            "cost_source": case.cost_source or None,
            "horizon_years": case.horizon,
            "discount_rate": _decimal(case.rate),
            **{f"factor_{name}": _decimal(value, "0.01") for name, value in case.factors.items()},
            "effects": [
                {
                    "label": line.effect.label,
                    "value_per_year": _decimal(line.effect.value_per_year, "0.01"),
                    "share": _decimal(line.share),
                    "share_from": line.share_from,
                    "years": line.effect.years,
                    "source": _source(line.effect),
                }
                for line in case.effects
            ],
            "unsourced_effects": sum(1 for line in case.effects if not line.effect.has_source),
            "benefit_per_citizen_expected": _decimal(expected.benefit_per_citizen, "0.01") if expected else None,
            "break_even_share": _decimal(expected.break_even_share) if expected else None,
        }
        for name in ("low", "expected", "high"):
            result = results.get(name)
            row[f"npv_per_citizen_{name}"] = _decimal(result.npv_per_citizen, "0.01") if result else None
            row[f"payback_years_{name}"] = _decimal(result.payback_years, "0.01") if result else None
        yield {column.name: row[column.name] for column in BUSINESS_CASE_COLUMNS}
