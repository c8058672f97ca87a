"""Full-text search in the database: FTS5 (SQLite) or tsvector (PostgreSQL) over pre-analysed terms."""

import contextvars
from contextlib import contextmanager

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection, transaction
from django.db.models import F

from search.analysis import ALL_PARTS, analyse, analyse_for_index, option_terms, query_terms, required_words
from search.models import SearchEntry, SearchTerm

# Field weights: title > tags > problem/solution > the rest > attached files. PostgreSQL has four weight
# classes, so there the attached files share the lowest with the rest (context, results, vocabularies).
WEIGHTS = {"title": 10.0, "tags": 5.0, "body": 2.0, "rest": 1.0, "files": 0.5}
POSTGRES_WEIGHTS = [0.1, 0.2, 0.4, 1.0]  # D, C, B, A
POSTGRES_RANK_WEIGHTS = ",".join(map(str, POSTGRES_WEIGHTS))
SQLITE_WEIGHTS = ", ".join(str(weight) for weight in WEIGHTS.values())
FIELD_LETTERS = {"title": "A", "tags": "B", "body": "C", "rest": "D", "files": "D"}
MAX_QUERY_WORDS = 32
TYPO_CANDIDATES = 5000


def max_edits(term):
    """How many edits a typo may be away, as Elasticsearch's fuzziness AUTO:4,7 (see backends/elasticsearch.py)."""
    if len(term) < 4:
        return 0
    return 1 if len(term) < 7 else 2


def edit_distance(a, b, limit):
    """Damerau-Levenshtein distance (adjacent swaps count one), or limit + 1 once it is certainly above limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2, previous = None, list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, 1):
            cost = 0 if char_a == char_b else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


# Within one search (see remembering_typos) each query word's corrections are looked up once, though
# ideas, method pages and the highlighter all ask: each lookup scans part of the vocabulary.
_typo_memo = contextvars.ContextVar("search_typo_memo", default=None)


@contextmanager
def remembering_typos(memo=None):
    """Remember typo corrections until the block ends (one search: its kinds and its highlighting), in
    `memo` when given, so a later block of the same search can use them again."""
    token = _typo_memo.set({} if memo is None else memo)
    try:
        yield
    finally:
        _typo_memo.reset(token)


def expand_typos(alternatives):
    """Add close vocabulary terms to query words that match nothing as typed (typo tolerance).

    Terms are matched by prefix, so a typo is compared with the beginnings of indexed terms too:
    `alkhol` is one edit from `alkohol`, the start of `alkoholbehandling`.
    """
    memo = _typo_memo.get()
    expanded = []
    for options in alternatives:
        options = set(options)
        for term in list(options):
            if memo is None:
                options.update(corrections(term))
            else:
                if term not in memo:
                    memo[term] = corrections(term)
                options.update(memo[term])
        expanded.append(options)
    return expanded


def corrections(term):
    """The closest vocabulary prefixes to a term nothing in the index starts with (at most 5), else none."""
    limit = max_edits(term)
    if " " in term or not limit or SearchTerm.objects.filter(term__startswith=term).exists():
        return []
    # Like Elasticsearch (prefix_length), the first letters are taken as typed: that keeps it fast.
    vocabulary = SearchTerm.objects.filter(term__startswith=term[:2]).values_list("term", flat=True)
    prefixes = set()
    for word in vocabulary[:TYPO_CANDIDATES]:
        prefixes.update(word[:n] for n in range(len(term) - limit, len(term) + limit + 1) if n <= len(word))
    distances = {prefix: edit_distance(term, prefix, limit) for prefix in prefixes if len(prefix) >= 3}
    close = [prefix for prefix, distance in distances.items() if distance <= limit]
    if not close:
        return []
    best = min(distances[prefix] for prefix in close)
    return sorted(prefix for prefix in close if distances[prefix] == best)[:5]


def analysed_fields(fields):
    return {name: " ".join(analyse_for_index(fields.get(name, ""))) for name in WEIGHTS}


def sql_fts(options, fields=None):
    """One query word's alternatives as an FTS5 expression: each term by prefix, a phrase in order, a
    compound's parts anywhere."""
    columns = "{" + " ".join(fields) + "} : " if fields else ""

    def option(text):
        if ALL_PARTS in text:
            return "(" + " AND ".join(option(term) for term in option_terms(text)) + ")"
        return columns + '"' + text.replace('"', "") + '"*'

    return " OR ".join(option(text) for text in sorted(options))


