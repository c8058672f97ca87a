"""Reading spread: where a method is used, since when, and how that changed. Shared by the method page,
the overview, the organisation page and the API, so they all count the same way."""

from collections import defaultdict

from django.contrib.auth.models import AnonymousUser
from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from ideabank.accounts.roles import is_editor
from ideabank.caching import under_version
from ideabank.ideas.models import Idea, TriedReport
from ideabank.methods.models import MethodPage
from ideabank.taxonomy.models import Municipality

from . import statistics, version
from .models import Adoption, AdoptionStatus, StatusChange

OVERVIEW_SECONDS = 3600
OVERVIEW_ROWS = 20
OVERVIEW_FIELDS = ("method", "registered", "in_use", "new", "growth")


def year_before(day):
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def with_relations(adoptions):
    return adoptions.select_related(
        "organisation__region", "organisation__municipality", "contact", "method", "idea"
    ).prefetch_related(Prefetch("history", queryset=StatusChange.objects.order_by("changed_on", "pk")))


def with_history(adoptions):
    """Adoptions for counting and timelines: the organisation and the status history, without the method
    page and the idea each would otherwise drag along (their bodies are most of a row's weight)."""
    return adoptions.select_related("organisation__region").prefetch_related(
        Prefetch("history", queryset=StatusChange.objects.order_by("changed_on", "pk"))
    )


def visible_adoptions(user):
    """Adoptions of live methods and of public ideas not yet methods; editors see those of drafts too."""
    adoptions = Adoption.objects.all()
    if is_editor(user):
        return adoptions
    live = MethodPage.objects.live().values("pk")
    visible = adoptions.filter(
        Q(method__in=live) | Q(method__isnull=True, idea__status__in=[Idea.Status.PUBLISHED, Idea.Status.ARCHIVED])
    )
    restricted = restricted_method_ids()
    return visible.exclude(method__in=restricted) if restricted else visible


def restricted_method_ids():
    """Method pages behind a view restriction (usually none): what `public()` leaves out, without asking
    for every restriction on each request; cached until the spread version moves on (a restriction or a
    method page changes)."""
    return under_version(
        version.VERSION_KEY,
        "spread:restricted-methods",
        lambda: list(MethodPage.objects.not_public().values_list("pk", flat=True)),
        OVERVIEW_SECONDS,
    )


def bare_adoption(user, adoption_id):
    """The adoption's own columns if `user` may see it, else None: what a registration needs, and every
    meeting registers one. Kept with the spread version it was read under (any change to an adoption, its
    method page or a restriction moves that on), so while nothing changed it costs one cache round trip
    instead of a query. An idea's adoption follows its idea's status, which the version does not follow:
    whether it is visible is asked of the database each time."""
    adoption, public = under_version(
        version.VERSION_KEY, f"spread:adoption:{adoption_id}", lambda: _adoption_entry(adoption_id), OVERVIEW_SECONDS
    )
    if adoption is None or public or is_editor(user):
        return adoption
    if public is None:
        return visible_adoptions(user).filter(pk=adoption_id).first()
    return None


def _adoption_entry(adoption_id):
    """(adoption or None, whether everyone may see it: None for an idea's adoption, see bare_adoption)."""
    adoption = Adoption.objects.filter(pk=adoption_id).first()
    if adoption is None or adoption.method_id is None:
        return adoption, None
    return adoption, visible_adoptions(AnonymousUser()).filter(pk=adoption_id).exists()


def method_adoptions(method):
    """The method's adoptions with their organisations, contacts and history; each carries `method` itself
    rather than its own copy of the page row."""
    adoptions = list(
        with_history(Adoption.objects.filter(method=method))
        .select_related("organisation__municipality", "contact")
        .order_by("organisation__name")
    )
    for adoption in adoptions:
        adoption.method = method
    return adoptions


def idea_adoptions(idea):
    return list(with_relations(Adoption.objects.filter(idea=idea, method__isnull=True)).order_by("organisation__name"))


def steps(adoptions):
    """[(date, adoption id, status)] in history order, from adoptions loaded with their history."""
    rows = [
        (change.changed_on, change.pk, adoption.pk, change.status)
        for adoption in adoptions
        for change in adoption.history.all()
    ]
    return [(day, adoption_id, status) for day, _pk, adoption_id, status in sorted(rows)]


def by_region(adoptions):
    """[{code, name, adoptions}] in region order; organisations without a region (national ones) last."""
    groups = defaultdict(list)
    regions = {}
    for adoption in adoptions:
        region = adoption.organisation.region
        key = region.code if region else None
        regions[key] = region
        groups[key].append(adoption)
    ordered = sorted(groups, key=lambda code: (code is None, code or 0))
    return [
        {
            "code": code,
            "name": regions[code].name if code else _("Landsdækkende og uden region"),
            "adoptions": groups[code],
            "counts": statistics.status_counts(groups[code]),
        }
        for code in ordered
    ]


def municipalities():
    """[(code, name, region code, region name)] for the tile map."""
    return list(Municipality.objects.values_list("code", "name", "region_id", "region__name"))


def municipality_statuses(adoptions):
    """{municipality code: status} for the tile map (municipalities' own organisations only)."""
    return {
        adoption.organisation.municipality_id: adoption.status
        for adoption in adoptions
        if adoption.organisation.municipality_id
    }


