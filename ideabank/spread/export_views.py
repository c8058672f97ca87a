"""The page that documents the open data: every export, its addresses and every column."""

from django.shortcuts import render

from .export_columns import KIND_LABELS
from .exports import EXPORTS


def open_data(request):
    exports = [
        {
            "export": export,
            "csv_url": f"/api/v1/export/{export.name}.csv",
            "json_url": f"/api/v1/export/{export.name}.json",
        }
        for export in EXPORTS.values()
    ]
    return render(request, "spread/open_data.html", {"exports": exports, "kinds": KIND_LABELS})
