"""API authentication: Wagtail's personal bearer tokens, or the browser session (with CSRF).

A request that presents a bad token is anonymous even if it also carries a session cookie.
"""

from ninja.security import SessionAuth
from wagtail.api.v3.auth import BearerTokenAuth

from ideabank.accounts.signed_in import cached_user


class ActiveSessionAuth(SessionAuth):
    def authenticate(self, request, key):
        user = super().authenticate(request, key)
        return user if user is not None and user.is_active else None


class TokenAuth(BearerTokenAuth):
    """Wagtail's bearer tokens, with the user as a signed-in session has it: from the shared cache with the
    organisation and the role (ideabank/accounts/signed_in.py), where the token's own row would cost a query
    for the role on every answer that depends on it. The token itself is still looked up every time, so a
    revoked token stops working at once."""

    def authenticate(self, request, token):
        api_token = super().authenticate(request, token)
        if api_token is not None:
            user = cached_user(api_token.user_id)
            if user is not None and user.is_active:
                request.user = user
        return api_token


token_auth = TokenAuth()
session_auth = ActiveSessionAuth()
authenticated = [token_auth, session_auth]
