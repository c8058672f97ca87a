"""The search page and `GET /api/v1/search`: ideas, method pages, or both in one list, with highlighted
snippets, facets and per-kind counts. This module sits above ideas and methods; the ranking below it
(search/service.py) knows neither.

With Elasticsearch, one request answers a search: the page of hits (from/size, search_after past
10 000), the facets and counts (aggregations) and the highlights. The index carries what the filters
need (search/indexing.py `filterable`); only public objects are in it, and the objects of the page
are loaded from the database through the same visibility rules, so a hidden idea is never shown.
Sorting by votes, trending or comments (counters that change without a reindex) takes the matching
ids from that same request and orders them in the database. Without Elasticsearch, or while it fails
or holds an index from before these fields, the database ranks, filters and counts (search/listing.py
for methods, ideabank.ideas.queries for ideas).
"""

import html
from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import QuerySet
from django.utils.html import escape, format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from taggit.models import Tag

from ideabank.accounts.models import Organisation
from ideabank.attachments.models import Attachment
from ideabank.ideas import queries
from ideabank.ideas.models import Idea, Stage
from ideabank.ids import parse_id
from ideabank.methods.models import MethodPage
from ideabank.taxonomy.models import Municipality, Region, TargetGroup, Theme

from . import service
from .backends.database import remembering_typos
from .indexing import SEARCHABLE_IDEA_STATUSES, rich_text
from .listing import (
    TAG_FACET_LIMIT,
    Merged,
    MethodListing,
    Window,
    by_count,
    idea_key,
    merge_facets,
    method_key,
    named,
)
from .models import SearchEntry

KINDS = ("all", "idea", "method")
LISTED = {"all": ("idea", "method"), "idea": ("idea",), "method": ("method",)}
PAGE_SIZE = 20
SORTED_IN_ELASTICSEARCH = ("relevance", "newest")
# The facets and the index fields they count, with how many values to ask for (the page shows fewer).
FACETS = {
    "stage": ("stage", 10),
    "status": ("status", 10),
    "target_group": ("target_group", 100),
    "theme": ("theme", 100),
    "tag": ("tag", 100),
    "organisation": ("organisation", 200),
    "region": ("region", 10),
    "municipality": ("municipality", 100),
}
METHOD_FACETS = ("stage", "target_group", "theme", "tag")
PUBLIC = service.Filter("status", (*SEARCHABLE_IDEA_STATUSES, "live"))


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
    return SearchEntry.Kind.METHOD if isinstance(obj, MethodPage) else SearchEntry.Kind.IDEA


def method_text(method):
    """A method's summary, problem and description as plain text: what its snippet is cut from."""
    description = method._meta.get_field("description").get_searchable_content(method.description)
    return "\n".join([method.summary, rich_text(method.problem), *description])


def body_text(obj):
    return method_text(obj) if kind_of(obj) == SearchEntry.Kind.METHOD else f"{obj.problem}\n{obj.solution}"


@dataclass
class SearchResults:
    """What a search found: `items` (a sequence a Paginator can slice), facets, and how it was answered.

    `scores` and `method_scores` map ids to relevance for ideas and method pages (their ids may collide).
    `counts` (when asked for) says how many ideas and methods match, for the page's "Idéer / Metoder" choice.
    `highlights` holds Elasticsearch's highlighted title and snippet per (kind, id).
    """

    filters: object
    kind: str
    items: object
    facets: dict
    scores: dict = field(default_factory=dict)
    fell_back: bool = False
    method_scores: dict = field(default_factory=dict)
    counts: dict = field(default_factory=dict)
    highlights: dict = field(default_factory=dict)
    typo_memo: object = None

    def count(self):
        return self.items.count() if isinstance(self.items, QuerySet) else len(self.items)

    @cached_property
    def mark(self):
        """The highlighter for what Elasticsearch did not highlight (or all, on the database)."""
        with remembering_typos(self.typo_memo):
            return service.highlighter(self.filters.q)

    def hits(self, page_items):
        """The page's objects as Hits, with highlighted title and snippet. An idea found only through an
        attached file shows where: "i vedhæftet fil «playbook.pdf»: … <mark>word</mark> …"."""
        page_items = list(page_items)
        shown = {}
        for obj in page_items:
            found = self.highlights.get((kind_of(obj), obj.pk), {})
            if found.get("body") or found.get("title"):
                shown[kind_of(obj), obj.pk] = (
                    mark_safe(found.get("title") or escape(obj.title)),  # noqa: S308 - Elasticsearch escapes (encoder html)
                    excerpt(found["body"], body_text(obj)) if found.get("body") else None,
                )
        unshown = [
            obj for obj in page_items if kind_of(obj) == SearchEntry.Kind.IDEA and (kind_of(obj), obj.pk) not in shown
        ]
        in_files = attachment_snippets(unshown, self.mark) if self.filters.q and unshown else {}
        hits = []
        for obj in page_items:
            key = (kind_of(obj), obj.pk)
            if key[0] == SearchEntry.Kind.METHOD:
                score, url = self.method_scores.get(obj.pk), obj.get_url()
            else:
                score, url = self.scores.get(obj.pk), obj.get_absolute_url()
            title, snippet = shown.get(key, (None, None))
            title = title or self.mark(obj.title, None)
            snippet = snippet or in_files.get(obj.pk) or self.mark(body_text(obj), service.SNIPPET_WORDS)
            hits.append(Hit(type=key[0], object=obj, score=score, title=title, snippet=snippet, url=url))
        return hits


