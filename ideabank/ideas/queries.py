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
from django.db import transaction
from django.db.models import Count, Exists, Min, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from ideabank.accounts.models import Organisation
from ideabank.accounts.roles import is_moderator
from ideabank.attachments.models import Attachment, image_kinds
from ideabank.caching import current_version, move_on, under_version
from ideabank.ids import parse_id
from ideabank.taxonomy.models import Municipality, Region, TargetGroup, Theme
from search import service  # full-text ranking: the search service sits below ideas

from .models import NEWEST_PUBLISHED, Comment, Follow, Idea, IdeaTag, Report, Stage, TriedReport, Vote

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


def can_view(user, idea):
    """Whether the user may open the idea's page: public and merged ideas (which redirect) for everyone,
    every idea for its author, and the moderation queue (pending, hidden) for moderators."""
    if idea.is_public or idea.status == Idea.Status.MERGED:
        return True
    if not user.is_authenticated:
        return False
    if idea.author_id == user.pk:
        return True
    return idea.status in (Idea.Status.PENDING, Idea.Status.HIDDEN) and is_moderator(user)


def visible_idea(user, pk, queryset=None):
    """The idea with this id if the user may see it, else Http404 (a draft's existence is nobody else's
    business). Used alike by the pages and the API; `pk` may come straight from a request."""
    pk = parse_id(pk)
    idea = (queryset if queryset is not None else Idea.objects.all()).filter(pk=pk).first() if pk else None
    if idea is None or not can_view(user, idea):
        raise Http404
    return idea


def follow_target(user, kind, value, unfollowing=False):
    """The thing a follow names by `kind` and `value` (an id, a slug or a tag's name), or None.

    Ideas go by id and must be visible to the user, methods by id and must be live (unless the user is
    unfollowing: what they followed may have been hidden since); tags by slug or name, target groups by
    slug, organisations by slug or id. The pages' follow buttons and the API share this one rule.
    """
    value = str(value).strip()
    pk = parse_id(value)
    if kind == "idea":
        if not pk:
            return None
        idea = Idea.objects.filter(pk=pk).first()
        return idea if idea and (unfollowing or can_view(user, idea)) else None
    if kind == "method":
        # Follow names the method model by its label: the ideas app sits below the methods app.
        methods = Follow._meta.get_field("method").related_model.objects.all()
        return (methods if unfollowing else methods.live().public()).filter(pk=pk).first() if pk else None
    if kind == "tag":
        return Tag.objects.filter(Q(slug=value) | Q(name__iexact=value)).order_by("pk").first()
    if kind == "target_group":
        return TargetGroup.objects.filter(slug=value).first()
    if kind == "organisation":
        by_id = Q(pk=pk) if pk else Q(pk__in=[])
        return Organisation.objects.filter(Q(slug=value) | by_id).order_by("pk").first()
    return None


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
    return with_viewer_state(queryset, viewer).get(pk=pk)


def with_viewer_state(ideas, viewer):
    """`viewer_voted` and `viewer_follows` as EXISTS columns, for a logged-in viewer."""
    if viewer is None or not viewer.is_authenticated:
        return ideas
    return ideas.annotate(
        viewer_voted=Exists(Vote.objects.filter(idea=OuterRef("pk"), user=viewer)),
        viewer_follows=Exists(Follow.objects.filter(idea=OuterRef("pk"), user=viewer)),
    )


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


# Statuses in which an author's own idea is listed for everyone (published, archived) or for no one (merged).
SHOWN_TO_ALL_OR_NONE = [Idea.Status.PUBLISHED, Idea.Status.ARCHIVED, Idea.Status.MERGED]
FACETS_VERSION_KEY = "ideas:facets:version"
FACETS_TTL = 300


