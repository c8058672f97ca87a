"""What the home page says about spread: the methods spreading fastest over the last twelve months and how
many organisations use methods — a handful of aggregate queries, no per-adoption work.

The "Nye metoder" and "Spredning" sections are the same for everyone, so the home page caches them as
rendered HTML under the spread version (ideabank/spread/version.py).
"""

import datetime

from django.db.models import Count, Sum
from django.utils import timezone

from ideabank.methods.models import MethodPage
from ideabank.spread import suppression
from ideabank.spread.models import Adoption, OutcomeReport
from ideabank.spread.statistics import IN_USE

FASTEST = 5


def spread_highlights(today=None):
    today = today or timezone.localdate()
    since = today - datetime.timedelta(days=365)
    live = MethodPage.objects.live().public()
    adoptions = Adoption.objects.filter(method__in=live)
    newest = list(
        adoptions.filter(started__gt=since)
        .values("method")
        .annotate(new=Count("pk"))
        .order_by("-new", "method__title")[:FASTEST]
    )
    methods = live.in_bulk([row["method"] for row in newest])
    in_use = adoptions.filter(status__in=IN_USE)
    citizens = OutcomeReport.objects.filter(adoption__method__in=live, period_end__gt=since).aggregate(
        reached=Sum("citizens_reached"), asked=Sum("citizens_asked"), helped=Sum("citizens_helped")
    )
    asked = citizens["asked"] or 0
    return {
        "fastest": [
            {"method": methods[row["method"]], "new": row["new"]} for row in newest if row["method"] in methods
        ],
        "organisations": in_use.values("organisation").distinct().count(),
        "methods_in_use": in_use.values("method").distinct().count(),
        # Public figures: small numbers suppressed (ideabank/spread/suppression.py).
        "citizens_reached": suppression.count(citizens["reached"] or 0),
        "helped_percent": round(100 * (citizens["helped"] or 0) / asked) if suppression.count(asked) else None,
    }
