"""The search service: one entry point for every search in the product, whichever backend answers.

* `idea_ids_matching(q)` / `rank_ideas(q)` — the full-text part of the idea list and `GET /api/v1/ideas`;
* `search(user, params, kind)` + `hits(…)` — the search page and `GET /api/v1/search`: ideas, method
  pages, or both in one list (search/listing.py), with highlighted snippets and facets;
* `autocomplete(prefix)` — the header search box;
* `similar_ideas(title, problem)` — "Findes din idé allerede?" while writing, and on each idea page.
"""

import hashlib
import re
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from .analysis import analyse, analyse_word, compound_parts, fold, option_terms, query_terms
from .backends import fell_back, reset_fallback, with_fallback
from .backends.database import remembering_typos
from .models import SearchEntry

MAX_MATCHES = 2000
SNIPPET_WORDS = 30
KINDS = ("all", "idea", "method")
MAX_SIMILAR_TEXT = 5000  # characters of title + problem looked at; more adds nothing but cost


def rank(kind, query, limit=MAX_MATCHES):
    """[(id, score)] of `kind` best first; at most `limit` (facets and pages count within these)."""
    if not analyse(query):
        return []
    return with_fallback("match", kind, query, limit=limit)


def rank_ideas(query, limit=MAX_MATCHES):
    return rank(SearchEntry.Kind.IDEA, query, limit)


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


def kind_of(obj):
    """The kind of an object in search results: "idea" or "method"."""
    return SearchEntry.Kind.METHOD if obj._meta.model_name == "methodpage" else SearchEntry.Kind.IDEA


def method_text(method):
    """A method's summary, problem and description as plain text: what its snippet is cut from."""
    from .indexing import rich_text

    description = method._meta.get_field("description").get_searchable_content(method.description)
    return "\n".join([method.summary, rich_text(method.problem), *description])


@dataclass
class SearchResults:
    """What a search found: `items` (a sequence a Paginator can slice), facets, and how it was answered.

    `scores` and `method_scores` map ids to relevance for ideas and method pages (their ids may collide).
    `counts` (when asked for) says how many ideas and methods match, for the page's "Idéer / Metoder" choice.
    """

    filters: object
    kind: str
    items: object
    facets: dict
    scores: dict = field(default_factory=dict)
    fell_back: bool = False
    method_scores: dict = field(default_factory=dict)
    counts: dict = field(default_factory=dict)
    mark: object = None  # highlighter(filters.q), made while the search's typo corrections were at hand

    def count(self):
        return self.items.count() if isinstance(self.items, QuerySet) else len(self.items)

    def hits(self, page_items):
        """The page's objects as Hits, with highlighted title and snippet. An idea found only through an
        attached file shows where: "i vedhæftet fil «playbook.pdf»: … <mark>word</mark> …"."""
        mark = self.mark or highlighter(self.filters.q)
        page_items = list(page_items)
        in_files = attachment_snippets(
            [obj for obj in page_items if kind_of(obj) == SearchEntry.Kind.IDEA and self.filters.q], mark
        )
        hits = []
        for obj in page_items:
            if kind_of(obj) == SearchEntry.Kind.METHOD:
                score, text, url = self.method_scores.get(obj.pk), method_text(obj), obj.get_url()
            else:
                score, text, url = self.scores.get(obj.pk), f"{obj.problem}\n{obj.solution}", obj.get_absolute_url()
            snippet = in_files.get(obj.pk) or mark(text, SNIPPET_WORDS)
            hits.append(
                Hit(
                    type=kind_of(obj),
                    object=obj,
                    score=score,
                    title=mark(obj.title, None),
                    snippet=snippet,
                    url=url,
                )
            )
        return hits


def attachment_snippets(ideas, mark):
    """{idea id: snippet} for the ideas whose own text does not show the searched words but a file does."""
    from ideabank.attachments.models import Attachment

    wanted = [idea.pk for idea in ideas if not mark.finds(f"{idea.title}\n{idea.problem}\n{idea.solution}")]
    if not wanted:
        return {}
    snippets = {}
    files = Attachment.objects.filter(idea_id__in=wanted).only("idea_id", "name", "description", "text")
    for attachment in files:
        if attachment.idea_id in snippets:
            continue
        text = f"{attachment.description}\n{attachment.text}"
        if mark.finds(text):
            label = _("i vedhæftet fil «%(name)s»:") % {"name": attachment.name}
            snippets[attachment.idea_id] = format_html('<span class="snippet-source">{}</span> {}', label, mark(text))
    return snippets


