"""Search in Elasticsearch 8 through elasticsearch-dsl: multi_match with field boosts and fuzziness,
prefix sub-fields for compounds, more_like_this for similar ideas."""

from django.conf import settings
from elasticsearch import Elasticsearch, NotFoundError
from elasticsearch_dsl import Index, Q, Search

from search.documents import DOCUMENTS

BOOSTS = ["title^10", "title.prefix^4", "tags^5", "tags.prefix^2", "body^2", "body.prefix", "rest", "rest.prefix^0.5"]
_clients = {}


def client():
    url = settings.ELASTICSEARCH_URL
    if url not in _clients:
        _clients[url] = Elasticsearch(url, request_timeout=5, retry_on_timeout=False, max_retries=0)
    return _clients[url]


class ElasticsearchBackend:
    name = "elasticsearch"

    def index(self, kind):
        document = DOCUMENTS[kind]
        index = Index(document.index_name(), using=client())
        index.document(document)
        index.settings(**document.Index.settings)
        return index

    def ensure_index(self, kind, recreate=False):
        index = self.index(kind)
        if recreate and index.exists():
            index.delete()
        if not index.exists():
            index.create()
        return index

    def _search(self, kind):
        return Search(using=client(), index=DOCUMENTS[kind].index_name())

    # ---- reading ---------------------------------------------------------------------------

    def match(self, kind, text, limit=2000, any_word=False):
        query = Q(
            "multi_match",
            query=text,
            fields=BOOSTS,
            type="most_fields",
            operator="or" if any_word else "and",
            fuzziness="AUTO",
            prefix_length=1,
        )
        # Typo tolerance must not outrank exact words: the exact match is scored on top.
        exact = Q("multi_match", query=text, fields=BOOSTS, type="most_fields", operator="and")
        search = self._search(kind).query(Q("bool", must=[query], should=[exact])).source(False)[:limit]
        return [(int(hit.meta.id), hit.meta.score) for hit in search.execute()]

    def suggest(self, kind, prefix, limit=8):
        query = Q("multi_match", query=prefix, fields=["title.prefix", "title^2"], operator="and")
        search = self._search(kind).query(query).source(False)[:limit]
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

    def store(self, kind, object_id, fields, obj=None):
        document = DOCUMENTS[kind](meta={"id": object_id}, status=getattr(obj, "status", ""), **fields)
        document.save(using=client(), index=DOCUMENTS[kind].index_name(), refresh=settings.SEARCH_REFRESH)

    def remove(self, kind, object_id):
        try:
            client().delete(index=DOCUMENTS[kind].index_name(), id=object_id, refresh=settings.SEARCH_REFRESH)
        except NotFoundError:
            pass

    def bulk_store(self, kind, rows):
        """rows: iterable of (object_id, fields) — used by search_reindex."""
        from elasticsearch.helpers import bulk

        index_name = DOCUMENTS[kind].index_name()
        actions = ({"_index": index_name, "_id": object_id, "_source": fields} for object_id, fields in rows)
        bulk(client(), actions, chunk_size=500, refresh=False)
        client().indices.refresh(index=index_name)
