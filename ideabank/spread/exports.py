"""Open data: what Idébanken publishes as CSV and JSON at /api/v1/export/<name>.<csv|json>.

The columns are a promise to everyone who builds on the data: each export's list below is what the files
hold, in that order, and what /aabne-data/ documents. Add columns at the end; never rename or drop one.

Nothing personal leaves through here. Ideas carry their organisation, never their author; adoptions their
organisation, never the contact person; outcomes are the counts an organisation reported for a period
(and their sums per method), never a citizen, never the free-text note, never who reported them; encounters
are monthly counts per organisation, never the "Hvad skal der til?" text. Citizen counts below five, and
shares of fewer than five answers, are left empty (ideabank/spread/suppression.py). Only
what the site itself shows the public is exported: public ideas, live methods, adoptions of those.

Rows are generated in primary-key chunks with their relations prefetched per chunk, so 100 000 ideas
stream out without being held in memory together.
"""

import csv
import json
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Prefetch, Q, Sum
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext_lazy as _

from ideabank.ideas.models import Idea
from ideabank.methods.elements import Dimension
from ideabank.methods.models import MethodPage

from . import suppression
from .economics import business_case
from .encounters import Tally
from .models import Adoption, AdoptionStatus, Encounter, EncounterAnswer, IndicatorValue, OutcomeReport, StatusChange
from .statistics import Share, weighted_cost

CHUNK = 1000
LIST_SEPARATOR = "; "


@dataclass(frozen=True)
class Column:
    """One column: its stable name, its type in the JSON, and what it means (Danish msgid)."""

    name: str
    kind: str  # integer, decimal, text, date, datetime, list (of text), json (structured)
    description: str
    params: tuple = ()  # (name, lazy label) pairs put into the description when it is shown

    @property
    def text(self):
        return (
            str(self.description) % {key: str(label) for key, label in self.params}
            if self.params
            else str(self.description)
        )

    def csv_value(self, value):
        """The value as the CSV cell: lists joined with "; ", structured values as compact JSON, and text
        that a spreadsheet would run as a formula neutralised. Numbers are ours and stay numbers."""
        if value is None:
            return ""
        if self.kind in NUMERIC_KINDS:
            return str(value)
        if self.kind == "list":
            return neutralise_formula(LIST_SEPARATOR.join(value))
        if self.kind == "json":
            return neutralise_formula(json.dumps(value, ensure_ascii=False, separators=(",", ":")))
        return neutralise_formula(str(value))

    @property
    def kind_label(self):
        return KIND_LABELS[self.kind]


NUMERIC_KINDS = {"integer", "decimal"}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(cell):
    """OWASP's rule against CSV injection: a cell that starts like a formula gets a leading apostrophe, so
    a spreadsheet shows `=HYPERLINK(…)` from a staff-written title as text instead of running it."""
    return f"'{cell}" if cell.startswith(FORMULA_STARTS) else cell


KIND_LABELS = {
    "integer": _("heltal"),
    "decimal": _("decimaltal"),
    "text": _("tekst"),
    "date": _("dato (ÅÅÅÅ-MM-DD)"),
    "datetime": _("tidspunkt (ISO 8601, UTC)"),
    "list": _("liste (i CSV adskilt af semikolon)"),
    "json": _("struktureret (i CSV som JSON)"),
}

ORGANISATION_COLUMNS = [
    Column("organisation", "text", _("Organisationens navn.")),
    Column(
        "organisation_kind", "text", _("Organisationstype: kommune, region, stat, civilsamfund, privat, forskning.")
    ),
    Column(
        "municipality_code",
        "integer",
        _("Kommunekode (fx 751 for Aarhus), tom hvis organisationen ikke er en kommune."),
    ),
    Column("region", "text", _("Regionens navn, tom hvis ukendt.")),
]

IDEA_COLUMNS = [
    Column("id", "integer", _("Idéens nummer; stabilt, også i adressen.")),
    Column("url", "text", _("Idéens adresse på Idébanken.")),
    Column("title", "text", _("Titel.")),
    Column("problem", "text", _("Problemet, idéen løser.")),
    Column("solution", "text", _("Løsningen.")),
    Column("context", "text", _("Hvor og for hvem idéen er afprøvet.")),
    Column("results", "text", _("Hvad der kom ud af den for borgerne.")),
    Column("status", "text", _("published (offentliggjort) eller archived (arkiveret).")),
    Column("stage", "text", _("Trin: idea, tried, method eller evidence.")),
    *ORGANISATION_COLUMNS,
    Column("target_groups", "list", _("Målgrupper.")),
    Column("themes", "list", _("Indsatsområder.")),
    Column("tags", "list", _("Emneord.")),
    Column("votes", "integer", _("Antal stemmer.")),
    Column("comments", "integer", _("Antal synlige kommentarer.")),
    Column("published_at", "datetime", _("Hvornår idéen blev offentliggjort.")),
    Column("updated_at", "datetime", _("Seneste ændring.")),
]

