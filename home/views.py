from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils.translation import gettext as _


def floor(request):
    """The smallest response this server gives: the benchmark's yardstick, no database."""
    return HttpResponse(b"ok", content_type="text/plain")


def api_not_found(request, *args, **kwargs):
    """Unknown API paths answer in JSON like the rest of the API, not with the HTML 404 page."""
    return JsonResponse({"detail": _("Findes ikke.")}, status=404)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # No context processors or database here: the error may come from either.
    return HttpResponse(loader.get_template("500.html").render(), status=500)
