"""Full-text search in the database: FTS5 (SQLite) or tsvector (PostgreSQL) over pre-analysed terms."""

import difflib

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F

from search.analysis import analyse, query_terms
from search.models import SearchEntry, SearchTerm

# Field weights: title > tags > problem/solution > the rest.
WEIGHTS = {"title": 10.0, "tags": 5.0, "body": 2.0, "rest": 1.0}
POSTGRES_WEIGHTS = [0.1, 0.2, 0.4, 1.0]  # D, C, B, A
FIELD_LETTERS = {"title": "A", "tags": "B", "body": "C", "rest": "D"}


def expand_typos(alternatives):
    """Add close vocabulary terms to query words that match nothing as typed (typo tolerance)."""
    expanded = []
    for options in alternatives:
        options = set(options)
        for term in list(options):
            if " " in term or len(term) < 4 or SearchTerm.objects.filter(term__startswith=term).exists():
                continue
            candidates = SearchTerm.objects.filter(term__startswith=term[:2]).values_list("term", flat=True)
            options.update(difflib.get_close_matches(term, list(candidates[:5000]), n=3, cutoff=0.75))
        expanded.append(options)
    return expanded


class DatabaseBackend:
    name = "database"

    # ---- reading ---------------------------------------------------------------------------

    def match(self, kind, text, limit=2000, any_word=False):
        """Ids of `kind` matching the text, best first, as [(id, score)]."""
        alternatives = expand_typos(query_terms(text))
        if not alternatives:
            return []
        if connection.vendor == "postgresql":
            return self._match_postgresql(kind, alternatives, limit, any_word)
        return self._match_sqlite(kind, alternatives, limit, any_word)

    def _match_sqlite(self, kind, alternatives, limit, any_word):
        def option(term):
            return '"' + term.replace('"', "") + '"*'

        joiner = " OR " if any_word else " AND "
        expression = joiner.join("(" + " OR ".join(option(t) for t in sorted(opts)) + ")" for opts in alternatives)
        weights = ", ".join(str(w) for w in WEIGHTS.values())
        with connection.cursor() as cursor:
            cursor.execute(
                f"""SELECT s.object_id, bm25(search_entry_fts, {weights}) AS rank
                    FROM search_entry_fts JOIN search_searchentry s ON s.id = search_entry_fts.rowid
                    WHERE search_entry_fts MATCH %s AND s.kind = %s
                    ORDER BY rank LIMIT %s""",  # noqa: S608 - the weights are constants
                [expression, kind, limit],
            )
            return [(object_id, -rank) for object_id, rank in cursor.fetchall()]

    def _match_postgresql(self, kind, alternatives, limit, any_word):
        def option(term):
            return " <-> ".join(term.split()) + ":*"

        joiner = " | " if any_word else " & "
        raw = joiner.join("(" + " | ".join(option(t) for t in sorted(opts)) + ")" for opts in alternatives)
        query = SearchQuery(raw, search_type="raw", config="simple")
        rows = (
            SearchEntry.objects.filter(kind=kind, vector=query)
            .annotate(rank=SearchRank(F("vector"), query, weights=POSTGRES_WEIGHTS))
            .order_by("-rank", "object_id")
            .values_list("object_id", "rank")[:limit]
        )
        return list(rows)

    def suggest(self, kind, prefix, limit=8):
        """Titles that contain a word starting with the typed prefix (autocomplete)."""
        return [object_id for object_id, _score in self.match(kind, prefix, limit=limit)]

    def similar(self, kind, text, limit=5, exclude=None):
        """Objects sharing the most distinctive words with the text (the database's more-like-this)."""
        terms = sorted(set(analyse(text)), key=len, reverse=True)[:25]
        if not terms:
            return []
        results = self.match(kind, " ".join(terms), limit=limit + 1, any_word=True)
        return [(object_id, score) for object_id, score in results if object_id != exclude][:limit]

    # ---- writing ---------------------------------------------------------------------------

    def store(self, kind, object_id, fields):
        """Write an object's analysed fields; `fields` holds raw text per field group."""
        analysed = {name: " ".join(analyse(fields.get(name, ""))) for name in WEIGHTS}
        entry, _created = SearchEntry.objects.update_or_create(kind=kind, object_id=object_id, defaults=analysed)
        if connection.vendor == "postgresql":
            vector = None
            for name, letter in FIELD_LETTERS.items():
                part = SearchVector(name, weight=letter, config="simple")
                vector = part if vector is None else vector + part
            SearchEntry.objects.filter(pk=entry.pk).update(vector=vector)
        terms = {term for value in analysed.values() for term in value.split() if len(term) <= 100}
        SearchTerm.objects.bulk_create([SearchTerm(term=term) for term in terms], ignore_conflicts=True)
        return entry

    def remove(self, kind, object_id):
        SearchEntry.objects.filter(kind=kind, object_id=object_id).delete()
