"""The database search index: one row per searchable object with its Danish-analysed text.

Both database engines read the same analysed terms (search/analysis.py), so they behave alike:
SQLite matches them through an FTS5 table kept in step by triggers, PostgreSQL through a tsvector
with a GIN index (its 'simple' configuration, since the Danish analysis is already done).
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models


class SearchEntry(models.Model):
    """The analysed text of an idea or method page, per boosted field group."""

    class Kind(models.TextChoices):
        IDEA = "idea", "idea"
        METHOD = "method", "method"

    kind = models.CharField(max_length=10, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField()
    title = models.TextField(blank=True)
    tags = models.TextField(blank=True)
    body = models.TextField(blank=True)
    rest = models.TextField(blank=True)
    # The text of an idea's attached documents: found by search, weighted below everything the idea says itself.
    files = models.TextField(blank=True)
    vector = SearchVectorField(null=True, editable=False)  # PostgreSQL only; unused on SQLite
    updated = models.DateTimeField(auto_now=True)
    # When Elasticsearch last took this entry; older than `updated` means it still has to.
    es_indexed = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="one_search_entry_per_object")]
        indexes = [models.Index(fields=["kind", "object_id"], name="search_entry_lookup")]

    def __str__(self):
        return f"{self.kind}:{self.object_id}"


class SearchTerm(models.Model):
    """Every analysed term the index holds: the vocabulary that typo-tolerant search corrects towards."""

    term = models.CharField(max_length=100, primary_key=True)

    def __str__(self):
        return self.term
