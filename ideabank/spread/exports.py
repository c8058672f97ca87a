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

from django.utils.translation import gettext_lazy as _

from .export_columns import (
    ADOPTION_COLUMNS,
    BUSINESS_CASE_COLUMNS,
    ENCOUNTER_COLUMNS,
    IDEA_COLUMNS,
    METHOD_COLUMNS,
    OUTCOME_COLUMNS,
)
from .export_rows import adoption_rows, business_case_rows, encounter_rows, idea_rows, method_rows, outcome_rows


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
