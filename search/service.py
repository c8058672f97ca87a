"""The search service: one entry point for every search in the product, whichever backend answers.

* `idea_ids_matching(q)` / `rank_ideas(q)` — the full-text part of the idea list and `GET /api/v1/ideas`;
* `search(user, params, kind)` + `hits(…)` — the search page and `GET /api/v1/search` (ideas and, later,
  methods) with highlighted snippets;
* `autocomplete(prefix)` — the header search box;
* `similar_ideas(title, problem)` — "Findes din idé allerede?" while writing, and on each idea page.
"""

import re
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .analysis import analyse, analyse_word, fold, query_terms
from .backends import fell_back, reset_fallback, with_fallback
from .models import SearchEntry

MAX_MATCHES = 2000
SNIPPET_WORDS = 30
TITLE_WORDS = 60
KINDS = ("all", "idea", "method")
MAX_SIMILAR_TEXT = 5000  # characters of title + problem looked at; more adds nothing but cost


def rank_ideas(query, limit=MAX_MATCHES):
    """[(idea id, score)] best first; at most `limit` (facets and pages count within these)."""
    if not analyse(query):
        return []
    return with_fallback("match", SearchEntry.Kind.IDEA, query, limit=limit)


def idea_ids_matching(query, limit=MAX_MATCHES):
    return [object_id for object_id, _score in rank_ideas(query, limit)]


# ---- the search page and GET /api/v1/search ----------------------------------------------------


@dataclass
class Hit:
    """One search result as pages and the API show it; `title` and `snippet` are escaped HTML with <mark>."""

    type: str
    object: object
    score: float | None
    title: str
    snippet: str
    url: str


@dataclass
class SearchResults:
    """What a search found: `items` (a sequence a Paginator can slice), facets, and how it was answered."""

    filters: object
    kind: str
    items: object
    facets: dict
    scores: dict = field(default_factory=dict)
    fell_back: bool = False

    def hits(self, page_items):
        """The page's objects as Hits, with highlighted title and snippet."""
        mark = highlighter(self.filters.q)
        return [
            Hit(
                type="idea",
                object=idea,
                score=self.scores.get(idea.pk),
                title=mark(idea.title, TITLE_WORDS),
                snippet=mark(f"{idea.problem}\n{idea.solution}", SNIPPET_WORDS),
                url=idea.get_absolute_url(),
            )
            for idea in page_items
        ]


def search(user, params, kind="all"):
    """Search ideas (and, once they exist, method pages) with the list's filters, sorts and facets.

    `params` is a query dict (q, sort and the filters of ideabank.ideas.queries.IdeaFilters). Method
    pages come with the methods issue: `kind="method"` finds nothing yet, `"all"` finds ideas.
    """
    from ideabank.ideas import queries

    reset_fallback()
    filters = queries.IdeaFilters.from_query(params)
    if kind == "method":
        return SearchResults(filters, kind, [], {}, fell_back=False)
    items = queries.list_ideas(user, filters)
    facets = queries.facets(user, filters)
    return SearchResults(filters, kind, items, facets, scores=dict(filters.ranked), fell_back=fell_back())


# ---- similar ideas and autocomplete --------------------------------------------------------------


def similar_ideas(title="", problem="", limit=5, exclude=None):
    """Published ideas most like the given text, as [(idea, score)]."""
    from ideabank.ideas.models import Idea

    text = f"{title} {title} {problem}"[:MAX_SIMILAR_TEXT]  # the title counts double, as in the index
    if len(analyse(text)) < 2:
        return []
    # Archived and other ideas share the index: ask for more, keep the published ones.
    ranked = with_fallback("similar", SearchEntry.Kind.IDEA, text, limit=limit * 3, exclude=exclude)
    ideas = (
        Idea.objects.filter(pk__in=[pk for pk, _s in ranked], status=Idea.Status.PUBLISHED)
        .select_related("organisation")
        .in_bulk()
    )
    return [(ideas[pk], score) for pk, score in ranked if pk in ideas][:limit]


def autocomplete(prefix, limit=8):
    """Public ideas whose titles start words with what was typed, for the header search box."""
    from ideabank.ideas.models import Idea

    prefix = prefix.strip()[:100]
    if len(prefix) < 2 or not analyse(prefix):
        return []
    ids = with_fallback("suggest", SearchEntry.Kind.IDEA, prefix, limit=limit * 2)
    ideas = Idea.objects.filter(pk__in=ids, status__in=[Idea.Status.PUBLISHED, Idea.Status.ARCHIVED]).in_bulk()
    return [ideas[pk] for pk in ids if pk in ideas][:limit]


# ---- highlighting ----------------------------------------------------------------------------------


def wanted_prefixes(query, typos=True):
    """The analysed terms a query looks for, its synonyms and (with `typos`) the typo corrections."""
    alternatives = query_terms(query)
    if typos and alternatives:
        from .backends.database import expand_typos

        alternatives = expand_typos(alternatives)
    return {term for options in alternatives for option in options for term in option.split()}


def highlighter(query):
    """A function (text, words) → highlighted excerpt, with the query analysed once for a whole page."""
    wanted = wanted_prefixes(query) if query else set()

    def mark(text, words=SNIPPET_WORDS):
        return highlight(text, query, words=words, wanted=wanted)

    return mark


def highlight(text, query, words=SNIPPET_WORDS, wanted=None):
    """A short escaped excerpt of `text` around the first match, matching words wrapped in <mark>."""
    if wanted is None:
        wanted = wanted_prefixes(query, typos=False)
    tokens = re.split(r"(\w+)", text or "")
    hits = {i for i, token in enumerate(tokens) if token and token[0].isalnum() and _matches(token, wanted)}
    start = max(0, (min(hits) if hits else 0) - 10)
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
    term = analyse_word(word.lower())
    if not term:  # stop words are never what was searched for
        return False
    return any(term.startswith(prefix) or fold(word.lower()).startswith(prefix) for prefix in wanted)
