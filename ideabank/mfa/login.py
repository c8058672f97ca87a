"""Where two-factor meets logging in: the password (or the organisation's SSO) only gets a user with
two-factor switched on as far as the code step; the session is logged in once the code is right.

Until then the session holds a short-lived "pending" note (user, backend, where to go next) and nothing
else: request.user stays anonymous, so no page, API call or admin view sees a half-logged-in user.
"""

import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth import login as auth_login
from django.shortcuts import redirect, resolve_url
from django.urls import reverse
from django.utils.http import urlencode
from django_otp import login as otp_login

from ideabank.next_url import local_path

from . import services

PENDING_KEY = "ideabank.mfa.pending"
PENDING_SECONDS = 5 * 60


def hold_for_second_factor(request, user, redirect_to, backend=None):
    """Ask for a code before logging ``user`` in. Returns the redirect to the code step, or None when the
    user has no second factor (the caller then logs in as usual)."""
    if not services.is_enabled(user):
        return None
    request.session[PENDING_KEY] = {
        "user": user.pk,
        "backend": backend or getattr(user, "backend", None) or settings.AUTHENTICATION_BACKENDS[-1],
        "next": redirect_to,
        "at": int(time.time()),
    }
    return redirect("mfa:verify")


def complete_login(request, user, redirect_to, backend):
    """Log in a user who proved who they are elsewhere (single sign-on): through the code step if needed."""
    held = hold_for_second_factor(request, user, redirect_to, backend=backend)
    if held is not None:
        return held
    auth_login(request, user, backend=backend)
    return redirect(redirect_to)


def pending_login(request):
    """(user, pending note) for a login waiting for its code, or (None, None) when there is none or it expired."""
    pending = request.session.get(PENDING_KEY)
    if not pending:
        return None, None
    if time.time() - pending.get("at", 0) > PENDING_SECONDS:
        del request.session[PENDING_KEY]
        return None, None
    user = get_user_model().objects.filter(pk=pending.get("user"), is_active=True).first()
    if user is None:
        del request.session[PENDING_KEY]
        return None, None
    return user, pending


def finish(request, user, device, pending):
    """The code was right: log in (if the password step was held back) and mark the session as verified."""
    if pending is not None:
        auth_login(request, user, backend=pending["backend"])
        request.session.pop(PENDING_KEY, None)
    otp_login(request, device)


def safe_next(request, candidate, default=None):
    return local_path(request, candidate) or (resolve_url(settings.LOGIN_REDIRECT_URL) if default is None else default)


def with_next(url_name, next_path):
    return f"{reverse(url_name)}?{urlencode({'next': next_path})}"
