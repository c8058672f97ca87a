"""Method pages on the search page and in `GET /api/v1/search`, beside ideas or on their own.

Methods are searched with the idea list's parameters (ideabank.ideas.queries.IdeaFilters), so one query
string serves both kinds:

* the filters a method has — stage, target group, theme, tag — filter methods as they filter ideas;
  the ones only ideas have (organisation, municipality, region, status) match no method;
* the sorts: relevance, newest (first publication), and votes / trending / comments, where a method
  counts as having none and so follows the ideas that have some, newest first;
* `Merged` reads ideas and methods as one list in the chosen order. There are few methods and many
  ideas, so it holds every matching method and loads only the page's window of ideas.
"""

from bisect import bisect_left
from datetime import UTC, datetime, timedelta
from functools import cached_property

from django.db.models import Count, Q, QuerySet
from taggit.models import Tag

from ideabank.ideas.models import Stage
from ideabank.methods.models import MethodPage
from ideabank.taxonomy.models import TargetGroup, Theme

from . import service
from .models import SearchEntry

# Filters only ideas have: a method matches none of their values.
IDEA_ONLY_FILTERS = ("organisation", "municipality", "region", "status")
TAG_FACET_LIMIT = 30
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class MethodListing:
    """The live, public method pages matching a search's filters and query, with their facets."""

    def __init__(self, filters, limit):
        self.filters = filters
        self.limit = limit

    @cached_property
    def ranked(self):
        """[(page id, score)] for `q`, best first; asked once, shared by the list and the facets."""
        return service.rank(SearchEntry.Kind.METHOD, self.filters.q, self.limit) if self.filters.q else []

    @cached_property
    def scores(self):
        return dict(self.ranked)

    @cached_property
    def public(self):
        """Live methods without a view restriction (built once: `public()` reads the restrictions at once)."""
        if self.filters.q and not self.ranked:
            return MethodPage.objects.none()
        return MethodPage.objects.live().public()

    def queryset(self, skip=None):
        methods = self.public
        active = {name: value for name, value in self.filters.active.items() if name != skip}
        if set(active) & set(IDEA_ONLY_FILTERS):
            return methods.none()
        for name, value in active.items():
            if name == "target_group":
                methods = methods.filter(target_groups__slug=value)
            elif name == "theme":
                methods = methods.filter(themes__slug=value)
            elif name == "tag":
                methods = methods.filter(Q(tags__slug=value) | Q(tags__name__iexact=value))
            elif name == "stage":
                methods = methods.filter(stage=value)
        if self.filters.q:
            methods = methods.filter(pk__in=[pk for pk, _score in self.ranked])
        return methods.distinct() if {"target_group", "theme", "tag"} & set(active) else methods

    @cached_property
    def key(self):
        return method_key(self.filters.sort, self.scores, self.ranked)

    @cached_property
    def items(self):
        """The matching methods in the search's order (a list: there are few)."""
        return sorted(self.queryset(), key=lambda method: self.key(method, None))

    def count(self):
        return len(self.items)

    def facets(self):
        """Counts per value for the facets a method has, each ignoring its own filter (as for ideas)."""

        def counts(skip, group_by):
            rows = self.queryset(skip).order_by().values(group_by).annotate(n=Count("pk", distinct=True))
            return {row[group_by]: row["n"] for row in rows if row[group_by] is not None}

        stage = counts("stage", "stage")
        target_groups = counts("target_group", "target_groups__slug")
        themes = counts("theme", "themes__slug")
        tags = counts("tag", "tags__slug")
        return {
            "stage": [
                {"value": value, "label": str(label), "count": stage[value]}
                for value, label in Stage.choices
                if stage.get(value)
            ],
            "target_group": named(TargetGroup.objects.filter(slug__in=target_groups), target_groups),
            "theme": named(Theme.objects.filter(slug__in=themes), themes),
            "tag": named(Tag.objects.filter(slug__in=tags), tags)[:TAG_FACET_LIMIT],
        }


def named(queryset, counts):
    return by_count([{"value": obj.slug, "label": obj.name, "count": counts[obj.slug]} for obj in queryset])


def by_count(rows):
    return sorted(rows, key=lambda row: (-row["count"], row["label"]))


