"""Login lockout (django-axes): whom it counts, and what a locked-out login sees — a JSON 429 on the API, a
Danish page in the browser."""

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _


def lockout_response(request, original_response=None, credentials=None):
    message = _("For mange mislykkede loginforsøg. Vent et kvarter, og prøv igen, eller nulstil din adgangskode.")
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message}, status=429)
    # Axes swaps this in after the view ran, so it must be rendered already.
    return render(request, "accounts/locked_out.html", {"message": message}, status=429)


def lockout_username(request, credentials):
    """The e-mail as login reads it (case-insensitive), so `ANNE@…` shares `anne@…`'s five tries."""
    username = (credentials or {}).get("username") or request.POST.get("username") or ""
    return username.strip().lower()
