"""Search in Elasticsearch 8 through elasticsearch-dsl: per-word multi_match with field boosts and
fuzziness, prefix sub-fields for compounds, more_like_this for similar ideas.

Each kind (ideas, method pages) lives in a concrete index (`<prefix>-ideas-<timestamp>`) reached
through an alias (`<prefix>-ideas`, `<prefix>-methods`); a rebuild fills a fresh index and swaps
the alias in one atomic step, so searches never see a half-built index.
"""

import time

from django.conf import settings
from django.utils import timezone
from elasticsearch import Elasticsearch, NotFoundError
from elasticsearch.helpers import bulk
from elasticsearch_dsl import Index, Q, Search

from search.analysis import MINIMUM_SHOULD_MATCH, analyse_word, split_compound, words
from search.documents import DOCUMENTS, MAPPING_VERSION

BOOSTS = [
    *("title^10", "title.prefix^4", "tags^5", "tags.prefix^2", "body^2", "body.prefix", "rest", "rest.prefix^0.5"),
    *("files^0.5", "files.prefix^0.25"),  # attached documents: below everything the idea says itself
]
# Typos: none below 4 letters, one edit up to 6, two from 7 (the database backend counts the same);
# the first two letters are taken as typed.
FUZZINESS = "AUTO:4,7"
PREFIX_LENGTH = 2
FUZZY_FIELDS = ("title", "title.prefix", "tags", "tags.prefix", "body", "rest", "files")
MAX_QUERY_WORDS = 32
# "Most words" ranking (as the database's): each matched word adds WORD, so more words matched rank higher
# whatever BM25 says; the query as a phrase adds more than all words together, in the title twice that.
WORD = 1000
# Elasticsearch pages by from/size up to its max_result_window; deeper pages are reached with search_after.
MAX_WINDOW = 10_000
HIGHLIGHT = {"pre_tags": ["<mark>"], "post_tags": ["</mark>"], "encoder": "html", "require_field_match": False}
SNIPPET_CHARACTERS = 220
_clients = {}
_ready = set()  # (url, alias) known to exist in this process
_current = {}  # (url, alias) → whether its index has MAPPING_VERSION, or the monotonic time to ask again


def client():
    """One client per ELASTICSEARCH_URL, which may name several nodes of a cluster (comma-separated): a request
    that cannot reach one node is tried once on each of the others, and the dead node is left alone a while."""
    url = settings.ELASTICSEARCH_URL
    if url not in _clients:
        nodes = [node.strip() for node in url.split(",") if node.strip()]
        _clients[url] = Elasticsearch(nodes, request_timeout=5, retry_on_timeout=False, max_retries=len(nodes) - 1)
    return _clients[url]


def query_words(text):
    """The query's words without stop words: a word the analyser drops must not make an AND fail."""
    return [word for word in words(text) if analyse_word(word)][:MAX_QUERY_WORDS]