def has_unlisted_ideas(user):
    """Whether lists and search show this user ideas of their own that others cannot see yet (a draft, one
    waiting for a moderator, a hidden one): then the pages they share with colleagues are not theirs
    (parts.py). Cached until an idea changes."""
    return under_version(
        FACETS_VERSION_KEY,
        f"ideas:unlisted:{user.pk}",
        lambda: Idea.objects.filter(author=user).exclude(status__in=SHOWN_TO_ALL_OR_NONE).exists(),
        FACETS_TTL,
    )


def bump_facets_version(using=None):
    """Called whenever an idea changes in a way facets count; old cached facets then go unused.

    Inside a transaction it moves on again once that commits: a request that read the new version before
    the row was visible (has_unlisted_ideas, the facets) would otherwise keep its answer until the next
    change. Outside one, the change is visible already."""
    move_on(FACETS_VERSION_KEY)
    if transaction.get_connection(using).in_atomic_block:
        transaction.on_commit(lambda: move_on(FACETS_VERSION_KEY), using=using)


def ideas_version():
    """A number that changes whenever an idea changes in a way lists, facets or search see (see signals.py):
    part of the keys of everything cached "until an idea changes"."""
    return current_version(FACETS_VERSION_KEY)


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


# ---- moderation ------------------------------------------------------------------------------


def open_reports(target):
    """The open reports on an idea or a comment, oldest first, with who reported them."""
    field = "idea" if isinstance(target, Idea) else "comment"
    return list(
        Report.objects.filter(**{field: target}, handled_at__isnull=True)
        .select_related("reporter", "reporter__organisation")
        .order_by("created")
    )


def report_groups(reports=None):
    """Open reports grouped by what they report: rows of idea_id, comment_id, count and first_reported."""
    reports = reports if reports is not None else Report.objects.all()
    return (
        reports.filter(handled_at__isnull=True)
        .values("idea_id", "comment_id")
        .annotate(count=Count("pk"), first_reported=Min("created"))
    )


def reported_targets(groups):
    """A page of report_groups() with each group's idea or comment and its reasons, in three queries:
    [(group, target, ["Spam (2)", …])]. Groups whose content is gone are left out."""
    idea_ids = [group["idea_id"] for group in groups if group["idea_id"]]
    comment_ids = [group["comment_id"] for group in groups if group["comment_id"]]
    ideas = Idea.objects.select_related("author", "organisation").in_bulk(idea_ids)
    comments = Comment.objects.select_related("author", "idea").in_bulk(comment_ids)
    reasons = {}
    labels = dict(Report.Reason.choices)
    reason_rows = Report.objects.filter(handled_at__isnull=True).filter(
        Q(idea_id__in=idea_ids) | Q(comment_id__in=comment_ids)
    )
    for row in reason_rows.values("idea_id", "comment_id", "reason").annotate(n=Count("pk")).order_by("reason"):
        key = (row["idea_id"], row["comment_id"])
        reasons.setdefault(key, []).append(f"{labels.get(row['reason'], row['reason'])} ({row['n']})")
    found = []
    for group in groups:
        target = ideas.get(group["idea_id"]) if group["idea_id"] else comments.get(group["comment_id"])
        if target is not None:
            found.append((group, target, reasons.get((group["idea_id"], group["comment_id"]), [])))
    return found


def moderation_overview():
    """The numbers on the moderator's dashboard panel."""
    open_reports = Report.objects.filter(handled_at__isnull=True)
    # Content the threshold hid that no moderator has looked at yet.
    waiting = {"status": "hidden", "hidden_by_reports": True, "reports__handled_at__isnull": True}
    return {
        "open_reports": open_reports.count(),
        "reported_items": open_reports.values("idea_id", "comment_id").distinct().count(),
        "pending_ideas": Idea.objects.filter(status=Idea.Status.PENDING).count(),
        "hidden_by_reports": Idea.objects.filter(**waiting).values("pk").distinct().count()
        + Comment.objects.filter(**waiting).values("pk").distinct().count(),
    }


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
