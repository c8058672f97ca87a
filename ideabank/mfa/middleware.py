"""Two rules for logged-in sessions, after django-otp's OTPMiddleware has said whether this one is verified:

1. A user who has switched two-factor on uses the site only in a verified session. Our login asks for
   the code before logging in, but a session can also come from Wagtail's own login form or be older
   than the moment two-factor was switched on; those are sent to the code step first.
2. Moderators, editors and administrators reach the Wagtail admin (/admin/) only in a verified session;
   without an app yet, they are sent to set one up.

API calls with a bearer token are not sessions and pass untouched (see the README on two-factor).
"""

from functools import cache

from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from . import services
from .login import with_next

ADMIN_PREFIX = "/admin/"


@cache
def exempt_prefixes():
    return (
        reverse("mfa:verify"),
        reverse("accounts:logout"),
        reverse("wagtailadmin_logout"),
        reverse("set_language"),
        "/static/",
        "/media/",
    )


class SecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.refusal(request) or self.get_response(request)

    def refusal(self, request):
        path = request.path_info
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or path.startswith(exempt_prefixes()):
            return None
        if user.is_verified():
            return None
        next_path = request.get_full_path() if request.method == "GET" else path
        if user.two_factor_enabled:
            if path.startswith("/api/"):
                if "HTTP_AUTHORIZATION" in request.META:
                    return None  # a bearer token decides who this is, not the session
                return JsonResponse(
                    {"detail": _("Bekræft dit login med en kode fra din godkendelsesapp, før du bruger API'et.")},
                    status=403,
                )
            return redirect(with_next("mfa:verify", next_path))
        if path.startswith(ADMIN_PREFIX) and services.is_required(user):
            messages.info(request, _("Din rolle kræver totrinsbekræftelse, før du kan bruge administrationen."))
            return redirect(with_next("mfa:setup", next_path))
        return None
