"""Deprecating an operation within v1 (README, "Versioning"): the answers say so in a `Deprecation` header
(RFC 9745) from the day it is announced and name the day it goes in `Sunset` (RFC 8594), at least six months
later. The schema marks the operation `deprecated` and documents both headers (openapi.py).

    @router.get("/old", response=OldOut, openapi_extra=DEPRECATED)
    @decorate_view(deprecated(announced=date(2027, 1, 4), sunset=date(2027, 7, 5), link="/api/v1/docs"))
    def old(request): ...
"""

import calendar
from datetime import date
from functools import wraps

from django.utils.http import http_date

DEPRECATED = {"deprecated": True}
MINIMUM_MONTHS = 6


def six_months_after(day):
    month = day.month + MINIMUM_MONTHS
    year, month = day.year + (month - 1) // 12, (month - 1) % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def deprecated(*, announced, sunset, link=""):
    """A view decorator (with Ninja's `decorate_view`) adding Deprecation, Sunset and, with `link`, a Link to
    what to use instead. Refuses a sunset less than six months after the announcement: that is the promise."""
    if sunset < six_months_after(announced):
        raise ValueError(f"A sunset must be at least {MINIMUM_MONTHS} months after the announcement.")
    since = f"@{calendar.timegm(announced.timetuple())}"
    ends = http_date(calendar.timegm(sunset.timetuple()))

    def decorate(view):
        @wraps(view)
        def answer(request, *args, **kwargs):
            response = view(request, *args, **kwargs)
            response["Deprecation"] = since
            response["Sunset"] = ends
            if link:
                response["Link"] = f'<{link}>; rel="deprecation"'
            return response

        return answer

    return decorate