def merge_facets(idea_facets, method_facets):
    """Idea and method facets as one: a value's counts add up; the idea-only facets stay as they are."""
    merged = {}
    for name in [*idea_facets, *(name for name in method_facets if name not in idea_facets)]:
        if name not in method_facets or name not in idea_facets:
            merged[name] = list(idea_facets[name] if name in idea_facets else method_facets[name])
            continue
        rows = {}
        for row in [*idea_facets[name], *method_facets[name]]:
            rows.setdefault(row["value"], {**row, "count": 0})["count"] += row["count"]
        if name == "stage":
            order = {value: index for index, value in enumerate(Stage.values)}
            merged[name] = sorted(rows.values(), key=lambda row: order.get(row["value"], len(order)))
        else:
            merged[name] = by_count(rows.values())[:TAG_FACET_LIMIT] if name == "tag" else by_count(rows.values())
    return merged


# ---- one order for ideas and methods -----------------------------------------------------------------
#
# Sort keys are tuples that order ideas exactly as the database does (ideabank.ideas.queries.SORTS) and
# place each method among them; the last element (0 for ideas, 1 for methods) keeps keys unique.


def microseconds(when):
    return (when - EPOCH) // timedelta(microseconds=1) if when else 0


def idea_key(sort, scores):
    """key(idea, position) for an idea at `position` in the idea list sorted by `sort`."""

    def key(idea, position):
        if sort == "relevance":
            return (-scores.get(idea.pk, 0), 0, position)
        published = (idea.published_at is None, -microseconds(idea.published_at))
        if sort == "newest":
            return (*published, -microseconds(idea.created), -idea.pk, 0)
        count = {"votes": idea.vote_count, "trending": idea.trending_score, "comments": idea.comment_count}[sort]
        return (-count, *published, -idea.pk, 0)

    return key


def method_key(sort, scores, ranked=()):
    """key(method, _position) for a method under `sort`; relevance ties keep the backend's order."""
    rank = {pk: position for position, (pk, _score) in enumerate(ranked)}

    def key(method, _position):
        if sort == "relevance":
            return (-scores.get(method.pk, 0), 1, rank.get(method.pk, 0))
        when = method.first_published_at
        published = (when is None, -microseconds(when))
        if sort == "newest":
            return (*published, -microseconds(when), -method.pk, 1)
        return (0, *published, -method.pk, 1)

    return key


class Window:
    """A sequence that loads only the slice asked for (what a Paginator asks): subclasses give __len__ and
    window(start, stop), for 0 <= start < stop <= len."""

    def count(self):
        return len(self)

    def __getitem__(self, index):
        if not isinstance(index, slice):
            found = self[index : index + 1]
            if not found:
                raise IndexError(index)
            return found[0]
        start, stop, step = index.indices(len(self))
        if step != 1:
            raise ValueError(f"{type(self).__name__} supports contiguous slices only")
        if start >= stop:
            return []
        return self.window(start, stop)


class Merged(Window):
    """Ideas (a queryset or ranked sequence, maybe huge) and methods (a list) as one sequence in key order.

    Both come sorted by the same key, so the merge is the sorted union. A page [start, stop) needs the
    ideas from `start - len(methods)` on: at most that many methods can come before the page.
    """

    def __init__(self, ideas, methods, idea_key, method_key):
        self.ideas = ideas
        self.methods = methods
        self.idea_key = idea_key
        self.method_keys = [method_key(method, position) for position, method in enumerate(methods)]

    @cached_property
    def idea_count(self):
        return self.ideas.count() if isinstance(self.ideas, QuerySet) else len(self.ideas)

    def __len__(self):
        return self.idea_count + len(self.methods)

    def window(self, start, stop):
        first = max(0, start - len(self.methods))
        loaded = list(self.ideas[first:stop])
        if first == 0:
            position, m = 0, 0
        else:  # the methods before the window's first idea come before it, whatever page they are on
            m = bisect_left(self.method_keys, self.idea_key(loaded[0], first)) if loaded else len(self.methods)
            position = first + m
        i, page = 0, []
        while position < stop and (i < len(loaded) or m < len(self.methods)):
            if m < len(self.methods) and (
                i == len(loaded) or self.method_keys[m] < self.idea_key(loaded[i], first + i)
            ):
                item, m = self.methods[m], m + 1
            else:
                item, i = loaded[i], i + 1
            if position >= start:
                page.append(item)
            position += 1
        return page
