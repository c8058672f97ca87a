"""Danish text analysis for the database search backend, mirroring the Elasticsearch analyser:
lowercase → split into words → drop stop words → Snowball Danish stemmer → ASCII folding.

Matching is by prefix of the analysed term, so a query for `alkohol` also finds
`alkoholbehandling` and `tegnsprog` finds `tegnsprogstolk` (Danish compounds put the head last).
"""

import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path

import snowballstemmer

DATA = Path(__file__).resolve().parent / "data"
WORD = re.compile(r"\w+", re.UNICODE)
# Æ, Ø and Å have no Unicode decomposition; fold them the way Elasticsearch's asciifolding does.
FOLD = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ß": "ss"})
MIN_PREFIX = 3


def _lines(name):
    text = (DATA / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


STOP_WORDS = frozenset(_lines("stopwords_da.txt"))
_stemmer = snowballstemmer.stemmer("danish")


def fold(word):
    decomposed = unicodedata.normalize("NFKD", word.translate(FOLD))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@lru_cache(maxsize=200_000)  # bounded: a full reindex meets every word ever written
def analyse_word(word):
    """One lowercased word → its folded stem, or '' for a stop word."""
    if word in STOP_WORDS:
        return ""
    return fold(_stemmer.stemWord(word))


def words(text):
    return WORD.findall((text or "").lower())


def analyse(text):
    """Text → the list of analysed terms, in order (stop words dropped)."""
    return [term for term in (analyse_word(word) for word in words(text)) if term]


@cache
def synonym_groups():
    """Each word's group of synonyms, as analysed terms (multi-word entries become phrases)."""
    groups = {}
    for line in _lines("synonyms.txt"):
        members = [tuple(analyse(entry)) for entry in line.split(",")]
        members = [member for member in members if member]
        for member in members:
            groups.setdefault(member, set()).update(members)
    return groups


def query_terms(text):
    """A query → a list of alternatives per query word: [{'hjemlos', 'husvild', …}, {'ung'}].

    Each inner set is OR-ed (synonyms), the list is AND-ed.
    """
    groups = synonym_groups()
    alternatives = []
    for term in analyse(text):
        options = {term}
        for member in groups.get((term,), ()):
            options.add(" ".join(member))
        alternatives.append(options)
    return alternatives


def synonyms_for_elasticsearch():
    """The synonym file in Solr format for Elasticsearch's synonym_graph filter."""
    return list(_lines("synonyms.txt"))
