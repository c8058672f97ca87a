"""Sessions: whose they are, how long they live, and ending all of a user's sessions at once.

* The session engine is the database, with the user's id stored beside each session (`UserSession`), so
  ending every session of a user is one DELETE instead of decoding every session in the table. With Redis,
  sessions are read from the cache and written through to the database (signed_in.py).
* A session ends after `IDEABANK_SESSION_IDLE_HOURS` without a request (idle timeout) and, however active,
  `IDEABANK_SESSION_MAX_HOURS` after the login (absolute timeout). The middleware enforces both.
* All of a user's sessions end when their password changes (here, on save), when they are blocked
  (accounts.services.block_user), when their account is deleted (privacy.delete_account) and when they
  choose "Log ud alle steder".
"""

import time

from django.conf import settings
from django.contrib.auth import SESSION_KEY, user_logged_in
from django.contrib.sessions.backends.cached_db import SessionStore as CachedDatabaseSessionStore
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.core.cache import caches
from django.db.models.signals import post_save
from django.dispatch import receiver

from . import signed_in
from .models import UserSession

# Unix times kept in the session; integers, so the JSON serializer stores them as they are.
LOGIN_AT = "_ideabank_login_at"
SEEN_AT = "_ideabank_seen_at"
# Activity is written back at most this often: the idle timeout is exact to within it, and a busy
# user's session is not rewritten on every request.
TOUCH_SECONDS = 300


class SessionStore(CachedDatabaseSessionStore):
    """Django's cached database sessions, cached briefly (signed_in.py) and not at all without Redis."""

    cache_key_prefix = "ideabank.session:"

    def load(self):
        if not signed_in.seconds():
            return DatabaseSessionStore.load(self)
        data = self._cache.get(self.cache_key)
        if data is None:
            row = self._get_session_from_db()
            if row is None:
                return {}
            data = self.decode(row.session_data)
            self._cache.set(self.cache_key, data, signed_in.capped(self.get_expiry_age(expiry=row.expire_date)))
        return data

    def save(self, must_create=False):
        DatabaseSessionStore.save(self, must_create)
        if signed_in.seconds():
            self._cache.set(self.cache_key, self._session, signed_in.capped(self.get_expiry_age()))

    @classmethod
    def get_model_class(cls):
        return UserSession

    def create_model_instance(self, data):
        session = super().create_model_instance(data)
        try:
            session.user_id = int(data.get(SESSION_KEY))
        except (TypeError, ValueError):
            session.user_id = None
        return session


def end_sessions(user, keep=None):
    """End every session of the user at once, except the session key `keep` (if given)."""
    sessions = UserSession.objects.filter(user_id=user.pk)
    if keep:
        sessions = sessions.exclude(session_key=keep)
    keys = list(sessions.values_list("session_key", flat=True))
    ended = UserSession.objects.filter(session_key__in=keys).delete()[0]
    caches[settings.SESSION_CACHE_ALIAS].delete_many([SessionStore.cache_key_prefix + key for key in keys])
    return ended


def idle_seconds():
    return int(settings.IDEABANK_SESSION_IDLE_HOURS * 3600)


def max_seconds():
    return int(settings.IDEABANK_SESSION_MAX_HOURS * 3600)


def expired(session, now):
    """Whether a logged-in session has been idle too long or has outlived the absolute limit."""
    login_at = session.get(LOGIN_AT, now)
    seen_at = session.get(SEEN_AT, login_at)
    return now - seen_at > idle_seconds() or now - login_at > max_seconds()


def touch(session, now):
    """Record activity, and let the session (cookie and row) expire when it would time out anyway."""
    login_at = session.setdefault(LOGIN_AT, now)
    session[SEEN_AT] = now
    session.set_expiry(max(1, min(idle_seconds(), max_seconds() - (now - login_at))))


def needs_touch(session, now):
    return LOGIN_AT not in session or now - session.get(SEEN_AT, 0) >= TOUCH_SECONDS


@receiver(user_logged_in, dispatch_uid="ideabank.accounts.sessions.start")
def start(sender, request, user, **kwargs):
    """Every login starts the clocks again (Django has already given the session a new key)."""
    session = getattr(request, "session", None)
    if session is not None:
        now = int(time.time())
        session[LOGIN_AT] = now
        touch(session, now)


@receiver(post_save, sender=settings.AUTH_USER_MODEL, dispatch_uid="ideabank.accounts.sessions.password_changed")
def password_changed(sender, instance, created, **kwargs):
    """A new password ends every session of the user, wherever the password was set.

    `_password` is set by set_password() until the save completes. The view that changed the password
    keeps its own user logged in by giving the session a new key (update_session_auth_hash).
    """
    if not created and getattr(instance, "_password", None) is not None:
        end_sessions(instance)
