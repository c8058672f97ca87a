"""Reading ideas: which ones a user may see, the list filters and sorts, and facet counts.

Shared by the HTML list and `GET /api/v1/ideas`, so both filter and count the same way. The
number of SQL queries is constant: facets are a handful of GROUP BY queries whatever the size.
"""

import hashlib
import re
from dataclasses import dataclass, field, replace

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from ideabank.accounts.models import Organisation
from ideabank.attachments.models import Attachment, image_kinds
from ideabank.taxonomy.models import Municipality, Region, TargetGroup, Theme
from search import service  # full-text ranking: the search service sits below ideas

from .models import NEWEST_PUBLISHED, Comment, Follow, Idea, IdeaTag, Stage, TriedReport, Vote
from .services import is_moderator

# Each sort has an index in exactly its order (Idea.Meta.indexes); NEWEST_PUBLISHED is "published_at DESC
# NULLS LAST" in a form both databases can index.
SORTS = {
    "newest": (*NEWEST_PUBLISHED, "-created", "-pk"),
    "votes": ("-vote_count", *NEWEST_PUBLISHED, "-pk"),
    "trending": ("-trending_score", *NEWEST_PUBLISHED, "-pk"),
    "comments": ("-comment_count", *NEWEST_PUBLISHED, "-pk"),
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
            self._ranked = service.rank_ideas(self.q) if self.q else []
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


def _linked(links, **lookups):
    """Ideas with a matching row in a link table (target groups, themes, tags), as EXISTS. A join would
    repeat ideas and need DISTINCT, which at 100 000 ideas sorts every wide matching row first."""
    return Exists(links.filter(**lookups))


def _filter(queryset, filters, skip=None):
    conditions = {
        "target_group": lambda v: _linked(
            Idea.target_groups.through.objects.filter(idea=OuterRef("pk")), targetgroup__slug=v
        ),
        "theme": lambda v: _linked(Idea.themes.through.objects.filter(idea=OuterRef("pk")), theme__slug=v),
        "tag": lambda v: _linked(
            IdeaTag.objects.filter(content_object=OuterRef("pk")).filter(Q(tag__slug=v) | Q(tag__name__iexact=v))
        ),
        "organisation": lambda v: Q(organisation__slug=v),
        "municipality": lambda v: Q(organisation__municipality_id=int(v)) if CODE.fullmatch(v) else Q(pk__in=[]),
        "region": lambda v: Q(organisation__region_id=int(v)) if CODE.fullmatch(v) else Q(pk__in=[]),
        "stage": lambda v: Q(stage=v),
        "status": lambda v: Q(status=v),
    }
    for name, value in filters.active.items():
        if name != skip:
            queryset = queryset.filter(conditions[name](value))
    if "status" not in filters.active and skip != "status":
        # Archived ideas stay readable and searchable, but leave the list unless the status filter asks for them
        # (the status facet, which ignores its own filter, still counts them so the filter is offered).
        queryset = queryset.exclude(status=Idea.Status.ARCHIVED)
    if filters.q:
        queryset = queryset.filter(pk__in=[pk for pk, _score in filters.ranked])
    return queryset


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
    ideas = with_list_relations(queryset.order_by(*SORTS[filters.sort]))
    if is_moderator(user):
        return ideas
    return CountedIdeas.of(ideas, lambda: count_ideas(user, filters))


class CountedIdeas(QuerySet):
    """The list's queryset, whose count() (the paginator's, the API's) comes from the cache.

    Counting thousands of matching ideas costs more than the whole page; the count changes only when
    an idea does, so it is cached beside the facets under the same version. Anything derived from this
    queryset (filtered, sliced, …) is a plain one again and counts in SQL.
    """

    @classmethod
    def of(cls, queryset, counter):
        counted = queryset._chain()
        counted.__class__ = cls
        counted._counter = counter
        return counted

    def count(self):
        counter = self.__dict__.get("_counter")
        if counter is None or self._result_cache is not None:
            return super().count()
        return counter()


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


def cover_images():
    """The idea's attached images (without their text), as `idea.images`: the first one shows on its card."""
    images = Attachment.objects.filter(kind__in=image_kinds()).only("idea_id", "name", "description", "thumbnail")
    return Prefetch("attachments", queryset=images, to_attr="images")


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
        Prefetch("attachments", queryset=attachments_shown()),
    )
    if viewer is not None and viewer.is_authenticated:
        queryset = queryset.annotate(
            viewer_voted=Exists(Vote.objects.filter(idea=OuterRef("pk"), user=viewer)),
            viewer_follows=Exists(Follow.objects.filter(idea=OuterRef("pk"), user=viewer)),
        )
    return queryset.get(pk=pk)