def search(user, params, kind="all", with_counts=False):
    """Search ideas, method pages or both ("all") with the list's filters, sorts and facets.

    `params` is a query dict (q, sort and the filters of ideabank.ideas.queries.IdeaFilters); see
    search/listing.py for how methods take them. `with_counts` also counts each kind (for the page's tabs).
    """
    from ideabank.ideas import queries

    from .listing import Merged, MethodListing, idea_key, merge_facets

    reset_fallback()
    filters = queries.IdeaFilters.from_query(params)
    methods = MethodListing(filters, MAX_MATCHES)
    with remembering_typos():  # every kind and the highlighter correct the same query words
        wants_ideas = kind != SearchEntry.Kind.METHOD or with_counts
        ideas = queries.list_ideas(user, filters) if wants_ideas else None
        if kind == SearchEntry.Kind.IDEA:
            items, facets = ideas, queries.facets(user, filters)
        elif kind == SearchEntry.Kind.METHOD:
            items, facets = methods.items, methods.facets()
        else:
            items = Merged(ideas, methods.items, idea_key(filters.sort, dict(filters.ranked)), methods.key)
            facets = merge_facets(queries.facets(user, filters), methods.facets())
        counts = {}
        if with_counts:
            if isinstance(items, Merged):
                idea_count = items.idea_count  # counted once, for the page too
            else:
                idea_count = ideas.count() if isinstance(ideas, QuerySet) else len(ideas)
            counts = {"idea": idea_count, "method": methods.count(), "all": idea_count + methods.count()}
        mark = highlighter(filters.q)
    return SearchResults(
        filters,
        kind,
        items,
        facets,
        scores=dict(filters.ranked) if wants_ideas else {},
        method_scores=methods.scores if kind != SearchEntry.Kind.IDEA else {},
        counts=counts,
        fell_back=fell_back(),
        mark=mark,
    )


# ---- similar ideas and autocomplete --------------------------------------------------------------


def similar_ideas(title="", problem="", limit=5, exclude=None):
    """Published ideas most like the given text, as [(idea, score)]."""
    from ideabank.ideas.models import Idea

    text = f"{title} {title} {problem}"[:MAX_SIMILAR_TEXT]  # the title counts double, as in the index
    if len(analyse(text)) < 2:
        return []
    # Archived and other ideas share the index: ask for more, keep the published ones.
    ranked = similar_ranking(text, limit * 3, exclude)
    ideas = (
        Idea.objects.filter(pk__in=[pk for pk, _s in ranked], status=Idea.Status.PUBLISHED)
        .select_related("organisation")
        .in_bulk()
    )
    return [(ideas[pk], score) for pk, score in ranked if pk in ideas][:limit]


SIMILAR_TTL = 300


def similar_ranking(text, limit, exclude):
    """The backend's [(id, score)] for "similar ideas", cached until an idea changes.

    Every idea page asks for it, and it is the page's costliest query: the database backend ranks each
    idea sharing any of 25 words with the text (~400 ms at 100 000 ideas). The ideas themselves are
    loaded fresh, so a hidden idea drops out at once. An answer from the fallback is not kept.
    """
    from django.conf import settings
    from django.core.cache import cache

    from ideabank.ideas.queries import ideas_version

    backend = "elasticsearch" if settings.ELASTICSEARCH_URL else "database"
    digest = hashlib.sha256(f"{backend}|{limit}|{exclude}|{text}".encode()).hexdigest()
    key = f"search:similar:{ideas_version()}:{digest}"
    ranked = cache.get(key)
    if ranked is None:
        ranked = with_fallback("similar", SearchEntry.Kind.IDEA, text, limit=limit, exclude=exclude)
        if not fell_back():
            cache.set(key, ranked, SIMILAR_TTL)
    return ranked


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