class ElasticsearchBackend:
    name = "elasticsearch"

    # ---- indices ---------------------------------------------------------------------------

    def alias(self, kind):
        return DOCUMENTS[kind].index_name()

    def index(self, name, kind):
        document = DOCUMENTS[kind]
        index = Index(name, using=client())
        index.document(document)
        index.settings(**document.Index.settings, number_of_replicas=settings.SEARCH_INDEX_REPLICAS)
        return index

    def create_index(self, kind, bulk_loading=False):
        """A new, empty concrete index for `kind` (not yet behind the alias); returns its name."""
        name = f"{self.alias(kind)}-v{MAPPING_VERSION}-{timezone.now():%Y%m%d%H%M%S%f}"
        index = self.index(name, kind)
        if bulk_loading:
            index.settings(refresh_interval="-1")
        index.create()
        return name

    def ensure_index(self, kind, recreate=False):
        """Make sure the alias points at an index (a fresh empty one with `recreate`); returns the alias."""
        if recreate or not client().indices.exists(index=self.alias(kind)):
            self.swap(kind, self.create_index(kind))
        return self.alias(kind)

    def swap(self, kind, name):
        """Point the alias at the index `name` atomically, then delete the indices it pointed at."""
        alias = self.alias(kind)
        indices = client().indices
        actions = [{"add": {"index": name, "alias": alias}}]
        old = []
        if indices.exists_alias(name=alias):
            old = [index for index in indices.get_alias(name=alias) if index != name]
            actions = [{"remove": {"index": index, "alias": alias}} for index in old] + actions
        elif indices.exists(index=alias):
            # A concrete index under the alias's name (an older layout) goes in the same atomic step.
            actions.append({"remove_index": {"index": alias}})
        indices.put_settings(index=name, settings={"index": {"refresh_interval": None}})
        indices.refresh(index=name)
        indices.update_aliases(actions=actions)
        for index in old:
            indices.delete(index=index, ignore_unavailable=True)

    def _search(self, kind):
        return Search(using=client(), index=self.alias(kind))

    def current(self, kind):
        """Whether the alias points at an index with this code's fields (asked once, or once a minute while not)."""
        key = (settings.ELASTICSEARCH_URL, self.alias(kind))
        known = _current.get(key)
        if known is True or (known is not None and known > time.monotonic()):
            return known is True
        try:
            names = list(client().indices.get_alias(name=self.alias(kind)))
        except NotFoundError:
            names = []
        fresh = bool(names) and all(f"-v{MAPPING_VERSION}-" in name for name in names)
        _current[key] = True if fresh else time.monotonic() + 60
        return fresh

    # ---- reading ---------------------------------------------------------------------------

    def _term(self, word, fields):
        """One word: exactly in every field, or with a typo in the whole-word fields and the titles' and tags'
        prefixes (a fuzzy query over the long texts' prefix n-grams costs half the search for little gain)."""
        fuzzy = Q(
            "multi_match",
            query=word,
            fields=[name for name in fields if name.split("^")[0] in FUZZY_FIELDS],
            type="most_fields",
            fuzziness=FUZZINESS,
            prefix_length=PREFIX_LENGTH,
            zero_terms_query="all",
        )
        exact = Q("multi_match", query=word, fields=fields, type="most_fields", zero_terms_query="all")
        return Q("bool", should=[fuzzy, exact], minimum_should_match=1)

    def _word(self, word, fields):
        """One query word; a compound is also found where all its parts are (`alkoholbehandling` in
        "behandling af alkohol"). The index holds each compound's parts, so the reverse needs nothing here."""
        whole = self._term(word, fields)
        parts = split_compound(word)
        if not parts:
            return whole
        apart = Q("bool", must=[self._term(part, fields) for part in parts])
        # The compound itself ranks above its parts apart, whichever fields hold them.
        whole = Q("bool", must=[whole], should=[Q("match_all", boost=WORD / 2)])
        return Q("bool", should=[whole, apart], minimum_should_match=1)

    def query(self, text, require="most"):
        """The query for `text`: "most" of its words (minimum_should_match, as the database counts), "all"
        or "any"; with "most", more words matched rank higher, and the words as a phrase higher still."""
        found = query_words(text)
        clauses = [self._word(word, BOOSTS) for word in found]
        if not clauses:
            return None
        if require == "any":
            return Q("bool", should=clauses, minimum_should_match=1)
        if require == "all":
            return Q("bool", must=clauses)
        counted = [Q("bool", must=[clause], should=[Q("match_all", boost=WORD)]) for clause in clauses]
        query = Q("bool", should=counted, minimum_should_match=MINIMUM_SHOULD_MATCH)
        if len(found) < 2:
            return query
        phrase = " ".join(found)
        bonus = WORD * (len(found) + 1)
        return Q(
            "bool",
            must=[query],
            should=[
                Q("constant_score", filter=Q("match", title__exact=text.strip()), boost=4 * bonus),
                Q("constant_score", filter=Q("match_phrase", title=phrase), boost=2 * bonus),
                Q("constant_score", filter=Q("match_phrase", body=phrase), boost=bonus),
                Q("match_phrase", title=phrase),  # the shorter the title around the phrase, the higher
            ],
        )

    def match(self, kind, text, limit=2000, require="most"):
        """[(id, score)] best first. Each word may be found in a different field, as in the database."""
        query = self.query(text, require)
        if query is None:
            return []
        return self._ranked(kind, self._search(kind).query(query).source(False)[:limit])

    def _ranked(self, kind, search):
        """[(id, score)] of a search, read from the plain JSON answer: elasticsearch-dsl's response objects
        for 2 000 hits cost some 35 ms of CPU per search, the plain answer next to nothing."""
        answer = client().search(
            index=self.alias(kind), body=search.to_dict(), filter_path=["hits.hits._id", "hits.hits._score"]
        )
        return [(int(hit["_id"]), hit["_score"]) for hit in answer.get("hits", {}).get("hits", [])]

    def browse(self, kinds, text, *, listed, base, filters, facets, sort, offset, size, highlight=(), counted=()):
        """A whole search page in one request (search_after walks to pages past MAX_WINDOW first).

        `kinds` are searched, `listed` of them are listed and counted in the facets, `counted` are counted
        per kind. `base` [Filter] always applies; `filters` {name: [Filter]} narrow the list and every
        facet but their own name's; `facets` {name: (field, size)}. `sort`: "relevance", "newest", or None
        for ids only (up to `size`, best first, no highlights). Answers a Browsed.
        """
        if not all(self.current(kind) for kind in kinds):
            return None
        query = self.query(text)
        if query is None:
            return Browsed(0, [], {}, {})
        kind_filter = [terms("kind", listed)]
        body = {
            "query": Q("bool", must=[query], filter=[clause(f) for f in base]).to_dict(),
            "post_filter": Q(
                "bool", filter=kind_filter + [named(alternatives) for alternatives in filters.values()]
            ).to_dict(),
            "aggs": {
                f"facet_{name}": {
                    "filter": Q(
                        "bool", filter=kind_filter + [named(alt) for other, alt in filters.items() if other != name]
                    ).to_dict(),
                    "aggs": {"values": {"terms": {"field": field, "size": facet_size}}},
                }
                for name, (field, facet_size) in facets.items()
            },
            "_source": ["kind"],
            "track_total_hits": True,
            "track_scores": True,
            "sort": SORTS[sort or "relevance"],
        }
        if counted:
            everything = [terms("kind", counted)] + [named(alternatives) for alternatives in filters.values()]
            body["aggs"]["kinds"] = {
                "filter": Q("bool", filter=everything).to_dict(),
                "aggs": {"values": {"terms": {"field": "kind"}}},
            }
        if sort and highlight:
            # The words alone: the phrase and exact-title clauses would mark stop words and whole titles.
            words = Q("bool", should=[self._word(word, BOOSTS) for word in query_words(text)])
            body["highlight"] = {
                **HIGHLIGHT,
                "highlight_query": words.to_dict(),
                "fields": {name: highlight_field(name) for name in highlight},
            }
        indices = ",".join(self.alias(kind) for kind in kinds)
        if sort and offset + size > MAX_WINDOW:
            body["search_after"] = self._sort_values_at(indices, body, offset)
        else:
            body["from"] = offset
        body["size"] = size
        answer = client().search(index=indices, body=body)
        return Browsed.read(answer)

    def _sort_values_at(self, indices, body, offset):
        """The sort values of the hit just before `offset`, walking MAX_WINDOW hits at a time."""
        walk = {key: body[key] for key in ("query", "post_filter", "sort")}
        after = None
        position = 0
        while position < offset:
            step = min(MAX_WINDOW, offset - position)
            page = {**walk, "size": step, "_source": False, **({"search_after": after} if after else {})}
            hits = (
                client()
                .search(index=indices, body=page, filter_path=["hits.hits.sort"])
                .get("hits", {})
                .get("hits", [])
            )
            if not hits:
                break
            after = hits[-1]["sort"]
            position += len(hits)
        return after

    def suggest(self, kind, prefix, limit=8):
        """Ids whose title has a word starting with each typed word (autocomplete)."""
        clauses = [
            Q("multi_match", query=word, fields=["title.prefix", "title^2"], zero_terms_query="all")
            for word in query_words(prefix)
        ]
        if not clauses:
            return []
        search = self._search(kind).query(Q("bool", must=clauses)).source(False)[:limit]
        return [int(hit.meta.id) for hit in search.execute()]

    def similar(self, kind, text, limit=5, exclude=None):
        query = Q(
            "more_like_this",
            fields=["title", "tags", "body"],
            like=text,
            min_term_freq=1,
            min_doc_freq=1,
            max_query_terms=25,
            minimum_should_match="10%",
        )
        search = self._search(kind).query(query).source(False)[: limit + 1]
        hits = [(int(hit.meta.id), hit.meta.score) for hit in search.execute()]
        return [(pk, score) for pk, score in hits if pk != exclude][:limit]

    # ---- writing ---------------------------------------------------------------------------

    def ensure_index_once(self, kind):
        """Create the index before the first write, so Elasticsearch never invents one without the analyser."""
        key = (settings.ELASTICSEARCH_URL, self.alias(kind))
        if key not in _ready:
            self.ensure_index(kind)
            _ready.add(key)

    def store(self, kind, object_id, source):
        """Write one document: `source` is its field groups and status (search.indexing.source)."""
        self.ensure_index_once(kind)
        document = DOCUMENTS[kind](meta={"id": object_id}, **source)
        document.save(using=client(), index=self.alias(kind), refresh=settings.SEARCH_REFRESH)

    def remove(self, kind, object_id):
        try:
            client().delete(index=self.alias(kind), id=object_id, refresh=settings.SEARCH_REFRESH)
        except NotFoundError:
            pass

    def bulk_store(self, kind, rows, index=None):
        """Send many documents at once: rows of (object_id, source). Into `index`, or the live alias."""
        target = index or self.alias(kind)
        actions = ({"_index": target, "_id": object_id, "_source": source} for object_id, source in rows)
        bulk(client().options(request_timeout=60), actions, chunk_size=500, refresh=False)

    def refresh(self, kind):
        client().indices.refresh(index=self.alias(kind))


