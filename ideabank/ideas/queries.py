"""Reading ideas: which ones a user may see, the list filters and sorts, and facet counts.

Shared by the HTML list and `GET /api/v1/ideas`, so both filter and count the same way. The
number of SQL queries is constant: facets are a handful of GROUP BY queries whatever the size.
"""

import hashlib
import re
from dataclasses import dataclass, field

from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from ideabank.accounts.models import Organisation
from ideabank.taxonomy.models import Municipality, Region, TargetGroup, Theme

from .models import Comment, Follow, Idea, Stage, TriedReport, Vote
from .services import is_moderator

_PUBLISHED = F("published_at").desc(nulls_last=True)
SORTS = {
    "newest": (_PUBLISHED, "-created", "-pk"),
    "votes": ("-vote_count", _PUBLISHED, "-pk"),
    "trending": ("-trending_score", _PUBLISHED, "-pk"),
    "comments": ("-comment_count", _PUBLISHED, "-pk"),
}
SORT_LABELS = {
    "newest": _("Nyeste"),
    "votes": _("Flest stemmer"),
    "trending": _("Populære lige nu"),
    "comments": _("Mest diskuteret"),
    "relevance": _("Bedste match"),
}
CODE = re.compile(r"[0-9]{1,6}")  # municipality and region codes
FILTERS = ("target_group", "theme", "tag", "organisation", "municipality", "region", "stage", "status")


@dataclass
class IdeaFilters:
    """The list's filters, from a query string (HTML or API). Unknown values simply match nothing."""

    target_group: str = ""
    theme: str = ""
    tag: str = ""
    organisation: str = ""
    municipality: str = ""
    region: str = ""
    stage: str = ""
    status: str = ""
    sort: str = "newest"
    q: str = ""
    active: dict = field(default_factory=dict)
    _ranked: list | None = field(default=None, repr=False, compare=False)

    @property
    def ranked(self):
        """[(idea id, score)] for `q`, best first — asked once per request, shared by list and facets."""
        if self._ranked is None:
            from search.service import rank_ideas  # the search app owns full-text matching

            self._ranked = rank_ideas(self.q) if self.q else []
        return self._ranked

    @classmethod
    def from_query(cls, query):
        values = {name: (query.get(name) or "").strip() for name in FILTERS}
        sort = (query.get("sort") or "").strip()
        q = (query.get("q") or "").strip()[:200]
        if sort not in SORTS and not (sort == "relevance" and q):
            sort = "relevance" if q else "newest"
        return cls(**values, sort=sort, q=q, active={k: v for k, v in values.items() if v})


def visible_ideas(user):
    """Ideas this user may see in lists: the public ones, plus their own and (for moderators) the queue."""
    public = Q(status__in=[Idea.Status.PUBLISHED, Idea.Status.ARCHIVED])
    if not user.is_authenticated:
        return Idea.objects.filter(public)
    mine = Q(author=user) & ~Q(status=Idea.Status.MERGED)
    if is_moderator(user):
        return Idea.objects.filter(public | mine | Q(status__in=[Idea.Status.PENDING, Idea.Status.HIDDEN]))
    return Idea.objects.filter(public | mine)


def _filter(queryset, filters, skip=None):
    conditions = {
        "target_group": lambda v: Q(target_groups__slug=v),
        "theme": lambda v: Q(themes__slug=v),
        "tag": lambda v: Q(tags__slug=v) | Q(tags__name__iexact=v),
        "organisation": lambda v: Q(organisation__slug=v),
        "municipality": lambda v: Q(organisation__municipality_id=int(v)) if CODE.fullmatch(v) else Q(pk__in=[]),
        "region": lambda v: Q(organisation__region_id=int(v)) if CODE.fullmatch(v) else Q(pk__in=[]),
        "stage": lambda v: Q(stage=v),
        "status": lambda v: Q(status=v),
    }
    for name, value in filters.active.items():
        if name != skip:
            queryset = queryset.filter(conditions[name](value))
    if filters.q:
        queryset = queryset.filter(pk__in=[pk for pk, _score in filters.ranked])
    return queryset.distinct() if any(k in filters.active for k in ("target_group", "theme", "tag")) else queryset


def filtered_ideas(user, filters):
    return _filter(visible_ideas(user), filters)


def list_ideas(user, filters):
    """The page-ready ideas: filtered, sorted, with everything a list row shows prefetched.

    A queryset, or for relevance a sequence in search-rank order that a Paginator can slice.
    """
    queryset = filtered_ideas(user, filters)
    if filters.sort == "relevance":
        allowed = set(queryset.values_list("pk", flat=True))
        return RankedIdeas([pk for pk, _score in filters.ranked if pk in allowed])
    return with_list_relations(queryset.order_by(*SORTS[filters.sort]))


