"""Search in Elasticsearch 8 through elasticsearch-dsl: per-word multi_match with field boosts and
fuzziness, prefix sub-fields for compounds, more_like_this for similar ideas.

Each kind (ideas, method pages) lives in a concrete index (`<prefix>-ideas-<timestamp>`) reached
through an alias (`<prefix>-ideas`, `<prefix>-methods`); a rebuild fills a fresh index and swaps
the alias in one atomic step, so searches never see a half-built index.
"""

from django.conf import settings
from django.utils import timezone
from elasticsearch import Elasticsearch, NotFoundError
from elasticsearch.helpers import bulk
from elasticsearch_dsl import Index, Q, Search

from search.analysis import MINIMUM_SHOULD_MATCH, analyse_word, split_compound, words
from search.documents import DOCUMENTS

BOOSTS = [
    *("title^10", "title.prefix^4", "tags^5", "tags.prefix^2", "body^2", "body.prefix", "rest", "rest.prefix^0.5"),
    *("files^0.5", "files.prefix^0.25"),  # attached documents: below everything the idea says itself
]
# Typos: none below 4 letters, one edit up to 6, two from 7 (the database backend counts the same);
# the first two letters are taken as typed.
FUZZINESS = "AUTO:4,7"
PREFIX_LENGTH = 2
MAX_QUERY_WORDS = 32
# "Most words" ranking (as the database's): each matched word adds WORD, so more words matched rank higher
# whatever BM25 says; the query as a phrase adds more than all words together, in the title twice that.
WORD = 1000
_clients = {}
_ready = set()  # (url, alias) known to exist in this process


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
        name = f"{self.alias(kind)}-{timezone.now():%Y%m%d%H%M%S%f}"
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

    # ---- reading ---------------------------------------------------------------------------

    def _term(self, word, fields):
        """One word: fuzzy in every field, with the exact match scored on top of it."""
        fuzzy = Q(
            "multi_match",
            query=word,
            fields=fields,
            type="most_fields",
            fuzziness=FUZZINESS,
            prefix_length=PREFIX_LENGTH,
            zero_terms_query="all",
        )
        exact = Q("multi_match", query=word, fields=fields, type="most_fields", zero_terms_query="all")
        return Q("bool", must=[fuzzy], should=[exact])

    def _word(self, word, fields):
        """One query word; a compound is also found where all its parts are (`alkoholbehandling` in
        "behandling af alkohol"). The index holds each compound's parts, so the reverse needs nothing here."""
        whole = self._term(word, fields)
        parts = split_compound(word)
        if not parts:
            return whole
        return Q("bool", should=[whole, Q("bool", must=[self._term(part, fields) for part in parts])])

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