def excerpt(fragment, text):
    """Elasticsearch's highlighted fragment, with "…" where it cuts the text."""
    plain = html.unescape(strip_tags(fragment)).strip()
    text = text.strip()
    before = "" if text.startswith(plain[:40]) else "… "
    after = "" if text.endswith(plain[-40:]) else " …"
    return mark_safe(f"{before}{fragment}{after}")  # noqa: S308 - the fragment is escaped by Elasticsearch


def attachment_snippets(ideas, mark):
    """{idea id: snippet} for the ideas whose own text does not show the searched words but a file does."""
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


def search(user, params, kind="all", with_counts=False, window=(0, PAGE_SIZE)):
    """Search ideas, method pages or both ("all") with the list's filters, sorts and facets.

    `params` is a query dict (q, sort and the filters of ideabank.ideas.queries.IdeaFilters); see
    search/listing.py for how methods take them. `with_counts` also counts each kind (for the page's tabs).
    `window` (offset, size) is the part of the list the caller will show: Elasticsearch fetches it at once.
    """
    service.reset_fallback()
    filters = queries.IdeaFilters.from_query(params)
    memo = {}
    with remembering_typos(memo):  # every kind and the highlighter correct the same query words
        results = filters.q and browsed(filters, kind, with_counts, window)
        if not results:
            results = from_database(user, filters, kind, with_counts)
    results.typo_memo = memo
    results.fell_back = service.fell_back()
    return results


# ---- Elasticsearch: one request ----------------------------------------------------------------------


def conditions(filters):
    """The active filters (and the default "no archived ideas") as the index's Filters, by facet name."""
    chosen = {}
    for name, value in filters.active.items():
        if name == "tag":
            chosen[name] = [service.Filter("tag", (value,)), service.Filter("tag_name", (value.lower(),))]
        elif name in ("municipality", "region") and not queries.CODE.fullmatch(value):
            chosen[name] = []  # matches nothing, as in the database
        elif name in ("municipality", "region"):
            chosen[name] = [service.Filter(name, (str(int(value)),))]
        else:
            chosen[name] = [service.Filter(name, (value,))]
    if "status" not in chosen:  # archived ideas leave the list, but the status facet counts them
        chosen["status"] = [service.Filter("status", (Idea.Status.ARCHIVED,), negate=True)]
    return chosen


def browsed(filters, kind, with_counts, window):
    """SearchResults from one Elasticsearch request, or None where the database is to answer."""
    listed = LISTED[kind]
    sort = filters.sort if filters.sort in SORTED_IN_ELASTICSEARCH else None
    offset, size = window if sort else (0, service.MAX_MATCHES)
    facets = {name: FACETS[name] for name in (METHOD_FACETS if kind == "method" else FACETS)}
    request = {
        "listed": listed,
        "base": [PUBLIC],
        "filters": conditions(filters),
        "facets": facets,
        "sort": sort,
        "highlight": ("title", "body"),
        "counted": LISTED["all"] if with_counts else (),
    }
    kinds = LISTED["all"] if with_counts else listed
    answer = service.browse(kinds, filters.q, offset=offset, size=size, **request)
    if answer is None:
        return None
    scores = {(hit_kind, pk): score for hit_kind, pk, score, _found in answer.hits}
    results = SearchResults(
        filters,
        kind,
        items=None,
        facets=facet_rows(answer.facets, kind),
        scores={pk: score for (hit_kind, pk), score in scores.items() if hit_kind == "idea"},
        method_scores={pk: score for (hit_kind, pk), score in scores.items() if hit_kind == "method"},
        highlights={(hit_kind, pk): found for hit_kind, pk, _score, found in answer.hits},
    )
    if with_counts:
        counts = {name: answer.kinds.get(name, 0) for name in LISTED["all"]}
        results.counts = {**counts, "all": sum(counts.values())}
    if sort:

        def fetch(start, stop):
            again = service.browse(kinds, filters.q, offset=start, size=stop - start, **request)
            results.highlights.update({(k, pk): found for k, pk, _score, found in again.hits} if again else {})
            return again.hits if again else []

        results.items = BrowsedItems(answer.total, offset, answer.hits, fetch)
    else:
        results.items = counted_order(filters, kind, answer.hits, results)
    return results