class RankedIdeas:
    """Idea ids in rank order that load only the page asked for."""

    def __init__(self, ids):
        self.ids = ids

    def __len__(self):
        return len(self.ids)

    def count(self):
        return len(self.ids)

    def __getitem__(self, index):
        ids = self.ids[index] if isinstance(index, slice) else [self.ids[index]]
        ideas = with_list_relations(Idea.objects.filter(pk__in=ids)).in_bulk()
        page = [ideas[pk] for pk in ids if pk in ideas]
        return page if isinstance(index, slice) else page[0]


def with_list_relations(queryset):
    return queryset.select_related("organisation", "organisation__region", "author").prefetch_related(
        "tags", "target_groups", "themes"
    )


def idea_detail(pk, viewer=None):
    """One idea with its threads, tried reports and vocabularies in a fixed number of queries.

    With a logged-in `viewer`, their vote and follow (services.has_voted / is_following) come along as
    EXISTS columns `viewer_voted` and `viewer_follows` instead of two more queries.
    """
    comments = Comment.objects.select_related("author", "author__organisation").order_by("created")
    queryset = Idea.objects.select_related("organisation", "organisation__region", "author", "merged_into")
    queryset = queryset.prefetch_related(
        "tags",
        "target_groups",
        "themes",
        Prefetch("comments", queryset=comments),
        Prefetch("tried_reports", queryset=TriedReport.objects.select_related("organisation")),
    )
    if viewer is not None and viewer.is_authenticated:
        queryset = queryset.annotate(
            viewer_voted=Exists(Vote.objects.filter(idea=OuterRef("pk"), user=viewer)),
            viewer_follows=Exists(Follow.objects.filter(idea=OuterRef("pk"), user=viewer)),
        )
    return queryset.get(pk=pk)


def comment_tree(comments):
    """Arrange a flat, ordered list of comments as [(comment, [children…])…] without more queries."""
    children = {}
    for comment in comments:
        children.setdefault(comment.parent_id, []).append(comment)

    def build(parent_id):
        return [(comment, build(comment.pk)) for comment in children.get(parent_id, [])]

    return build(None)


# ---- facets ----------------------------------------------------------------------------------


FACETS_VERSION_KEY = "ideas:facets:version"
FACETS_TTL = 300


def bump_facets_version():
    """Called whenever an idea changes in a way facets count; old cached facets then go unused."""
    try:
        cache.incr(FACETS_VERSION_KEY)
    except ValueError:
        cache.set(FACETS_VERSION_KEY, 1, None)


def facets(user, filters):
    """Counts per value for each facet over the filtered ideas (each facet ignores its own filter).

    Everyone but moderators sees facets over the public collection, so one cached answer per
    filter combination serves them all until an idea changes.
    """
    if is_moderator(user):
        return compute_facets(visible_ideas(user), filters)
    version = cache.get_or_set(FACETS_VERSION_KEY, 1, None)
    digest = hashlib.sha256(repr((sorted(filters.active.items()), filters.q)).encode()).hexdigest()
    key = f"ideas:facets:{version}:{digest}"
    result = cache.get(key)
    if result is None:
        result = compute_facets(visible_ideas(AnonymousUser()), filters)
        cache.set(key, result, FACETS_TTL)
    return result


def compute_facets(base, filters):
    def counts(skip, group_by):
        rows = _filter(base, filters, skip=skip).order_by().values(group_by).annotate(n=Count("pk", distinct=True))
        return {row[group_by]: row["n"] for row in rows if row[group_by] is not None}

    stage = counts("stage", "stage")
    status = counts("status", "status")
    by_org = counts("organisation", "organisation_id")
    by_region = counts("region", "organisation__region_id")
    by_municipality = counts("municipality", "organisation__municipality_id")
    target_groups = counts("target_group", "target_groups__slug")
    themes = counts("theme", "themes__slug")
    tags = counts("tag", "tags__slug")

    organisations = Organisation.objects.in_bulk(list(by_org))
    return {
        "stage": [
            {"value": value, "label": str(label), "count": stage.get(value, 0)}
            for value, label in Stage.choices
            if stage.get(value)
        ],
        "status": [
            {"value": value, "label": str(label), "count": status[value]}
            for value, label in Idea.Status.choices
            if status.get(value)
        ],
        "target_group": _named(TargetGroup.objects.filter(slug__in=target_groups), "slug", target_groups),
        "theme": _named(Theme.objects.filter(slug__in=themes), "slug", themes),
        "tag": _named(Tag.objects.filter(slug__in=tags), "slug", tags, limit=30),
        "organisation": sorted(
            ({"value": org.slug, "label": org.name, "count": by_org[pk]} for pk, org in organisations.items()),
            key=lambda row: (-row["count"], row["label"]),
        )[:30],
        "region": _named(Region.objects.filter(code__in=by_region), "code", by_region),
        "municipality": _named(
            Municipality.objects.filter(code__in=by_municipality), "code", by_municipality, limit=30
        ),
    }


def _named(queryset, key, counts, limit=None):
    rows = sorted(
        ({"value": str(getattr(obj, key)), "label": obj.name, "count": counts[getattr(obj, key)]} for obj in queryset),
        key=lambda row: (-row["count"], row["label"]),
    )
    return rows[:limit] if limit else rows