def attachments_shown():
    return Attachment.objects.defer("text")


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


def ideas_version():
    """A number that changes whenever an idea changes in a way lists, facets or search see (see signals.py):
    part of the keys of everything cached "until an idea changes"."""
    return cache.get_or_set(FACETS_VERSION_KEY, 1, None)


def _cached(kind, filters, compute):
    """A value over the public ideas for this filter combination, cached until an idea changes."""
    version = ideas_version()
    digest = hashlib.sha256(repr((sorted(filters.active.items()), filters.q)).encode()).hexdigest()
    key = f"ideas:{kind}:{version}:{digest}"
    result = cache.get(key)
    if result is None:
        result = compute()
        cache.set(key, result, FACETS_TTL)
    return result


def count_ideas(user, filters):
    """How many ideas list_ideas() holds for a user who is not a moderator: the public ones (cached, shared
    by everyone) plus, when logged in, their own that are not public (drafts, pending, hidden)."""
    public = _cached("count", filters, lambda: filtered_ideas(AnonymousUser(), filters).count())
    if not user.is_authenticated:
        return public
    hidden_statuses = [Idea.Status.PUBLISHED, Idea.Status.ARCHIVED, Idea.Status.MERGED]
    return public + _filter(Idea.objects.filter(author=user).exclude(status__in=hidden_statuses), filters).count()


def facets(user, filters):
    """Counts per value for each facet over the filtered ideas (each facet ignores its own filter).

    Everyone but moderators sees facets over the public collection, so one cached answer per
    filter combination serves them all until an idea changes.
    """
    if is_moderator(user):
        return compute_facets(visible_ideas(user), filters)

    def remember(name, skip, compute):
        obeyed = replace(filters, active={k: v for k, v in filters.active.items() if k != skip})
        return _cached(f"facet:{name}", obeyed, compute)

    return _cached("facets", filters, lambda: compute_facets(visible_ideas(AnonymousUser()), filters, remember))


# Every municipality has an organisation: the organisation facet (grouped by region in the list) shows them all.
ORGANISATIONS_SHOWN = 150

# Facets on the idea's own columns: all five come from one GROUP BY (stage, status, organisation).
LOCAL_FACETS = ("stage", "status", "organisation", "region", "municipality")