def method_spread(method, adoptions=None):
    """Everything the method page and the API show about where the method is used."""
    adoptions = method_adoptions(method) if adoptions is None else adoptions
    counts = statistics.status_counts(adoptions)
    return {
        "adoptions": adoptions,
        "total": len(adoptions),
        "counts": counts,
        "in_use": sum(counts[status] for status in statistics.IN_USE),
        "regions": by_region(adoptions),
        "timeline": statistics.timeline(steps(adoptions)),
        "municipalities": municipality_statuses(adoptions),
    }


def own_adoption(user, adoptions):
    """The viewer's organisation's adoption among these, if any."""
    if not (user.is_authenticated and user.organisation_id):
        return None
    return next((adoption for adoption in adoptions if adoption.organisation_id == user.organisation_id), None)


# ---- across methods ---------------------------------------------------------------------------


def live_methods():
    return MethodPage.objects.live().public().order_by("title")


def cached_overview():
    """What the overview page shows of overview() as of today, shared by every visitor until the spread
    figures change (version.py): the first rows of its tables, without their timelines."""
    today = timezone.localdate()
    key = f"spread:overview:{today.isoformat()}"
    return under_version(version.VERSION_KEY, key, lambda: shown_overview(overview(today)), OVERVIEW_SECONDS)


def shown_overview(data):
    def shown(rows):
        return [{name: row[name] for name in OVERVIEW_FIELDS} for row in rows[:OVERVIEW_ROWS]]

    return {
        **{name: data[name] for name in ("since", "today", "organisations", "municipalities")},
        "by_spread": shown(data["by_spread"]),
        "by_growth": shown(data["by_growth"]),
    }


def method_outcomes(method):
    """statistics.method_outcomes (every outcome report and indicator value of the method), exact, shared by
    every viewer until the spread figures change; suppression for the viewer comes after."""
    key = f"spread:outcomes:{method.pk}"
    return under_version(version.VERSION_KEY, key, lambda: statistics.method_outcomes(method), OVERVIEW_SECONDS)


def overview(today=None):
    """Every published method with its spread now and its growth over the last twelve months.

    Growth is counted two ways: organisations that registered in the period, and the change in how many
    use the method (piloting or implemented) — a method can gain users while others stop.
    """
    today = today or timezone.localdate()
    since = year_before(today)
    # Titles and addresses are all the overview shows of a method.
    methods = list(live_methods().only("pk", "title", "url_path", "path", "depth", "live"))
    # Plain rows, not model instances: every adoption and status change of every method is read, and a
    # model instance per row (with its own organisation) took about 90 MB per server process.
    in_methods = Adoption.objects.filter(method__in=[m.pk for m in methods])
    adoptions = list(in_methods.values_list("organisation_id", "organisation__municipality_id", "status"))
    history = defaultdict(list)
    changes = StatusChange.objects.filter(adoption__in=in_methods).values_list(
        "adoption__method_id", "changed_on", "pk", "adoption_id", "status"
    )
    for method_id, *change in changes.order_by():
        history[method_id].append(tuple(change))
    rows = []
    for method in methods:
        own = sorted(history.get(method.pk, []))
        points = statistics.timeline([(day, adoption_id, status) for day, _pk, adoption_id, status in own])
        now, before = statistics.at(points, today), statistics.at(points, since)
        rows.append(
            {
                "method": method,
                "registered": now["registered"],
                "in_use": now["in_use"],
                "counts": {status: now[status] for status in AdoptionStatus.values},
                "new": now["registered"] - before["registered"],
                "growth": now["in_use"] - before["in_use"],
                "timeline": points,
            }
        )
    in_use_by_municipality = defaultdict(int)
    for _organisation_id, municipality_id, status in adoptions:
        if status in statistics.IN_USE and municipality_id:
            in_use_by_municipality[municipality_id] += 1
    return {
        "since": since,
        "today": today,
        "rows": rows,
        "by_spread": sorted(
            (row for row in rows if row["registered"]),
            key=lambda row: (-row["in_use"], -row["registered"], row["method"].title),
        ),
        "by_growth": sorted(
            (row for row in rows if row["new"] > 0 or row["growth"] > 0),
            key=lambda row: (-row["new"], -row["growth"], row["method"].title),
        ),
        "organisations": len({organisation_id for organisation_id, _municipality, _status in adoptions}),
        "municipalities": dict(in_use_by_municipality),
    }


# ---- one organisation -------------------------------------------------------------------------


def organisation_profile(organisation, user):
    """What an organisation uses, what it came up with, and what it tried."""
    adoptions = list(
        with_relations(visible_adoptions(user).filter(organisation=organisation)).order_by(
            "method__title", "idea__title"
        )
    )
    public = [Idea.Status.PUBLISHED, Idea.Status.ARCHIVED]
    ideas = Idea.objects.filter(organisation=organisation, status__in=public).order_by("-published_at", "-pk")
    tried = (
        TriedReport.objects.filter(organisation=organisation, idea__status__in=public)
        .select_related("idea")
        .order_by("-tried_from", "-pk")
    )
    return {
        "adoptions": adoptions,
        "counts": statistics.status_counts(adoptions),
        "ideas": ideas,
        "tried_reports": tried,
    }


def adoption_reports(adoption):
    return adoption.outcomes.prefetch_related("indicator_values__indicator").order_by("-period_start", "-pk")
