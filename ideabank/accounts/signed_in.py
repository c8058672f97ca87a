"""Who is signed in, read from the shared cache instead of the database on every request.

Every signed-in request needs its session, its user with the organisation, and the user's role. Read
from PostgreSQL that is three queries (about 1.5 ms of server CPU, most of it Django building the SQL)
before the view does anything. With a cache that every server process shares (Redis), they are kept
for `IDEABANK_SIGNED_IN_CACHE_SECONDS` and read in one round trip each:

* **The session** (`sessions.SessionStore`): written through to the database on every change, so the
  database stays the truth; logging out, "Log ud alle steder", a blocked user, a new password and a
  deleted account remove the cached copies together with the rows (`sessions.end_sessions`).
* **The user** (`cached_user`), with the organisation and the role: forgotten when the user row or the
  user's groups change (signals, and `UserQuerySet.update`), and when their organisation changes.

Both are kept briefly (a minute by default) rather than as long as a session lives, so that if Redis
misses an invalidation (it fails soft, see `ideabank/redis_cache.py`) nothing stays wrong for longer.
Without a shared cache (no `REDIS_URL`) the setting is 0 and both are read from the database: a cache per
process could not be told by the other processes that a session ended.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from .roles import role_of

USER_KEY = "ideabank.user:{}"


def seconds():
    return settings.IDEABANK_SIGNED_IN_CACHE_SECONDS


def capped(expiry_seconds):
    """How long a session may sit in the cache: never beyond its own expiry, nor beyond the cache's limit."""
    return max(1, min(expiry_seconds, seconds()))


def load_user(user_id):
    return get_user_model()._default_manager.select_related("organisation").filter(pk=user_id).first()


def cached_user(user_id):
    """The user with the organisation, and when cached also the role (role_of remembers it on the object)."""
    if not seconds():
        return load_user(user_id)
    key = USER_KEY.format(user_id)
    user = cache.get(key)
    if user is None:
        user = load_user(user_id)
        if user is not None:
            role_of(user)
            cache.set(key, user, seconds())
    return user


def forget_users(user_ids):
    """Drop the cached copies now, and again once the transaction commits: a request that read the old row
    just before the commit may have cached it in between (the short lifetime bounds even that)."""
    keys = [USER_KEY.format(pk) for pk in user_ids]
    if not keys or not seconds():
        return
    cache.delete_many(keys)
    transaction.on_commit(lambda: cache.delete_many(keys))


# ---- what makes a cached user stale -------------------------------------------------------------


@receiver(post_save, sender=settings.AUTH_USER_MODEL, dispatch_uid="ideabank.accounts.signed_in.user_saved")
@receiver(post_delete, sender=settings.AUTH_USER_MODEL, dispatch_uid="ideabank.accounts.signed_in.user_deleted")
def user_changed(sender, instance, **kwargs):
    forget_users([instance.pk])


@receiver(m2m_changed, sender="accounts.User_groups", dispatch_uid="ideabank.accounts.signed_in.groups")
def groups_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """A role is a group: the user's groups, or a group's users, changed."""
    if not action.startswith("post_") and action != "pre_clear":
        return
    if not reverse:
        forget_users([instance.pk])
    elif action == "pre_clear":
        forget_users(instance.user_set.values_list("pk", flat=True))
    else:
        forget_users(pk_set or ())


@receiver(post_save, sender="accounts.Organisation", dispatch_uid="ideabank.accounts.signed_in.organisation")
def organisation_changed(sender, instance, created, **kwargs):
    """Each cached user carries their organisation (its name is in every page's header)."""
    if not created:
        forget_users(instance.members.values_list("pk", flat=True))
