"""Per-user rate limits on posting, voting, commenting and reporting (django-ratelimit underneath)."""

from django.conf import settings
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django_ratelimit.core import get_usage

from ideabank.client_ip import client_ip


class RateLimited(Exception):
    def __init__(self, retry_after=None):
        super().__init__(_("Du har gjort det for mange gange på kort tid. Vent lidt, og prøv igen."))
        # Seconds until the window resets: the API sends it as Retry-After.
        self.retry_after = retry_after


def user_or_ip(group, request):
    return str(request.user.pk) if request.user.is_authenticated else client_ip(request)


def check(request, action):
    """Count one `action` for this user and raise RateLimited when over the limit."""
    rate = settings.IDEABANK_RATE_LIMITS[action]
    usage = get_usage(request, group=f"ideabank.{action}", key=user_or_ip, rate=rate, increment=True)
    if usage is None:  # limits switched off (RATELIMIT_ENABLE = False)
        return
    # The API reports the limit in RateLimit-* headers (ideabank/api/errors.py).
    request.rate_limit = {
        "limit": usage["limit"],
        "remaining": max(0, usage["limit"] - usage["count"]),
        "reset": max(0, int(usage["time_left"])),
    }
    if usage["should_limit"]:
        raise RateLimited(retry_after=request.rate_limit["reset"])


def rate_limited(request, exception=None):
    message = str(RateLimited())
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message}, status=429)
    return TemplateResponse(request, "429.html", {"message": message}, status=429)