METHOD_COLUMNS = [
    Column("id", "integer", _("Metodens nummer; stabilt.")),
    Column("url", "text", _("Metodens adresse på Idébanken.")),
    Column("title", "text", _("Titel.")),
    Column("summary", "text", _("Resumé.")),
    Column("stage", "text", _("Trin: method (metode) eller evidence (evidensbaseret).")),
    Column("target_groups", "list", _("Målgrupper.")),
    Column("themes", "list", _("Indsatsområder.")),
    Column("tags", "list", _("Emneord.")),
    *(
        Column(
            f"declaration_{dimension.value}",
            "text",
            _("Vidensdeklaration, %(dimension)s: niveau A–D, tom hvis ikke vurderet."),
            (("dimension", dimension.label),),
        )
        for dimension in Dimension
    ),
    Column("adoptions", "integer", _("Antal organisationer, der har registreret metoden.")),
    *(
        Column(
            f"adoptions_{status.value}",
            "integer",
            _("Heraf med status %(status)s."),
            (("status", status.label),),
        )
        for status in AdoptionStatus
    ),
    Column("first_published_at", "datetime", _("Hvornår metoden første gang blev udgivet.")),
    Column("last_published_at", "datetime", _("Seneste udgivelse.")),
]

ADOPTION_COLUMNS = [
    Column("id", "integer", _("Ibrugtagningens nummer; stabilt.")),
    Column("method_id", "integer", _("Metodens nummer (se metodeudtrækket), tom hvis det er en idé.")),
    Column("method_title", "text", _("Metodens titel.")),
    Column("idea_id", "integer", _("Idéens nummer, hvis en idé er taget i brug, før den blev en metode.")),
    Column("idea_title", "text", _("Idéens titel.")),
    *ORGANISATION_COLUMNS,
    Column("status", "text", _("Status nu: considering, piloting, implemented eller stopped.")),
    Column("started", "date", _("Hvornår organisationen begyndte.")),
    Column("stopped_reason", "text", _("Organisationens begrundelse, hvis den er stoppet.")),
    Column(
        "history",
        "json",
        _('Statushistorikken i datoorden: en liste af {"date", "status"}.'),
    ),
]

OUTCOME_COLUMNS = [
    Column("level", "text", _("method: summen for metoden; period: én organisations rapport for én periode.")),
    Column("method_id", "integer", _("Metodens nummer.")),
    Column("method_title", "text", _("Metodens titel.")),
    *ORGANISATION_COLUMNS,
    Column("period_start", "date", _("Periodens første dag (kun for period).")),
    Column("period_end", "date", _("Periodens sidste dag (kun for period).")),
    Column("reports", "integer", _("Antal rapporter bag rækken.")),
    Column("citizens_reached", "integer", _("Borgere nået.")),
    Column("citizens_asked", "integer", _("Borgere spurgt, om de følte sig hjulpet.")),
    Column("citizens_helped", "integer", _("Borgere, der svarede ja.")),
    Column("share_helped", "decimal", _("Andel hjulpne af de spurgte (0–1, fire decimaler).")),
    Column("share_low", "decimal", _("Nedre grænse af 95 %-Wilson-intervallet for andelen.")),
    Column("share_high", "decimal", _("Øvre grænse af 95 %-Wilson-intervallet for andelen.")),
    Column("cost_per_citizen", "decimal", _("Udgift pr. borger i kroner (for method vægtet efter borgere nået).")),
    Column(
        "indicators",
        "json",
        _('Effektindikatorer (kun for period): en liste af {"indicator", "unit", "direction", "baseline", "current"}.'),
    ),
]

ENCOUNTER_COLUMNS = [
    Column("method_id", "integer", _("Metodens nummer.")),
    Column("method_title", "text", _("Metodens titel.")),
    *ORGANISATION_COLUMNS,
    Column("month", "text", _("Måneden (ÅÅÅÅ-MM), som møderne fandt sted i.")),
    Column("asked", "integer", _("Borgere, der svarede på “Føler du dig hjulpet?” (alle, der ikke afslog).")),
    Column("helped", "integer", _("Heraf: ja.")),
    Column("partly", "integer", _("Heraf: delvist.")),
    Column("not_helped", "integer", _("Heraf: nej.")),
    Column("declined", "integer", _("Ville ikke svare.")),
    Column("share_helped", "decimal", _("Andel ja af dem, der svarede (0–1, fire decimaler).")),
    Column("share_low", "decimal", _("Nedre grænse af 95 %-Wilson-intervallet for andelen.")),
    Column("share_high", "decimal", _("Øvre grænse af 95 %-Wilson-intervallet for andelen.")),
]