# ---- one search page in one request ---------------------------------------------------------------------

# Every order ends on (kind, object_id): unique, so search_after never skips or repeats a hit.
TIEBREAK = [{"kind": "asc"}, {"object_id": "asc"}]
SORTS = {
    "relevance": [{"_score": "desc"}, *TIEBREAK],
    "newest": [
        {"published_at": {"order": "desc", "missing": "_last"}},
        {"created": "desc"},
        {"object_id": "desc"},
        {"kind": "asc"},
    ],
}


def terms(field, values):
    return Q("terms", **{field: list(values)})


def clause(condition):
    """A service.Filter as a query: the field holds one of the values (none, when negated)."""
    found = terms(condition.field, condition.values)
    return Q("bool", must_not=[found]) if condition.negate else found


def named(alternatives):
    """One filter of the page: any of its conditions (none at all matches nothing)."""
    if not alternatives:
        return Q("match_none")
    return Q("bool", should=[clause(condition) for condition in alternatives], minimum_should_match=1)


def highlight_field(name):
    if name == "title":
        return {"number_of_fragments": 0}
    return {"fragment_size": SNIPPET_CHARACTERS, "number_of_fragments": 1, "no_match_size": 0}


class Browsed:
    """What browse() found: `total` listed hits, `hits` [(kind, id, score, {field: highlighted html})],
    `facets` {name: {value: count}} and `kinds` {kind: count}."""

    def __init__(self, total, hits, facets, kinds):
        self.total = total
        self.hits = hits
        self.facets = facets
        self.kinds = kinds

    @classmethod
    def read(cls, answer):
        aggregations = answer.get("aggregations", {})
        facets = {
            name.removeprefix("facet_"): {bucket["key"]: bucket["doc_count"] for bucket in agg["values"]["buckets"]}
            for name, agg in aggregations.items()
            if name.startswith("facet_")
        }
        kinds = {}
        if "kinds" in aggregations:
            kinds = {bucket["key"]: bucket["doc_count"] for bucket in aggregations["kinds"]["values"]["buckets"]}
        hits = [
            (
                hit["_source"]["kind"],
                int(hit["_id"]),
                hit.get("_score"),
                {field: fragments[0] for field, fragments in hit.get("highlight", {}).items() if fragments},
            )
            for hit in answer["hits"]["hits"]
        ]
        return cls(answer["hits"]["total"]["value"], hits, facets, kinds)
