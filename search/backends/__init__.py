"""Two search backends with one behaviour: the database (default) and Elasticsearch (`ELASTICSEARCH_URL`).

Both answer in object ids with scores; the service turns those into pages, snippets and facets.
When Elasticsearch fails, reads fall back to the database and writes are retried later.
"""

import contextvars
import logging
import time

from django.conf import settings

from .database import DatabaseBackend
from .elasticsearch import ElasticsearchBackend

logger = logging.getLogger(__name__)

# After a failed read, reads skip the cluster for SEARCH_RETRY_AFTER_SECONDS: a hanging cluster would
# otherwise cost every search its full request timeout.
_down_until = {}  # ELASTICSEARCH_URL → monotonic time before which reads go to the database
_fell_back = contextvars.ContextVar("search_fell_back", default=False)


def database_backend():
    return DatabaseBackend()


def elasticsearch_backend():
    if not settings.ELASTICSEARCH_URL:
        return None
    return ElasticsearchBackend()


def get_backend():
    return elasticsearch_backend() or database_backend()


def reset_fallback():
    """Forget an earlier fallback in this thread (call at the start of a request that reports it)."""
    _fell_back.set(False)


def fell_back():
    """Whether a read since reset_fallback() was answered by the database because Elasticsearch failed."""
    return _fell_back.get()


def ask_elasticsearch(method, *args, **kwargs):
    """(True, answer) from Elasticsearch, or (False, None) when it is not configured, is resting after a failure,
    or fails now (then this request counts as fallen back)."""
    backend = elasticsearch_backend()
    if backend is None:
        return False, None
    url = settings.ELASTICSEARCH_URL
    if _down_until.get(url, 0) <= time.monotonic():
        try:
            return True, getattr(backend, method)(*args, **kwargs)
        except Exception:  # noqa: BLE001 - any failure of the search cluster must not break the page
            logger.warning("Elasticsearch %s failed; answering from the database", method, exc_info=True)
            _down_until[url] = time.monotonic() + settings.SEARCH_RETRY_AFTER_SECONDS
    _fell_back.set(True)
    return False, None


def with_fallback(method, *args, **kwargs):
    """Ask Elasticsearch when configured; on any transport error answer from the database."""
    answered, answer = ask_elasticsearch(method, *args, **kwargs)
    return answer if answered else getattr(database_backend(), method)(*args, **kwargs)