def sql_tsquery(options, fields=None):
    """One query word's alternatives as a PostgreSQL tsquery (see sql_fts)."""
    letters = "".join(FIELD_LETTERS[name] for name in fields) if fields else ""

    def option(text):
        if ALL_PARTS in text:
            return "(" + " & ".join(option(term) for term in option_terms(text)) + ")"
        return " <-> ".join(text.split()) + ":*" + letters

    return " | ".join(option(text) for text in sorted(options))


def postgres_vector():
    vector = None
    for name, letter in FIELD_LETTERS.items():
        part = SearchVector(name, weight=letter, config="simple")
        vector = part if vector is None else vector + part
    return vector


def add_vocabulary(entries):
    terms = {term for entry in entries for name in WEIGHTS for term in getattr(entry, name).split() if len(term) <= 100}
    SearchTerm.objects.bulk_create([SearchTerm(term=term) for term in terms], ignore_conflicts=True, batch_size=2000)


class DatabaseBackend:
    name = "database"

    # ---- reading ---------------------------------------------------------------------------

    def match(self, kind, text, limit=2000, require="most", fields=None, typos=True):
        """Ids of `kind` matching the text, best first, as [(id, score)].

        Query words match by prefix of their analysed term, each in any of the fields (or only in
        `fields`, e.g. ("title",)). `require`: "most" of the words (required_words), ranked by exact
        title, then the query as a phrase, then how many words matched, then BM25 / ts_rank; "all"
        of them, or "any" one, ranked by BM25 / ts_rank alone.
        """
        alternatives = query_terms(text)[:MAX_QUERY_WORDS]
        if typos:
            alternatives = expand_typos(alternatives)
        if not alternatives:
            return []
        postgres = connection.vendor == "postgresql"
        words = [(sql_tsquery if postgres else sql_fts)(options, fields) for options in alternatives]
        if require != "most":
            joiner = (" | " if postgres else " OR ") if require == "any" else (" & " if postgres else " AND ")
            return self._ranked(postgres, kind, joiner.join(words), limit)
        terms = analyse_for_index(text)
        phrase = (" <-> ".join(terms) if postgres else '"' + " ".join(terms) + '"') if len(alternatives) > 1 else ""
        return self._most(postgres, kind, words, phrase, " ".join(terms), limit)

    def _ranked(self, postgres, kind, expression, limit):
        if postgres:
            query = SearchQuery(expression, search_type="raw", config="simple")
            rows = (
                SearchEntry.objects.filter(kind=kind, vector=query)
                .annotate(rank=SearchRank(F("vector"), query, weights=POSTGRES_WEIGHTS))
                .order_by("-rank", "object_id")
                .values_list("object_id", "rank")[:limit]
            )
            return list(rows)
        with connection.cursor() as cursor:
            cursor.execute(
                f"""SELECT s.object_id, bm25(search_entry_fts, {SQLITE_WEIGHTS}) AS rank
                    FROM search_entry_fts JOIN search_searchentry s ON s.id = search_entry_fts.rowid
                    WHERE search_entry_fts MATCH %s AND s.kind = %s
                    ORDER BY rank, s.object_id LIMIT %s""",  # noqa: S608 - the weights are constants
                [expression, kind, limit],
            )
            return [(object_id, -rank) for object_id, rank in cursor.fetchall()]

    def _most(self, postgres, kind, words, phrase, title, limit):
        """Rows matching at least required_words() of `words`, ranked as match() says, with a score that
        orders them the same way (exact title > phrase > words matched > BM25 / ts_rank)."""
        if postgres:
            matches = "vector @@ to_tsquery('simple', %s)"
            rank = f"ts_rank('{{{POSTGRES_RANK_WEIGHTS}}}'::float4[], vector, to_tsquery('simple', %s))"
            source = "search_searchentry s"
        else:
            matches = "search_entry_fts.rowid IN (SELECT rowid FROM search_entry_fts WHERE search_entry_fts MATCH %s)"
            rank = f"-bm25(search_entry_fts, {SQLITE_WEIGHTS})"
            source = "search_entry_fts JOIN search_searchentry s ON s.id = search_entry_fts.rowid"
        needed = required_words(len(words))
        every = needed == len(words)  # one or two words: all are needed, so none needs counting
        joiner = (" & " if every else " | ") if postgres else (" AND " if every else " OR ")
        anywhere = joiner.join(f"({word})" for word in words)
        where = "s.vector @@ to_tsquery('simple', %s)" if postgres else "search_entry_fts MATCH %s"
        counted = str(len(words)) if every else " + ".join(f"CASE WHEN {matches} THEN 1 ELSE 0 END" for _word in words)
        phrased = f"CASE WHEN {matches} THEN 1 ELSE 0 END" if phrase else "0"
        sql = f"""SELECT object_id, rank, matched, exact, phrased FROM (
                SELECT s.object_id, {rank} AS rank, {counted} AS matched,
                       CASE WHEN s.title = %s THEN 1 ELSE 0 END AS exact, {phrased} AS phrased
                FROM {source} WHERE {where} AND s.kind = %s
            ) found WHERE matched >= %s
            ORDER BY exact DESC, phrased DESC, matched DESC, rank DESC, object_id LIMIT %s"""  # noqa: S608 - built from constants
        ranked = [anywhere] if postgres else []  # ts_rank takes the query again; bm25 reads the MATCH
        counts = [] if every else words
        params = [*ranked, *counts, title, *([phrase] if phrase else []), anywhere, kind, needed, limit]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        levels = len(words) + 1
        return [
            (object_id, exact * 4 * levels + phrased * 2 * levels + matched + rank / (1 + rank))
            for object_id, rank, matched, exact, phrased in rows
        ]

    def suggest(self, kind, prefix, limit=8):
        """Objects whose title has a word starting with each typed word (autocomplete)."""
        found = self.match(kind, prefix, limit=limit, require="all", fields=("title",))
        return [object_id for object_id, _score in found]

    def similar(self, kind, text, limit=5, exclude=None):
        """Objects sharing the most distinctive words with the text (the database's more-like-this).

        Any word may match; BM25 (SQLite) or ts_rank (PostgreSQL) rewards the rarer shared words.
        """
        terms = sorted(set(analyse(text)), key=lambda term: (-len(term), term))[:25]
        if not terms:
            return []
        results = self.match(kind, " ".join(terms), limit=limit + 1, require="any", typos=False)
        return [(object_id, score) for object_id, score in results if object_id != exclude][:limit]

    # ---- writing ---------------------------------------------------------------------------

    def store(self, kind, object_id, fields):
        """Write an object's analysed fields; `fields` holds raw text per field group."""
        entry, _created = SearchEntry.objects.update_or_create(
            kind=kind, object_id=object_id, defaults=analysed_fields(fields)
        )
        if connection.vendor == "postgresql":
            SearchEntry.objects.filter(pk=entry.pk).update(vector=postgres_vector())
        add_vocabulary([entry])
        return entry

    def store_many(self, kind, rows, updated=None):
        """Write many objects at once: rows of (object_id, fields). Used by search_reindex.

        The rows replace their entries in one transaction, so searches see either the old or the
        new text. `updated` stamps the entries (the rebuild's start, see indexing.rebuild).
        """
        entries = [SearchEntry(kind=kind, object_id=object_id, **analysed_fields(fields)) for object_id, fields in rows]
        ids = [entry.object_id for entry in entries]
        with transaction.atomic():
            SearchEntry.objects.filter(kind=kind, object_id__in=ids).delete()
            SearchEntry.objects.bulk_create(entries, batch_size=500)
            written = SearchEntry.objects.filter(kind=kind, object_id__in=ids)
            changes = {"updated": updated} if updated else {}
            if connection.vendor == "postgresql":
                changes["vector"] = postgres_vector()
            if changes:
                written.update(**changes)
            add_vocabulary(entries)
        return len(entries)

    def remove(self, kind, object_id):
        SearchEntry.objects.filter(kind=kind, object_id=object_id).delete()
