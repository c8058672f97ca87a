import functools

from django.contrib.staticfiles import finders
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Site

from ideabank.ops.errors import database_lost, database_unavailable

from .models import AccessibilitySettings

# Digitaliseringsstyrelsen supervises web accessibility and receives complaints about it.
COMPLAINT_URL = "https://digst.dk/digital-inklusion/webtilgaengelighed/"


def floor(request):
    """The smallest response this server gives: the benchmark's yardstick, no database."""
    return HttpResponse(b"ok", content_type="text/plain")


@functools.cache
def _favicon_bytes():
    with open(finders.find("favicon.ico"), "rb") as icon:
        return icon.read()


def favicon(request):
    """/favicon.ico, which browsers and feed readers ask for whatever the page links: the site's icon, not a 404."""
    response = HttpResponse(_favicon_bytes(), content_type="image/x-icon")
    response["Cache-Control"] = "public, max-age=604800"
    return response


def api_not_found(request, *args, **kwargs):
    """Unknown API paths answer in JSON like the rest of the API, not with the HTML 404 page."""
    return JsonResponse({"detail": _("Findes ikke.")}, status=404)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # No context processors or database here: the error may come from either.
    if database_lost():
        return database_unavailable(request)
    return HttpResponse(loader.get_template("500.html").render(), status=500)


def accessibility_settings(request):
    site = Site.find_for_request(request)
    return AccessibilitySettings.for_site(site) if site else AccessibilitySettings()


def accessibility_statement(request):
    """Tilgængelighedserklæringen: fixed text, with the contact details an administrator sets."""
    context = {
        "statement": accessibility_settings(request),
        "site_url": request.build_absolute_uri("/"),
        "complaint_url": COMPLAINT_URL,
    }
    return render(request, "home/accessibility_statement.html", context)


def was_redirect(request):
    """The short address /was/ that Danish public websites give their statement."""
    return redirect(accessibility_settings(request).was_url or reverse("accessibility_statement"))
