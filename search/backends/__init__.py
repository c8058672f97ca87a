"""Two search backends with one behaviour: the database (default) and Elasticsearch (`ELASTICSEARCH_URL`).

Both answer in object ids with scores; the service turns those into pages, snippets and facets.
When Elasticsearch fails, reads fall back to the database and writes are retried later.
"""

import logging

from django.conf import settings

logger = logging.getLogger(__name__)


def database_backend():
    from .database import DatabaseBackend

    return DatabaseBackend()


def elasticsearch_backend():
    if not settings.ELASTICSEARCH_URL:
        return None
    from .elasticsearch import ElasticsearchBackend

    return ElasticsearchBackend()


def get_backend():
    return elasticsearch_backend() or database_backend()


def with_fallback(method, *args, **kwargs):
    """Ask Elasticsearch when configured; on any transport error answer from the database."""
    backend = elasticsearch_backend()
    if backend is not None:
        try:
            return getattr(backend, method)(*args, **kwargs)
        except Exception:  # noqa: BLE001 - any failure of the search cluster must not break the page
            logger.warning("Elasticsearch %s failed; answering from the database", method, exc_info=True)
    return getattr(database_backend(), method)(*args, **kwargs)
