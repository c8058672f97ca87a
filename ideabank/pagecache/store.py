"""The cached pages: their keys, the generation that retires them, and the CSRF tokens inside them.

A page is stored under the generation that was current when its rendering began. A write moves the
generation on after it commits, so a page rendered from older data can never be found again, whatever
order the reader and the writer ran in.
"""

import hashlib
import logging
import re
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.middleware.csrf import get_token

from ideabank.caching import current_version, move_on

GENERATION_KEY = "pagecache:generation"
logger = logging.getLogger(__name__)

# Private bookkeeping that no public page shows; writing it must not throw every page away.
PRIVATE_APPS = frozenset({"sessions", "axes", "otp_totp", "django_otp", "mfa", "admin", "django_tasks_db"})
PRIVATE_MODELS = frozenset({"accounts.usersession", "notifications.notification", "notifications.digest"})
PRIVATE_FIELDS = frozenset({"last_login"})

# Forms in a cached page must carry the token of the visitor who gets it, not the first visitor's.
CSRF_INPUT = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')
CSRF_PLACEHOLDER = b"\x00csrf\x00"


def seconds():
    return settings.IDEABANK_PAGE_CACHE_SECONDS


def generation():
    return current_version(GENERATION_KEY)


def bump():
    """Retire every cached page (one Redis INCR).

    Called after a write has committed: if Redis cannot be reached the write still stands and the request
    still succeeds (an error here could make a client send it twice); the pages then age out.
    """
    try:
        move_on(GENERATION_KEY)
    except Exception:
        logger.exception("Could not retire the cached pages; they expire within %s s", seconds())


# Set by the middleware while a writing request (POST, PUT, PATCH, DELETE) runs: that request retires the
# pages once after its response, so the writes inside it need not each queue a retirement of their own.
retired_after_request = ContextVar("pagecache_retired_after_request", default=None)


def model_changed(sender, **kwargs):
    meta = sender._meta
    update_fields = kwargs.get("update_fields")
    if (
        not seconds()
        or meta.app_label in PRIVATE_APPS
        or meta.label_lower in PRIVATE_MODELS
        or (update_fields and update_fields <= PRIVATE_FIELDS)
    ):
        return
    pending = retired_after_request.get()
    if pending is not None:
        pending.append(sender)
        return
    transaction.on_commit(bump, using=kwargs.get("using"))


def key(request, current_generation, audience="all"):
    """One entry per generation, language, audience (everyone, or a role and organisation signed in; see
    personal.py), scheme, host and full path with its query string."""
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"pagecache:{current_generation}:{request.LANGUAGE_CODE}:{audience}:{digest}"


def save(cache_key, response, content=None, not_with=frozenset()):
    """Keep `response` (with `content` instead of its own, when given) without anyone's CSRF token; a page kept
    for an audience names the users it is `not_with` (personal.share)."""
    content = CSRF_INPUT.sub(rb"\1" + CSRF_PLACEHOLDER + rb"\2", response.content if content is None else content)
    cache.set(cache_key, (response.status_code, list(response.items()), content, not_with), timeout=seconds())


def load(cache_key, request):
    """(status, headers, content) of a cached page with this visitor's CSRF token, or None (also when the page
    is not for this user, see personal.share)."""
    entry = cache.get(cache_key)
    if entry is None:
        return None
    status, headers, content, not_with = entry
    if not_with and request.user.pk in not_with:
        return None
    if CSRF_PLACEHOLDER in content:
        content = content.replace(CSRF_PLACEHOLDER, get_token(request).encode())
    return status, headers, content
