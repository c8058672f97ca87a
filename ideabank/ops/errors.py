"""A request that lost its database gets a 503 with a Danish message, not a 500.

While PostgreSQL restarts, requests in flight fail; saying "unavailable, try again" (with Retry-After) is
the truth, tells clients and the proxy it is temporary, and each such write was one transaction that
never committed, so trying again cannot count it twice.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils.translation import gettext as _

RETRY_AFTER_SECONDS = 5


def database_lost(exc_info=None):
    """Whether the exception being handled is the database going away (or refusing connections)."""
    error = (exc_info or sys.exc_info())[1]
    while error is not None:
        if isinstance(error, OperationalError | InterfaceError):
            return True
        error = error.__cause__ or error.__context__
    return False


def database_unavailable(request):
    message = _("Idébanken kan ikke nå sin database lige nu. Prøv igen om et øjeblik.")
    headers = {"Retry-After": str(RETRY_AFTER_SECONDS)}
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message}, status=503, headers=headers)
    # No context processors: they would ask the database that just failed.
    content = loader.get_template("503.html").render({"message": message})
    return HttpResponse(content, status=503, headers=headers)