BUSINESS_CASE_COLUMNS = [
    Column("method_id", "integer", _("Metodens nummer.")),
    Column("method_title", "text", _("Metodens titel.")),
    Column("url", "text", _("Metodens adresse på Idébanken.")),
    Column("cost_per_citizen", "decimal", _("Udgift pr. borger i kroner (år 0), tom hvis ukendt.")),
    Column(
        "cost_from",
        "text",
        _("editor: sat af redaktionen (se cost_source); reports: gennemsnit af resultatrapporterne, vægtet."),
    ),
    Column("cost_source", "text", _("Redaktionens kilde til udgiften.")),
    Column("horizon_years", "integer", _("Tidshorisont i år.")),
    Column("discount_rate", "decimal", _("Diskonteringsrente som brøk (0,04 = 4 %).")),
    Column("factor_low", "decimal", _("Faktor på andelene i det lave scenarie.")),
    Column("factor_expected", "decimal", _("Faktor på andelene i det forventede scenarie.")),
    Column("factor_high", "decimal", _("Faktor på andelene i det høje scenarie.")),
    Column(
        "effects",
        "json",
        _(
            'Effekterne: en liste af {"label", "value_per_year", "share", "share_from", "years", "source"}; '
            "share_from er typed, measured eller unmeasured, source et link eller null."
        ),
    ),
    Column("unsourced_effects", "integer", _("Antal effekter uden kilde.")),
    *(
        Column(f"{measure}_{scenario}", kind, description, (("scenario", label),))
        for measure, kind, description in (
            ("npv_per_citizen", "decimal", _("Nettonutidsværdi pr. borger i kroner, scenarie %(scenario)s.")),
            (
                "payback_years",
                "decimal",
                _("Tilbagebetalingstid i år, scenarie %(scenario)s; tom hvis ikke inden for horisonten."),
            ),
        )
        for scenario, label in (("low", _("lavt")), ("expected", _("forventet")), ("high", _("højt")))
    ),
    Column("benefit_per_citizen_expected", "decimal", _("Tilbagediskonteret gevinst pr. borger, forventet scenarie.")),
    Column("break_even_share", "decimal", _("Andel af borgerne, hvor nettonutidsværdien er 0 (over 1: aldrig).")),
]


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


def _chunks(queryset, size=CHUNK):
    """Every row of the queryset in primary-key order, fetched `size` at a time (prefetches run per chunk)."""
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


@dataclass(frozen=True)
class Export:
    name: str
    title: str
    description: str
    columns: list
    rows: object  # callable(base url) → iterator of dicts keyed by the column names

    @property
    def column_names(self):
        return [column.name for column in self.columns]


EXPORTS = {
    export.name: export
    for export in (
        Export(
            "ideas", _("Idéer"), _("Alle offentliggjorte og arkiverede idéer, én pr. række."), IDEA_COLUMNS, idea_rows
        ),
        Export(
            "methods",
            _("Metoder"),
            _("Alle udgivne metoder med vidensdeklaration og udbredelse."),
            METHOD_COLUMNS,
            method_rows,
        ),
        Export(
            "adoptions",
            _("Ibrugtagninger"),
            _("Hvilke organisationer bruger hvilke metoder (eller idéer), siden hvornår, med statushistorik."),
            ADOPTION_COLUMNS,
            adoption_rows,
        ),
        Export(
            "outcomes",
            _("Resultater"),
            _(
                "Resultater for borgerne, samlet pr. metode og pr. organisation og periode. "
                "Aldrig data om den enkelte borger."
            ),
            OUTCOME_COLUMNS,
            outcome_rows,
        ),
        Export(
            "encounters",
            _("Møder"),
            _(
                "Svar på “Føler du dig hjulpet?” pr. metode, organisation og måned. Tal under 5 er udeladt, "
                "og borgernes egne ord er aldrig med."
            ),
            ENCOUNTER_COLUMNS,
            encounter_rows,
        ),
        Export(
            "business-cases",
            _("Business cases"),
            _(
                "Hvad metoderne koster og sparer pr. borger: forudsætninger, kilder og tre scenarier. Et skøn, "
                "ikke en SØM-beregning."
            ),
            BUSINESS_CASE_COLUMNS,
            business_case_rows,
        ),
    )
}


# ---- serialisation ------------------------------------------------------------------------------


class _Echo:
    """csv.writer writes into this and gets the line back, so each row can be yielded as it is made."""

    def write(self, value):
        return value


def csv_lines(export, base=""):
    writer = csv.writer(_Echo())
    yield "\ufeff"  # lets spreadsheet programs read the Danish letters as UTF-8
    yield writer.writerow(export.column_names)
    for row in export.rows(base):
        yield writer.writerow([column.csv_value(row[column.name]) for column in export.columns])


def json_chunks(export, base=""):
    """{"export", "columns", "rows": [...]} written row by row."""
    head = {"export": export.name, "columns": export.column_names}
    yield json.dumps(head, ensure_ascii=False)[:-1] + ', "rows": ['
    first = True
    for row in export.rows(base):
        yield ("" if first else ",\n") + json.dumps(row, ensure_ascii=False)
        first = False
    yield "]}\n"
