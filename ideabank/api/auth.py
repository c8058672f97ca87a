"""API authentication: Wagtail's personal bearer tokens, or the browser session (with CSRF).

A request that presents a bad token is anonymous even if it also carries a session cookie.
"""

from django.contrib.auth.models import AnonymousUser
from ninja.security import SessionAuth
from wagtail.api.v3.auth import BearerTokenAuth
from wagtail.models import APIToken

from ideabank.accounts.signed_in import cached_user
from ideabank.plain_sql import as_utc, one_row

# Asked on every API request that carries a token, so as plain SQL: the ORM's query (with the user joined, whom
# the shared cache has) took more CPU to build than the database took to answer. One digest per secret key.
LOOKUP_SQL = "SELECT id, user_id, last_used_at FROM wagtailcore_apitoken WHERE revoked_at IS NULL AND key_hash IN ({})"


class ActiveSessionAuth(SessionAuth):
    def authenticate(self, request, key):
        user = super().authenticate(request, key)
        return user if user is not None and user.is_active else None


class TokenAuth(BearerTokenAuth):
    """Wagtail's bearer tokens, with the user as a signed-in session has it: from the shared cache with the
    organisation and the role (ideabank/accounts/signed_in.py). The token itself is looked up every time, so
    a revoked token stops working at once; a blocked user's cached copy is forgotten when they are blocked."""

    def authenticate(self, request, token):
        hashes = APIToken.candidate_key_hashes(token)
        found = one_row(APIToken, LOOKUP_SQL.format(", ".join(["%s"] * len(hashes))), hashes)  # noqa: S608 - placeholders
        user = cached_user(found[1]) if found else None
        if user is None or not user.is_active:
            request.user = AnonymousUser()
            return None
        request.user = user
        api_token = APIToken(pk=found[0], user_id=found[1], last_used_at=as_utc(found[2]))
        self._touch_last_used(api_token)
        return api_token


token_auth = TokenAuth()
session_auth = ActiveSessionAuth()
authenticated = [token_auth, session_auth]
