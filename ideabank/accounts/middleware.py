import time

from django.contrib import messages
from django.contrib.auth import SESSION_KEY, logout
from django.utils import translation
from django.utils.translation import gettext as _

from . import sessions


class UserLanguageMiddleware:
    """A logged-in user sees the site in the language of their profile."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.language:
            translation.activate(user.language)
            request.LANGUAGE_CODE = user.language
        return self.get_response(request)


class SessionTimeoutMiddleware:
    """Ends a logged-in session after the idle or the absolute timeout (see accounts/sessions.py).

    Only sessions that carry a login are looked at; API calls with a bearer token have no session.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        if session is not None and SESSION_KEY in session:
            now = int(time.time())
            if sessions.expired(session, now):
                logout(request)
                if not request.path.startswith("/api/"):
                    message = _("Din session er udløbet, så du er logget ud. Log ind igen for at fortsætte.")
                    messages.info(request, message, fail_silently=True)
            elif sessions.needs_touch(session, now):
                sessions.touch(session, now)
        return self.get_response(request)
