"""The columns of the open-data files (exports.py): names, kinds and descriptions, the promise every
reuser builds on, and the guard that keeps a text cell from being read as a spreadsheet formula."""

import json
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from ideabank.methods.elements import Dimension

from .models import AdoptionStatus

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
