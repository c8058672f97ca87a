"""The search indexes of the large data set, built in bulk.

The text of each idea is exactly what search/indexing.py sends (its `idea_fields`, `analysed_fields`
and `source` are called here); only the reading and writing are bulk: ideas are read as plain rows in
primary-key order, the database index is written with COPY and its tsvectors computed by one UPDATE,
and Elasticsearch gets a fresh index filled by the bulk API and put behind the alias in one swap.
`manage.py search_reindex` does the same through the ORM, which at 100 000 ideas takes minutes.
"""

import time
from types import SimpleNamespace

from django.db import connection, transaction
from django.utils import timezone

from ideabank.ideas.models import Idea, IdeaTag
from search.backends import database_backend, elasticsearch_backend
from search.backends.database import WEIGHTS, analysed_fields, postgres_vector
from search.indexing import SEARCHABLE_IDEA_STATUSES, idea_fields, source
from search.models import SearchEntry, SearchTerm

from .writer import copy_objects, is_postgresql, reserve_ids

CHUNK = 5000
KIND = SearchEntry.Kind.IDEA


class _Related(list):
    """A list that answers `.all()` like a prefetched relation, for idea_fields()."""

    def all(self):
        return self


def searchable_rows(chunk=CHUNK):
    """(idea id, idea, fields) for every searchable idea, read a chunk of plain rows at a time; `idea` has
    what idea_fields() and search.indexing.filterable() read."""
    target_groups = Idea.target_groups.through
    themes = Idea.themes.through
    ideas = Idea.objects.filter(status__in=SEARCHABLE_IDEA_STATUSES).order_by("pk")
    last = 0
    while True:
        rows = list(
            ideas.filter(pk__gt=last).values_list(
                "pk",
                "status",
                "stage",
                "published_at",
                "created",
                "title",
                "problem",
                "solution",
                "context",
                "results",
                "organisation_id",
                "organisation__name",
                "organisation__slug",
                "organisation__municipality_id",
                "organisation__region_id",
            )[:chunk]
        )
        if not rows:
            return
        first, last = rows[0][0], rows[-1][0]
        tags, groups, topics = {}, {}, {}
        for idea_id, name, slug in IdeaTag.objects.filter(
            content_object_id__gte=first, content_object_id__lte=last
        ).values_list("content_object_id", "tag__name", "tag__slug"):
            tags.setdefault(idea_id, []).append((name, slug))
        for idea_id, name, slug in target_groups.objects.filter(idea_id__gte=first, idea_id__lte=last).values_list(
            "idea_id", "targetgroup__name", "targetgroup__slug"
        ):
            groups.setdefault(idea_id, []).append(SimpleNamespace(name=name, slug=slug))
        for idea_id, name, slug in themes.objects.filter(idea_id__gte=first, idea_id__lte=last).values_list(
            "idea_id", "theme__name", "theme__slug"
        ):
            topics.setdefault(idea_id, []).append(SimpleNamespace(name=name, slug=slug))
        for row in rows:
            pk, status, stage, published_at, created, title, problem, solution, context, results = row[:10]
            organisation_id, organisation_name, organisation_slug, municipality_id, region_id = row[10:]
            idea = SimpleNamespace(
                pk=pk,
                status=status,
                stage=stage,
                published_at=published_at,
                created=created,
                title=title,
                problem=problem,
                solution=solution,
                context=context,
                results=results,
                organisation_id=organisation_id,
                organisation=SimpleNamespace(
                    name=organisation_name, slug=organisation_slug, municipality_id=municipality_id, region_id=region_id
                ),
                target_groups=_Related(groups.get(pk, [])),
                themes=_Related(topics.get(pk, [])),
                attachments=_Related([]),  # the data set attaches no files
                search_tags=tags.get(pk, []),
            )
            yield pk, idea, idea_fields(idea, [name for name, _slug in idea.search_tags])


def build_database_index(say=print):
    """Replace the database search entries of all ideas; returns the number written."""
    started = time.monotonic()
    if not is_postgresql():
        database = database_backend()
        batch, done = [], 0
        SearchEntry.objects.filter(kind=KIND).delete()
        for pk, _idea, fields in searchable_rows():
            batch.append((pk, fields))
            if len(batch) == 1000:
                done += database.store_many(KIND, batch)
                batch = []
        return done + (database.store_many(KIND, batch) if batch else 0)

    now = timezone.now()
    entries, terms = [], set()
    for pk, _idea, fields in searchable_rows():
        entry = SearchEntry(kind=KIND, object_id=pk, updated=now, **analysed_fields(fields))
        entries.append(entry)
        for name in WEIGHTS:
            terms.update(term for term in getattr(entry, name).split() if len(term) <= 100)
    say(f"  analysed {len(entries)} ideas in {time.monotonic() - started:.0f} s")
    with transaction.atomic():
        SearchEntry.objects.filter(kind=KIND).delete()
        for entry, pk in zip(entries, reserve_ids(SearchEntry, len(entries)), strict=True):
            entry.pk = entry.id = pk
        copy_objects(SearchEntry, entries)
        SearchEntry.objects.filter(kind=KIND).update(vector=postgres_vector())
        SearchTerm.objects.bulk_create([SearchTerm(term=t) for t in terms], ignore_conflicts=True, batch_size=5000)
    say(f"  wrote the database index in {time.monotonic() - started:.0f} s")
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {connection.ops.quote_name(SearchEntry._meta.db_table)}")  # noqa: S608
    return len(entries)


def elasticsearch_count(kind=KIND):
    """Documents behind the alias of `kind`, or None when there is no index (or no Elasticsearch)."""
    backend = elasticsearch_backend()
    if backend is None:
        return None
    from search.backends.elasticsearch import client

    try:
        return client().count(index=backend.alias(kind))["count"]
    except Exception:  # noqa: BLE001 - a missing alias means "build it"
        return None


def build_elasticsearch_index(say=print):
    """A fresh Elasticsearch index of all searchable ideas, swapped in behind the alias; returns the count."""
    backend = elasticsearch_backend()
    started = time.monotonic()
    stamp = timezone.now()
    name = backend.create_index(KIND, bulk_loading=True)
    done, batch = 0, []
    for pk, idea, fields in searchable_rows():
        batch.append((pk, source(KIND, idea, fields)))
        if len(batch) == CHUNK:
            backend.bulk_store(KIND, batch, index=name)
            done += len(batch)
            batch = []
            say(f"  Elasticsearch: {done} ideas · {time.monotonic() - started:.0f} s")
    if batch:
        backend.bulk_store(KIND, batch, index=name)
        done += len(batch)
    backend.swap(KIND, name)
    SearchEntry.objects.filter(kind=KIND).update(es_indexed=max(stamp, timezone.now()))
    say(f"  Elasticsearch: {done} ideas in {time.monotonic() - started:.0f} s")
    return done
