"""API authentication: Wagtail's personal bearer tokens, or the browser session (with CSRF).

A request that presents a bad token is anonymous even if it also carries a session cookie.
"""

from ninja.security import SessionAuth
from wagtail.api.v3.auth import BearerTokenAuth


class ActiveSessionAuth(SessionAuth):
    def authenticate(self, request, key):
        user = super().authenticate(request, key)
        return user if user is not None and user.is_active else None


token_auth = BearerTokenAuth()
session_auth = ActiveSessionAuth()
authenticated = [token_auth, session_auth]
