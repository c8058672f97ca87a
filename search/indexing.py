"""Keeping the search index in step with the data: public ideas, and method pages while they are live and
public (search/signals.py schedules an update when an idea is saved and when a method page is published,
unpublished or deleted).

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
from wagtail.rich_text import get_text_for_indexing

from ideabank.ideas.models import Idea, IdeaTag
from ideabank.methods.models import MethodPage, MethodPageTag
from ideabank.pagecache import store as page_cache

from .backends import database_backend, elasticsearch_backend
from .backends.elasticsearch import client
from .models import SearchEntry

logger = logging.getLogger(__name__)

SEARCHABLE_IDEA_STATUSES = ("published", "archived")
FILE_TEXT_MAX = 200_000  # characters of each attached file that search reads; a long report's start says enough


def idea_fields(idea, tags=None):
    """The text of an idea per weighted field group (`tags`: its tag names, when already looked up)."""
    if tags is None:
        tags = [tag.name for tag in idea.tags.all()]
    return {
        "files": "\n".join(
            f"{attachment.name}\n{attachment.description}\n{attachment.text[:FILE_TEXT_MAX]}"
            for attachment in idea.attachments.all()
        ),
        "title": idea.title,
        "tags": " ".join(tags),
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


def rich_text(html):
    """Rich text (Wagtail's stored HTML) as plain words, with a space where one block ends and the next begins."""
    return get_text_for_indexing(html or "")


def method_fields(method, tags=None):
    """The text of a published method page per weighted field group, like idea_fields().

    The description is a StreamField; each block says what of it is text (steps, roles, materials,
    quotes, paragraphs — not links), with rich text stripped of its HTML.
    """
    if tags is None:
        tags = [tag.name for tag in method.tags.all()]
    description = method._meta.get_field("description").get_searchable_content(method.description)
    return {
        "title": method.title,
        "tags": " ".join(tags),
        "body": "\n".join([method.summary, rich_text(method.problem), *description]),
        "rest": "\n".join(
            [
                rich_text(method.theory_of_change),
                rich_text(method.goals),
                " ".join(group.name for group in method.target_groups.all()),
                " ".join(theme.name for theme in method.themes.all()),
                " ".join(item.title for item in method.research.all()),
            ]
        ),
    }


def load(kind, object_id):
    """The object to index, or None when it should not be found by search."""
    if kind == SearchEntry.Kind.IDEA:
        idea = (
            Idea.objects.select_related("organisation")
            .prefetch_related("tags", "target_groups", "themes", "attachments")
            .filter(pk=object_id, status__in=SEARCHABLE_IDEA_STATUSES)
            .first()
        )
        return idea
    if kind == SearchEntry.Kind.METHOD:
        return with_relations(kind, searchable(kind).filter(pk=object_id)).prefetch_related("tags").first()
    return None


def fields_for(kind, obj, tags=None):
    if kind == SearchEntry.Kind.METHOD:
        return method_fields(obj, tags)
    return idea_fields(obj, tags)


@task()
def update_entry(kind, object_id):
    obj = load(kind, object_id)
    es = elasticsearch_backend()
    if obj is None:
        database_backend().remove(kind, object_id)
        if es is not None:
            try:
                es.remove(kind, object_id)
                es.refresh(kind)  # gone from results before the kept pages are retired below
            except Exception:  # noqa: BLE001 - the cluster may be down; the next reindex tidies up
                logger.warning("Elasticsearch delete of %s:%s failed", kind, object_id, exc_info=True)
        page_cache.bump()
        return
    fields = fields_for(kind, obj)
    entry = database_backend().store(kind, object_id, fields)
    if es is not None:
        try:
            es.store(kind, object_id, source(kind, obj, fields))
            # Searchable before the kept pages are retired below: Elasticsearch would take up to a second, and
            # a page rendered in that second would be kept without the change.
            es.refresh(kind)
        except Exception:  # noqa: BLE001 - writes must succeed when the cluster is down
            logger.warning("Elasticsearch update of %s:%s failed; left for retry", kind, object_id, exc_info=True)
        else:
            SearchEntry.objects.filter(pk=entry.pk).update(es_indexed=timezone.now())
    # Pages showing search results were kept when the write committed, before this ran: retire them.
    page_cache.bump()


def schedule(kind, object_id):
    """Re-index an object once the current transaction has committed (at once in tests, which never commit)."""
    if not settings.SEARCH_INDEX_ON_COMMIT:
        update_entry.call(kind, object_id)
        return
    transaction.on_commit(lambda: update_entry.enqueue(kind, object_id))


# ---- in bulk: search_reindex, --pending, and objects made without signals (bulk_create) --------------------

CHUNK_SIZE = 1000


def searchable(kind):
    """Everything of `kind` that search may find: public ideas, and method pages that are live and not
    behind a view restriction (drafts and unpublished pages are left out, so they leave the index)."""
    if kind == SearchEntry.Kind.METHOD:
        return MethodPage.objects.live().public()
    return Idea.objects.filter(status__in=SEARCHABLE_IDEA_STATUSES)


def with_relations(kind, queryset):
    """What fields_for() reads besides the object itself (tags come separately, see rows_for)."""
    if kind == SearchEntry.Kind.METHOD:
        return queryset.prefetch_related("target_groups", "themes", "research")
    return queryset.select_related("organisation").prefetch_related("target_groups", "themes", "attachments")


def chunks(queryset, size=CHUNK_SIZE, kind=SearchEntry.Kind.IDEA):
    """Objects in primary-key order, `size` at a time with their relations prefetched (keyset paging)."""
    last = 0
    while True:
        batch = list(with_relations(kind, queryset.filter(pk__gt=last).order_by("pk"))[:size])
        if not batch:
            return
        yield batch
        last = batch[-1].pk


def rows_for(kind, batch):
    """[(object, fields)] for a chunk, each object with `search_tags` [(name, slug)]. Tags are read in one
    query: taggit's own prefetch costs a queryset per object, a third of a whole rebuild."""
    tagged = MethodPageTag if kind == SearchEntry.Kind.METHOD else IdeaTag
    tags = {}
    rows = tagged.objects.filter(content_object__in=batch).values_list("content_object_id", "tag__name", "tag__slug")
    for object_id, name, slug in rows:
        tags.setdefault(object_id, []).append((name, slug))
    for obj in batch:
        obj.search_tags = tags.get(obj.pk, [])
    return [(obj, fields_for(kind, obj, [name for name, _slug in obj.search_tags])) for obj in batch]


def source(kind, obj, fields):
    """What Elasticsearch stores for an object: its field groups, and what the search page filters, counts
    and sorts it by (`filterable`)."""
    return {**fields, **filterable(kind, obj)}


def filterable(kind, obj):
    """An object's filter values as the search page's filters name them (search/pages.py), with its kind,
    id, status and dates. A method is only ever indexed while it is live; its first publication is its date.
    Tags come from `obj.search_tags` [(name, slug)] when rows_for() read them, else from the object."""
    tags = getattr(obj, "search_tags", None)
    if tags is None:
        tags = [(tag.name, tag.slug) for tag in obj.tags.all()]
    values = {
        "kind": str(kind),
        "object_id": obj.pk,
        "stage": obj.stage,
        "target_group": [group.slug for group in obj.target_groups.all()],
        "theme": [theme.slug for theme in obj.themes.all()],
        "tag": [slug for _name, slug in tags],
        "tag_name": [name.lower() for name, _slug in tags],
    }
    if kind == SearchEntry.Kind.METHOD:
        return {**values, "status": "live", "published_at": obj.first_published_at, "created": obj.first_published_at}
    organisation = obj.organisation if obj.organisation_id else None
    return {
        **values,
        "status": obj.status,
        "published_at": obj.published_at,
        "created": obj.created,
        "organisation": organisation.slug if organisation else None,
        "municipality": str(organisation.municipality_id) if organisation and organisation.municipality_id else None,
        "region": str(organisation.region_id) if organisation and organisation.region_id else None,
    }


def rebuild(kind=SearchEntry.Kind.IDEA, progress=None, chunk_size=CHUNK_SIZE, with_elasticsearch=True):
    """Rebuild the database index and, when configured, a fresh Elasticsearch index; returns the count.

    Searches keep working throughout: database entries are replaced a chunk at a time in
    transactions, and the new Elasticsearch index replaces the old one by an atomic alias swap.
    Entries are stamped with the rebuild's start; anything saved later than that while the
    rebuild ran is sent again after the swap, so no change made meanwhile is lost.
    """
    started = timezone.now()
    es = elasticsearch_backend() if with_elasticsearch else None
    database = database_backend()
    objects = searchable(kind)
    total = objects.count()
    new_index = es.create_index(kind, bulk_loading=True) if es else None
    done = 0
    try:
        for batch in chunks(objects, chunk_size, kind):
            rows = rows_for(kind, batch)
            database.store_many(kind, [(obj.pk, fields) for obj, fields in rows], updated=started)
            if es:
                es.bulk_store(kind, [(obj.pk, source(kind, obj, fields)) for obj, fields in rows], index=new_index)
                SearchEntry.objects.filter(kind=kind, object_id__in=[obj.pk for obj in batch]).update(
                    es_indexed=started
                )
            done += len(batch)
            if progress:
                progress(done, total)
        SearchEntry.objects.filter(kind=kind).exclude(object_id__in=objects.values("pk")).delete()
        if es:
            es.swap(kind, new_index)
    except BaseException:
        if es:
            try:
                client().indices.delete(index=new_index, ignore_unavailable=True)
            except Exception:  # noqa: BLE001 - the original error is the one worth reporting
                logger.warning("Could not delete the half-built index %s", new_index, exc_info=True)
        raise
    if es:
        changed = SearchEntry.objects.filter(kind=kind, updated__gt=started).values_list("object_id", flat=True)
        send_to_elasticsearch(kind, list(changed))
    return done


def pending(kind=SearchEntry.Kind.IDEA):
    """Ids of entries Elasticsearch has not taken yet (never sent, or changed since it took them)."""
    return list(
        SearchEntry.objects.filter(kind=kind)
        .filter(models.Q(es_indexed__isnull=True) | models.Q(es_indexed__lt=models.F("updated")))
        .order_by("object_id")
        .values_list("object_id", flat=True)
    )


def send_to_elasticsearch(kind, ids, progress=None, chunk_size=CHUNK_SIZE):
    """Send these objects' current text to Elasticsearch in bulk and mark them taken; returns the count."""
    es = elasticsearch_backend()
    if es is None:
        return 0
    es.ensure_index(kind)
    done = 0
    for start in range(0, len(ids), chunk_size):
        chunk = ids[start : start + chunk_size]
        # Marked with the time before reading: a save after it stays pending for the next run.
        read_at = timezone.now()
        batch = [obj for part in chunks(searchable(kind).filter(pk__in=chunk), chunk_size, kind) for obj in part]
        es.bulk_store(kind, [(obj.pk, source(kind, obj, fields)) for obj, fields in rows_for(kind, batch)])
        SearchEntry.objects.filter(kind=kind, object_id__in=[obj.pk for obj in batch]).update(es_indexed=read_at)
        done += len(chunk)
        if progress:
            progress(done, len(ids))
    es.refresh(kind)
    page_cache.bump()  # what search finds has changed
    return len(ids)


def index_objects(kind, ids, chunk_size=CHUNK_SIZE):
    """Index many objects at once (e.g. ideas made with bulk_create, which sends no signals)."""
    ids = list(ids)
    database = database_backend()
    for start in range(0, len(ids), chunk_size):
        chunk = ids[start : start + chunk_size]
        batch = [obj for part in chunks(searchable(kind).filter(pk__in=chunk), chunk_size, kind) for obj in part]
        database.store_many(kind, [(obj.pk, fields) for obj, fields in rows_for(kind, batch)])
        gone = set(chunk) - {obj.pk for obj in batch}
        SearchEntry.objects.filter(kind=kind, object_id__in=gone).delete()
    if elasticsearch_backend() is not None:
        try:
            send_to_elasticsearch(kind, ids, chunk_size=chunk_size)
        except Exception:  # noqa: BLE001 - the entries stay pending for `search_reindex --pending`
            logger.warning("Elasticsearch bulk update failed; left for retry", exc_info=True)
    return len(ids)


def reindex(kind=SearchEntry.Kind.IDEA, pending_only=False, progress=None):
    """Rebuild everything, or with `pending_only` send Elasticsearch what it has not taken; returns the count."""
    if pending_only:
        return send_to_elasticsearch(kind, pending(kind), progress=progress)
    return rebuild(kind, progress=progress)
