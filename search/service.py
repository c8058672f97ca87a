"""The search service: one entry point for every search in the product, whichever backend answers.

* `idea_ids_matching(q)` / `rank_ideas(q)` — the full-text part of the idea list and `GET /api/v1/ideas`;
* `search(q, …)` — the search page and `GET /api/v1/search` (ideas and, later, methods) with snippets;
* `autocomplete(prefix)` — the header search box;
* `similar_ideas(title, problem)` — "Findes din idé allerede?" while writing, and on each idea page.
"""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .analysis import analyse, analyse_word, fold, query_terms
from .backends import with_fallback
from .models import SearchEntry

MAX_MATCHES = 2000
SNIPPET_WORDS = 30


def rank_ideas(query, limit=MAX_MATCHES):
    """[(idea id, score)] best first; at most `limit` (facets and pages count within these)."""
    if not analyse(query):
        return []
    return with_fallback("match", SearchEntry.Kind.IDEA, query, limit=limit)


def idea_ids_matching(query, limit=MAX_MATCHES):
    return [object_id for object_id, _score in rank_ideas(query, limit)]


def similar_ideas(title="", problem="", limit=5, exclude=None):
    """Published ideas most like the given text, as [(idea, score)]."""
    from ideabank.ideas.models import Idea

    text = f"{title} {title} {problem}"  # the title counts double, as in the index
    if len(analyse(text)) < 2:
        return []
    ranked = with_fallback("similar", SearchEntry.Kind.IDEA, text, limit=limit, exclude=exclude)
    ideas = Idea.objects.filter(pk__in=[pk for pk, _s in ranked], status=Idea.Status.PUBLISHED).in_bulk()
    return [(ideas[pk], score) for pk, score in ranked if pk in ideas]


def autocomplete(prefix, limit=8):
    """Titles of published ideas for the header search box."""
    from ideabank.ideas.models import Idea

    if len(prefix.strip()) < 2:
        return []
    ids = with_fallback("suggest", SearchEntry.Kind.IDEA, prefix, limit=limit)
    ideas = Idea.objects.filter(pk__in=ids, status=Idea.Status.PUBLISHED).in_bulk()
    return [ideas[pk] for pk in ids if pk in ideas]


def highlight(text, query, words=SNIPPET_WORDS):
    """A short escaped excerpt of `text` around the first match, matching words wrapped in <mark>."""
    wanted = {term for options in query_terms(query) for option in options for term in option.split()}
    tokens = re.split(r"(\w+)", text or "")
    hits = [i for i, token in enumerate(tokens) if token and token[0].isalnum() and _matches(token, wanted)]
    start = max(0, (hits[0] if hits else 0) - 10)
    end = min(len(tokens), start + words * 2)
    parts = []
    for i in range(start, end):
        token = tokens[i]
        if i in hits:
            parts.append(f"<mark>{escape(token)}</mark>")
        else:
            parts.append(escape(token))
    excerpt = "".join(parts).strip()
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(tokens) else ""
    return mark_safe(prefix + excerpt + suffix)  # noqa: S308 - every piece above is escaped


def _matches(word, wanted):
    term = analyse_word(word.lower()) or fold(word.lower())
    return any(term.startswith(prefix) for prefix in wanted)
