"""Danish text analysis for the database search backend, mirroring the Elasticsearch analyser:
lowercase → split into words → split compounds → drop stop words → Snowball Danish stemmer → ASCII folding.

Compounds: a word is indexed with the dictionary words inside it (data/compound_parts_da.txt, the list
Elasticsearch's dictionary_decompounder gets too), so `behandling` finds `alkoholbehandling`; a query
word that is a compound also finds texts that use its parts (`alkoholbehandling` finds `behandling af
alkohol`). Matching is by prefix of the analysed term, so `tegnsprog` finds `tegnsprogstolk` as well.
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
COMPOUND_PARTS = frozenset(_lines("compound_parts_da.txt"))
# As Elasticsearch's dictionary_decompounder is configured (documents.py): words of 5 letters or more are
# looked into, for parts of 3 to 15 letters, the longest at each position.
MIN_COMPOUND, MIN_PART, MAX_PART = 5, 3, 15
# Inflection a compound's last part may carry (`behandlingen`, `centrene`); the stemmer takes it off.
ENDINGS = ("", "e", "n", "r", "s", "t", "en", "er", "et", "es", "ne", "ene", "ens", "ets", "ers", "rne", "erne")
LINKS = ("", "s", "e")  # the linking letter between parts: tegnsprog-s-tolk, børn-e-have
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


@lru_cache(maxsize=200_000)
def compound_parts(word):
    """The listed words inside a lowercased word, the longest at each position, as Elasticsearch's
    dictionary_decompounder (only_longest_match) finds them: `alkoholbehandling` → ('alkohol', 'behandling')."""
    if len(word) < MIN_COMPOUND:
        return ()
    parts = []
    for start in range(len(word) - MIN_PART + 1):
        longest = next(
            (
                word[start : start + size]
                for size in range(min(MAX_PART, len(word) - start), MIN_PART - 1, -1)
                if word[start : start + size] in COMPOUND_PARTS
            ),
            None,
        )
        if longest and longest != word:
            parts.append(longest)
    return tuple(parts)


def analyse_for_index(text):
    """Text → analysed terms as the index stores them: each word's term followed by its parts' terms."""
    terms = []
    for word in words(text):
        term = analyse_word(word)
        if term:
            terms.append(term)
        for part in compound_parts(word):
            part_term = analyse_word(part)
            if part_term and part_term != term:
                terms.append(part_term)
    return terms


def _known(word):
    """Whether a word is a listed word, maybe inflected."""
    return any(word.endswith(ending) and word[: len(word) - len(ending)] in COMPOUND_PARTS for ending in ENDINGS)


@lru_cache(maxsize=20_000)
def split_compound(word):
    """A lowercased query word → the parts it is made of, each a listed word (the last maybe inflected),
    joined by a linking letter or none: `tegnsprogstolken` → ('tegnsprog', 'tolken'); () for no compound."""
    for size in range(min(MAX_PART, len(word) - MIN_PART), MIN_PART - 1, -1):
        head = word[:size]
        if head not in COMPOUND_PARTS:
            continue
        for link in LINKS:
            rest = word[size:]
            if not rest.startswith(link) or len(rest) - len(link) < MIN_PART:
                continue
            rest = rest[len(link) :]
            if _known(rest):
                return (head, rest)
            if tail := split_compound(rest):
                return (head, *tail)
    return ()


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


PHRASE, ALL_PARTS = " ", "&"  # how an alternative joins its terms: in this order, or anywhere


def query_terms(text):
    """A query → a list of alternatives per query word: [{'hjemlos', 'husvild', …}, {'ung'}].

    Each inner set is OR-ed: the word, its synonyms ("a b" is a phrase) and, for a compound, all its
    parts ("alkohol&behandl"). The backends require most of the list (see required_words).
    """
    groups = synonym_groups()
    alternatives = []
    for word in words(text):
        term = analyse_word(word)
        if not term:
            continue
        options = {term}
        for member in groups.get((term,), ()):
            options.add(PHRASE.join(member))
        parts = [analyse_word(part) for part in split_compound(word)]
        if all(parts) and len(parts) > 1:
            options.add(ALL_PARTS.join(parts))
        alternatives.append(options)
    return alternatives


def option_terms(option):
    """The terms of one alternative (a word, a phrase or a compound's parts)."""
    return option.replace(ALL_PARTS, PHRASE).split(PHRASE)


def required_words(count):
    """How many of a query's words a result must match: all of one or two, else three in four (rounded down),
    as Elasticsearch's minimum_should_match "2<75%" (MINIMUM_SHOULD_MATCH) counts."""
    return count if count <= 2 else count * 3 // 4


MINIMUM_SHOULD_MATCH = "2<75%"


def synonyms_for_elasticsearch():
    """The synonym file in Solr format for Elasticsearch's synonym_graph filter."""
    return list(_lines("synonyms.txt"))
