"""Logging in with one's organisation: find the organisation, go to its identity provider, come back.

The way out to the provider is always a link (GET), never a form: the strict CSP only lets forms submit
to this site (form-action 'self'), and browsers apply that to the redirects after a submit as well.
"""

import logging

from django.conf import settings
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache

from ideabank.mfa.login import complete_login, safe_next

from . import oidc, services
from .forms import FindOrganisationForm

log = logging.getLogger("ideabank.sso")

FLOWS_KEY = "ideabank.sso.flows"
MAX_FLOWS = 5  # a few tabs at once; older attempts are forgotten
BACKEND = "ideabank.accounts.backends.AccountBackend"


def start_url(provider, login_hint="", next_url=""):
    params = {key: value for key, value in (("login_hint", login_hint), ("next", next_url)) if value}
    url = reverse("sso:start", args=[provider.organisation.slug])
    return f"{url}?{urlencode(params)}" if params else url


def refused(request, error, status=400):
    return render(request, "sso/refused.html", {"message": error.message, "reason": error.reason}, status=status)


class ChooseView(View):
    """Find the organisation by e-mail address, or pick it from the list."""

    def get(self, request):
        form = FindOrganisationForm(request.GET or None)
        match = None
        next_url = safe_next(request, request.GET.get("next"), default="")
        if form.is_valid():
            match = services.provider_for_email(form.cleaned_data["email"])
            if match is None:
                form.add_error(
                    "email",
                    _(
                        "Din organisation bruger ikke fælles login i Idébanken. Log ind med e-mail og adgangskode, "
                        "eller opret en konto."
                    ),
                )
        providers = [(provider, start_url(provider, next_url=next_url)) for provider in services.enabled_providers()]
        return render(
            request,
            "sso/choose.html",
            {
                "form": form,
                "match": match,
                "match_url": start_url(match, form.cleaned_data["email"].lower(), next_url) if match else "",
                "providers": providers,
                "next": next_url,
            },
        )


@method_decorator(never_cache, name="dispatch")
class StartView(View):
    """Send the browser to the organisation's provider, remembering state, nonce and PKCE verifier."""

    def get(self, request, slug):
        provider = get_object_or_404(
            services.IdentityProvider.objects.select_related("organisation"), organisation__slug=slug, enabled=True
        )
        login_hint = request.GET.get("login_hint", "")[:254]
        if login_hint and not provider.covers(login_hint):
            login_hint = ""
        try:
            url, state, flow = oidc.begin(provider, request.build_absolute_uri(reverse("sso:callback")), login_hint)
        except oidc.SsoRefused as error:
            return refused(request, error, status=502 if error.reason == "unreachable" else 400)
        flow["next"] = safe_next(request, request.GET.get("next"))
        flows = dict(list(request.session.get(FLOWS_KEY, {}).items())[-(MAX_FLOWS - 1) :])
        flows[state] = flow
        request.session[FLOWS_KEY] = flows
        return redirect(url)


@method_decorator(never_cache, name="dispatch")
class CallbackView(View):
    """The provider's answer. Every check must pass before an account is looked up or created."""

    def get(self, request):
        state = request.GET.get("state", "")
        flows = request.session.get(FLOWS_KEY, {})
        flow = flows.pop(state, None) if state else None
        request.session[FLOWS_KEY] = flows  # a state is good for one answer only
        if flow is None:
            log.info("sso callback with unknown state")
            return refused(
                request,
                oidc.SsoRefused(
                    "bad_state",
                    _(
                        "Login med din organisation kunne ikke gennemføres, fordi svaret ikke passer til et login, "
                        "der er startet her (ugyldig state). Start forfra fra login-siden."
                    ),
                ),
            )
        provider = services.IdentityProvider.objects.filter(pk=flow["provider"], enabled=True).first()
        if provider is None:
            return refused(
                request, oidc.SsoRefused("disabled", _("Login med denne organisation er slået fra. Brug adgangskode."))
            )
        try:
            claims = oidc.finish(provider, flow, request.GET)
            user = services.user_for_claims(provider, claims)
        except oidc.SsoRefused as error:
            log.info("sso login via provider %s refused: %s", provider.pk, error.reason)
            return refused(request, error, status=502 if error.reason == "unreachable" else 403)
        return complete_login(request, user, flow.get("next") or settings.LOGIN_REDIRECT_URL, backend=BACKEND)
