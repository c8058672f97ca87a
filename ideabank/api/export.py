"""Open data at /api/v1/export/<name>.<csv|json>: public, no login, streamed (see ideabank.spread.exports,
which also says what is left out and why). The columns are described at /aabne-data/."""

from typing import Any

from django.http import Http404, StreamingHttpResponse
from django.utils.translation import gettext as _
from ninja import Router, Schema
from pydantic import Field

from ideabank.spread.exports import EXPORTS, csv_lines, json_chunks

router = Router(tags=["open data"])

DESCRIPTION = "Columns: see /aabne-data/. Names: " + ", ".join(EXPORTS) + "."
CSV = {
    "responses": {
        200: {
            "description": "The rows as CSV (UTF-8 with a byte order mark; the first line names the columns).",
            "content": {"text/csv": {"schema": {"type": "string"}}},
        }
    }
}


class OpenDataOut(Schema):
    export: str = Field(description="The export's name.")
    columns: list[str]
    rows: list[dict[str, Any]] = Field(description="One object per row, keyed by column.")


def _export(name):
    export = EXPORTS.get(name)
    if export is None:
        raise Http404(_("Findes ikke."))
    return export


def _response(request, name, chunks, content_type, extension):
    export = _export(name)
    base = request.build_absolute_uri("/")
    response = StreamingHttpResponse(chunks(export, base), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="idebanken-{export.name}.{extension}"'
    # Open data: anyone may fetch it, also from another site's script.
    response["Access-Control-Allow-Origin"] = "*"
    return response


@router.get("/export/{name}.csv", summary="Export as CSV", description=DESCRIPTION, openapi_extra=CSV)
def export_csv(request, name: str):
    return _response(request, name, csv_lines, "text/csv; charset=utf-8", "csv")


@router.get("/export/{name}.json", response=OpenDataOut, summary="Export as JSON", description=DESCRIPTION)
def export_json(request, name: str):
    return _response(request, name, json_chunks, "application/json; charset=utf-8", "json")
