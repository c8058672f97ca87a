"""The search service: full-text ranking for the whole product, whichever backend answers. It knows
nothing of ideas or methods; ideabank/ideas/queries.py and search/pages.py (the search page) build on it.

* `rank(kind, q)` / `rank_ideas(q)` / `idea_ids_matching(q)` — [(id, score)] best first;
* `browse(…)` — a whole search page (hits, facets, counts, highlights) in one Elasticsearch request,
  or None where the database answers (search/pages.py then ranks and counts in the database);
* `suggestions(prefix)` — ids for the header search box; `similar(text)` — "more like this";
* `highlighter(q)` — escaped excerpts with the searched words in <mark>.
"""

import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .analysis import analyse, analyse_word, compound_parts, fold, option_terms, query_terms
from .backends import ask_elasticsearch, fell_back, reset_fallback, with_fallback  # noqa: F401 - this service's API for the layers above
from .backends.database import expand_typos
from .models import SearchEntry

MAX_MATCHES = 2000
SNIPPET_WORDS = 30


def rank(kind, query, limit=MAX_MATCHES):
    """[(id, score)] of `kind` best first; at most `limit` (facets and pages count within these)."""
    if not analyse(query):
        return []
    return with_fallback("match", kind, query, limit=limit)


def rank_ideas(query, limit=MAX_MATCHES):
    return rank(SearchEntry.Kind.IDEA, query, limit)


def idea_ids_matching(query, limit=MAX_MATCHES):
    return [object_id for object_id, _score in rank_ideas(query, limit)]


@dataclass(frozen=True)
class Filter:
    """Indexed objects whose `field` holds one of `values` (none of them, when `negate`)."""

    field: str
    values: tuple
    negate: bool = False


def browse(kinds, query, **page):
    """A search page from Elasticsearch in one request (see ElasticsearchBackend.browse for `page`), or None
    when the database is to answer: no cluster, an index from before its fields (MAPPING_VERSION), or a
    failure (then fell_back() says so)."""
    if not analyse(query):
        return None
    answered, browsed = ask_elasticsearch("browse", kinds, query, **page)
    return browsed if answered else None


def suggestions(prefix, limit):
    """Ids of the ideas whose titles start words with each typed word."""
    return with_fallback("suggest", SearchEntry.Kind.IDEA, prefix, limit=limit)


def similar(text, limit, exclude=None):
    """[(id, score)] of the ideas most like the text, the `exclude`d one left out."""
    return with_fallback("similar", SearchEntry.Kind.IDEA, text, limit=limit, exclude=exclude)


# ---- highlighting ----------------------------------------------------------------------------------


def wanted_prefixes(query, typos=True):
    """The analysed terms a query looks for, its synonyms and (with `typos`) the typo corrections."""
    alternatives = query_terms(query)
    if typos and alternatives:
        alternatives = expand_typos(alternatives)
    return {term for options in alternatives for option in options for term in option_terms(option)}


def highlighter(query):
    """A function (text, words) → highlighted excerpt, with the query analysed once for a whole page."""
    wanted = wanted_prefixes(query) if query else set()

    def mark(text, words=SNIPPET_WORDS):
        return highlight(text, query, words=words, wanted=wanted)

    def finds(text):
        """Whether the text holds a word the query looks for."""
        return bool(wanted) and any(_matches(word, wanted) for word in re.findall(r"\w+", text or ""))

    mark.finds = finds
    return mark


def highlight(text, query, words=SNIPPET_WORDS, wanted=None):
    """A short escaped excerpt of `text` around the first match, matching words wrapped in <mark>; with
    `words=None` the whole text (titles are never cut: a title that starts with "…" reads as another one)."""
    if wanted is None:
        wanted = wanted_prefixes(query, typos=False)
    wanted = tuple(wanted)
    tokens = re.split(r"(\w+)", text or "")
    verdicts = {}  # words repeat; and only the excerpt's words need a verdict once the first match is found

    def hit(i):
        token = tokens[i]
        if not (token and token[0].isalnum()):
            return False
        if token not in verdicts:
            verdicts[token] = _matches(token, wanted)
        return verdicts[token]

    if words is None:
        start, end = 0, len(tokens)
    else:
        first = next((i for i in range(len(tokens)) if hit(i)), 0)
        start = max(0, first - 10)
        end = min(len(tokens), start + words * 2)
    parts = []
    for i in range(start, end):
        token = tokens[i]
        if hit(i):
            parts.append(f"<mark>{escape(token)}</mark>")
        else:
            parts.append(escape(token))
    excerpt = "".join(parts).strip()
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(tokens) else ""
    return mark_safe(prefix + excerpt + suffix)  # noqa: S308 - every piece above is escaped


def _matches(word, wanted):
    lowered = word.lower()
    term = analyse_word(lowered)
    if not term:  # stop words are never what was searched for
        return False
    wanted = tuple(wanted)
    if term.startswith(wanted) or fold(lowered).startswith(wanted):
        return True
    return any(analyse_word(part).startswith(wanted) for part in compound_parts(lowered))
