"""Elasticsearch documents (elasticsearch-dsl), with the shared Danish analyser.

The analyser mirrors search/analysis.py: lowercase, compound parts (the same word list), Danish stop
words (the same list), Danish Snowball stemmer, ASCII folding — and, at query time only, the curated
synonyms. The synonyms come last, so their rules go through the same chain and `hjemløse` (stem
`hjemlos`) finds `husvild` as the database backend's stem-based synonym groups do. Index names carry the environment's
prefix (SEARCH_INDEX_PREFIX), so test, staging and production can share a cluster.
"""

from django.conf import settings
from elasticsearch_dsl import Date, Document, Keyword, Long, Text, analyzer, normalizer, token_filter, tokenizer

from .analysis import COMPOUND_PARTS, MAX_PART, MIN_COMPOUND, MIN_PART, STOP_WORDS, synonyms_for_elasticsearch

danish_stop = token_filter("danish_stop", "stop", stopwords=sorted(STOP_WORDS))
danish_stemmer = token_filter("danish_stemmer", "stemmer", language="danish")
danish_synonyms = token_filter("danish_synonyms", "synonym_graph", synonyms=synonyms_for_elasticsearch(), lenient=True)
prefix_ngrams = token_filter("prefix_ngrams", "edge_ngram", min_gram=3, max_gram=20)
# Compounds: each word is indexed with the listed words inside it too (search/analysis.py splits the same way
# for the database and splits compound query words). The list travels in the index settings, as the stop
# words and synonyms do, so every node of any cluster has it without a file in its config directory.
danish_compounds = token_filter(
    "danish_compounds",
    "dictionary_decompounder",
    word_list=sorted(COMPOUND_PARTS),
    min_word_size=MIN_COMPOUND,
    min_subword_size=MIN_PART,
    max_subword_size=MAX_PART,
    only_longest_match=True,
)

danish = analyzer(
    "danish_text",
    tokenizer="standard",
    filter=["lowercase", danish_compounds, danish_stop, danish_stemmer, "asciifolding"],
)
danish_search = analyzer(
    "danish_search",
    tokenizer="standard",
    filter=["lowercase", danish_stop, danish_stemmer, "asciifolding", danish_synonyms],
)
# Compounds: indexing the leading parts of each stem lets `alkohol` find `alkoholbehandling`.
danish_prefixes = analyzer(
    "danish_prefixes",
    tokenizer=tokenizer("standard"),
    filter=["lowercase", danish_stop, danish_stemmer, "asciifolding", prefix_ngrams],
)


# The whole title as one term, so a query that is exactly a title can rank that idea first.
folded = normalizer("folded", filter=["lowercase", "asciifolding"])


def danish_text(exact=False, **kwargs):
    fields = {"prefix": Text(analyzer=danish_prefixes, search_analyzer=danish_search)}
    if exact:
        fields["exact"] = Keyword(normalizer=folded, ignore_above=500)
    return Text(analyzer=danish, search_analyzer=danish_search, fields=fields, **kwargs)


# Raised whenever the fields below change: an index of an older version (until `search_reindex` has built a
# new one) is still searched for ids, but the search page counts and filters in the database then.
MAPPING_VERSION = 2


class SearchDocument(Document):
    """What Elasticsearch holds of a searchable object: its text per boosted field group (title > tags >
    body > rest, see backends/elasticsearch.py), and what the search page filters, counts and sorts by,
    named as its filters are (search/indexing.py `filterable`), so one request answers a whole search page.
    Each kind subclasses it with its own index."""

    title = danish_text(exact=True)
    tags = danish_text()
    body = danish_text()
    rest = danish_text()
    files = danish_text()
    kind = Keyword()
    object_id = Long()
    status = Keyword()
    stage = Keyword()
    target_group = Keyword(multi=True)
    theme = Keyword(multi=True)
    tag = Keyword(multi=True)
    tag_name = Keyword(multi=True)
    organisation = Keyword()
    municipality = Keyword()
    region = Keyword()
    published_at = Date()
    created = Date()

    class Index:
        settings = {"number_of_shards": 1}  # replicas: SEARCH_INDEX_REPLICAS (one per extra node)


class IdeaDocument(SearchDocument):
    """An idea: title, tags, problem + solution, the rest (context, results, vocabularies, organisation), and
    the text of its attached files."""

    @classmethod
    def index_name(cls):
        return f"{settings.SEARCH_INDEX_PREFIX}-ideas"


class MethodDocument(SearchDocument):
    """A published method page: title, tags, summary + problem + description, and the rest (theory of
    change, goals, vocabularies, research titles). The same fields and analysers as an idea, so one
    query scores both alike."""

    @classmethod
    def index_name(cls):
        return f"{settings.SEARCH_INDEX_PREFIX}-methods"


DOCUMENTS = {"idea": IdeaDocument, "method": MethodDocument}