def load(hits):
    """The objects of (kind, id, …) hits in their order, as the list shows them; those no longer public
    (the index has not caught up yet) are left out."""
    idea_ids = [pk for kind, pk, *_rest in hits if kind == SearchEntry.Kind.IDEA]
    method_ids = [pk for kind, pk, *_rest in hits if kind == SearchEntry.Kind.METHOD]
    objects = {}
    if idea_ids:
        public = Idea.objects.filter(pk__in=idea_ids, status__in=SEARCHABLE_IDEA_STATUSES)
        objects.update({("idea", pk): idea for pk, idea in queries.with_list_relations(public).in_bulk().items()})
    if method_ids:
        methods = MethodPage.objects.live().public().filter(pk__in=method_ids)
        objects.update({("method", pk): method for pk, method in methods.in_bulk().items()})
    return [objects[kind, pk] for kind, pk, *_rest in hits if (kind, pk) in objects]


class BrowsedItems(Window):
    """The listed hits of a search: the window Elasticsearch answered is at hand; any other slice (a page
    past the end, say) is fetched."""

    def __init__(self, total, offset, hits, fetch):
        self.total = total
        self.offset = offset
        self.hits = hits
        self.fetch = fetch

    def __len__(self):
        return self.total

    def window(self, start, stop):
        if self.offset <= start and stop <= self.offset + len(self.hits):
            return load(self.hits[start - self.offset : stop - self.offset])
        return load(self.fetch(start, stop))


def counted_order(filters, kind, hits, results):
    """The matches sorted by votes, trending or comments: counters are read from the database, which
    orders the matching ideas (and places the methods among them, see search/listing.py)."""
    idea_ids = [pk for hit_kind, pk, *_rest in hits if hit_kind == SearchEntry.Kind.IDEA]
    ideas = Idea.objects.filter(pk__in=idea_ids, status__in=SEARCHABLE_IDEA_STATUSES)
    ideas = queries.with_list_relations(ideas.order_by(*queries.SORTS[filters.sort]))
    if kind == "idea":
        return ideas
    ranked = [(pk, score) for hit_kind, pk, score, _found in hits if hit_kind == SearchEntry.Kind.METHOD]
    key = method_key(filters.sort, results.method_scores, ranked)
    methods = sorted(load([("method", pk) for pk, _score in ranked]), key=lambda method: key(method, None))
    if kind == "method":
        return methods
    return Merged(ideas, methods, idea_key(filters.sort, results.scores), key)


def facet_rows(counts, kind):
    """Aggregated {facet: {value: count}} as the page shows facets: labelled, in the list's order."""
    rows = {
        "stage": [
            {"value": value, "label": str(label), "count": counts["stage"][value]}
            for value, label in Stage.choices
            if counts["stage"].get(value)
        ],
        "target_group": named(TargetGroup.objects.filter(slug__in=counts["target_group"]), counts["target_group"]),
        "theme": named(Theme.objects.filter(slug__in=counts["theme"]), counts["theme"]),
        "tag": named(Tag.objects.filter(slug__in=counts["tag"]), counts["tag"])[:TAG_FACET_LIMIT],
    }
    if kind == "method":
        return rows
    organisations = Organisation.objects.filter(slug__in=counts["organisation"])
    return {
        "stage": rows["stage"],
        "status": [
            {"value": value, "label": str(label), "count": counts["status"][value]}
            for value, label in Idea.Status.choices
            if counts["status"].get(value)
        ],
        "target_group": rows["target_group"],
        "theme": rows["theme"],
        "tag": rows["tag"],
        "organisation": by_count(
            [
                {
                    "value": org.slug,
                    "label": org.name,
                    "count": counts["organisation"][org.slug],
                    "region": org.region_id,
                }
                for org in organisations
            ]
        )[: queries.ORGANISATIONS_SHOWN],
        "region": coded(Region.objects.filter(code__in=codes(counts["region"])), counts["region"]),
        "municipality": coded(
            Municipality.objects.filter(code__in=codes(counts["municipality"])), counts["municipality"]
        )[:30],
    }


def codes(counts):
    return [number for value in counts if (number := parse_id(value)) is not None]


def coded(queryset, counts):
    return by_count([{"value": str(obj.code), "label": obj.name, "count": counts[str(obj.code)]} for obj in queryset])


# ---- the database: rank, then filter and count --------------------------------------------------------


def from_database(user, filters, kind, with_counts):
    methods = MethodListing(filters, service.MAX_MATCHES)
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
    return SearchResults(
        filters,
        kind,
        items,
        facets,
        scores=dict(filters.ranked) if wants_ideas else {},
        method_scores=methods.scores if kind != SearchEntry.Kind.IDEA else {},
        counts=counts,
    )
