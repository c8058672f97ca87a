"""Keeping the search index in step with the data.

A save enqueues `update_entry` after the transaction commits (django-tasks: immediate in development,
a database queue with `manage.py db_worker` in production). The database index is written first, so
search never loses an object; Elasticsearch follows, and if it is down the entry stays marked as not
yet sent (`es_indexed`) until `search_reindex --pending` or the next change sends it.
"""

import logging

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django_tasks import task

from .backends import database_backend, elasticsearch_backend
from .models import SearchEntry

logger = logging.getLogger(__name__)

SEARCHABLE_IDEA_STATUSES = ("published", "archived")


def idea_fields(idea):
    """The text of an idea per weighted field group."""
    return {
        "title": idea.title,
        "tags": " ".join(tag.name for tag in idea.tags.all()),
        "body": f"{idea.problem}\n{idea.solution}",
        "rest": "\n".join(
            [
                idea.context,
                idea.results,
                " ".join(group.name for group in idea.target_groups.all()),
                " ".join(theme.name for theme in idea.themes.all()),
                idea.organisation.name if idea.organisation_id else "",
            ]
        ),
    }


def load(kind, object_id):
    """The object to index, or None when it should not be found by search."""
    if kind == SearchEntry.Kind.IDEA:
        from ideabank.ideas.models import Idea

        idea = (
            Idea.objects.select_related("organisation")
            .prefetch_related("tags", "target_groups", "themes")
            .filter(pk=object_id, status__in=SEARCHABLE_IDEA_STATUSES)
            .first()
        )
        return idea
    return None


def fields_for(kind, obj):
    return idea_fields(obj)


@task()
def update_entry(kind, object_id):
    obj = load(kind, object_id)
    es = elasticsearch_backend()
    if obj is None:
        database_backend().remove(kind, object_id)
        if es is not None:
            try:
                es.remove(kind, object_id)
            except Exception:  # noqa: BLE001 - the cluster may be down; the next reindex tidies up
                logger.warning("Elasticsearch delete of %s:%s failed", kind, object_id, exc_info=True)
        return
    fields = fields_for(kind, obj)
    entry = database_backend().store(kind, object_id, fields)
    if es is not None:
        try:
            es.store(kind, object_id, fields, obj)
        except Exception:  # noqa: BLE001 - writes must succeed when the cluster is down
            logger.warning("Elasticsearch update of %s:%s failed; left for retry", kind, object_id, exc_info=True)
        else:
            SearchEntry.objects.filter(pk=entry.pk).update(es_indexed=timezone.now())


def schedule(kind, object_id):
    """Re-index an object once the current transaction has committed (at once in tests, which never commit)."""
    if not settings.SEARCH_INDEX_ON_COMMIT:
        update_entry.call(kind, object_id)
        return
    transaction.on_commit(lambda: update_entry.enqueue(kind, object_id))


def reindex(kind=SearchEntry.Kind.IDEA, pending_only=False, progress=None):
    """Rebuild the index for every searchable object of a kind; returns the number indexed."""
    from ideabank.ideas.models import Idea

    if pending_only:
        ids = list(
            SearchEntry.objects.filter(kind=kind)
            .filter(models.Q(es_indexed__isnull=True) | models.Q(es_indexed__lt=models.F("updated")))
            .values_list("object_id", flat=True)
        )
    else:
        ids = list(Idea.objects.values_list("pk", flat=True).order_by("pk"))
    for done, object_id in enumerate(ids, 1):
        update_entry.call(kind, object_id)
        if progress:
            progress(done, len(ids))
    return len(ids)