def compute_facets(base, filters, remember=None):
    """The facets over `base` narrowed by `filters`, each facet ignoring its own filter.

    `remember(name, skip, compute)` may cache a facet's raw counts (for the public collection, see
    facets()): they depend only on the filters the facet obeys, so e.g. the target group facet is the
    same whichever target group is chosen.
    """
    remember = remember or (lambda name, skip, compute: compute())

    def obeyed(name):
        # The status facet always ignores the default "no archived ideas", so it can offer them.
        return name if name in filters.active or name == "status" else None

    def local_rows(skip):
        rows = _filter(base, filters, skip=skip).order_by().values("stage", "status", "organisation_id")
        return [(row["stage"], row["status"], row["organisation_id"], row["n"]) for row in rows.annotate(n=Count("pk"))]

    # Several facets share one query whenever they obey the same filters (always, unless their own is active).
    def local_name(skip):
        return "local-with-archived" if skip == "status" and "status" not in filters.active else "local"

    local = {
        skip: remember(local_name(skip), skip, lambda skip=skip: local_rows(skip)) for skip in map(obeyed, LOCAL_FACETS)
    }
    organisations = Organisation.objects.in_bulk({org for rows in local.values() for *_, org, _n in rows} - {None})

    def local_counts(name, value_of):
        counts = {}
        for stage, status, organisation_id, n in local[obeyed(name)]:
            value = value_of(stage, status, organisations.get(organisation_id))
            if value is not None:
                counts[value] = counts.get(value, 0) + n
        return counts

    def linked(name, group_by, distinct):
        def compute():
            rows = _filter(base, filters, skip=name).order_by().values(group_by)
            rows = rows.annotate(n=Count("pk", distinct=distinct))
            return {row[group_by]: row["n"] for row in rows if row[group_by] is not None}

        return remember(name, obeyed(name), compute)

    stage = local_counts("stage", lambda stage, status, org: stage)
    status = local_counts("status", lambda stage, status, org: status)
    by_org = local_counts("organisation", lambda stage, status, org: org.pk if org else None)
    by_region = local_counts("region", lambda stage, status, org: org.region_id if org else None)
    by_municipality = local_counts("municipality", lambda stage, status, org: org.municipality_id if org else None)
    # An idea is linked to a target group or theme at most once (the m2m tables are unique); tags are not.
    target_groups = linked("target_group", "target_groups__slug", distinct=False)
    themes = linked("theme", "themes__slug", distinct=False)
    tags = linked("tag", "tags__slug", distinct=True)

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
            (
                {
                    "value": organisations[pk].slug,
                    "label": organisations[pk].name,
                    "count": n,
                    "region": organisations[pk].region_id,
                }
                for pk, n in by_org.items()
            ),
            key=lambda row: (-row["count"], row["label"]),
        )[:ORGANISATIONS_SHOWN],
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


# ---- similar ideas and autocomplete --------------------------------------------------------------

MAX_SIMILAR_TEXT = 5000  # characters of title + problem looked at; more adds nothing but cost
SIMILAR_TTL = 300


def similar_ideas(title="", problem="", limit=5, exclude=None):
    """Published ideas most like the given text, as [(idea, score)]: "Findes din idé allerede?" while
    writing, and "Lignende idéer" on each idea page."""
    text = f"{title} {title} {problem}"[:MAX_SIMILAR_TEXT]  # the title counts double, as in the index
    if len(service.analyse(text)) < 2:
        return []
    # Archived and other ideas share the index: ask for more, keep the published ones.
    ranked = similar_ranking(text, limit * 3, exclude)
    ideas = (
        Idea.objects.filter(pk__in=[pk for pk, _s in ranked], status=Idea.Status.PUBLISHED)
        .select_related("organisation")
        .in_bulk()
    )
    return [(ideas[pk], score) for pk, score in ranked if pk in ideas][:limit]


def similar_ranking(text, limit, exclude):
    """The search service's [(id, score)] for "similar ideas", cached until an idea changes.

    Every idea page asks for it, and it is the page's costliest query: the database backend ranks each
    idea sharing any of 25 words with the text (~400 ms at 100 000 ideas). The ideas themselves are
    loaded fresh, so a hidden idea drops out at once. An answer from the fallback is not kept.
    """
    backend = "elasticsearch" if settings.ELASTICSEARCH_URL else "database"
    digest = hashlib.sha256(f"{backend}|{limit}|{exclude}|{text}".encode()).hexdigest()
    key = f"search:similar:{ideas_version()}:{digest}"
    ranked = cache.get(key)
    if ranked is None:
        ranked = service.similar(text, limit, exclude)
        if not service.fell_back():
            cache.set(key, ranked, SIMILAR_TTL)
    return ranked


def autocomplete(prefix, limit=8):
    """Public ideas whose titles start words with what was typed, for the header search box."""
    prefix = prefix.strip()[:100]
    if len(prefix) < 2 or not service.analyse(prefix):
        return []
    ids = service.suggestions(prefix, limit * 2)
    ideas = Idea.objects.filter(pk__in=ids, status__in=[Idea.Status.PUBLISHED, Idea.Status.ARCHIVED]).in_bulk()
    return [ideas[pk] for pk in ids if pk in ideas][:limit]
