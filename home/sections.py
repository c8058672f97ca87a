"""What the home page shows: the ideas colleagues are busy with, the newest methods, and for a logged-in
user what concerns them (their municipality's ideas, what they follow, their drafts, unread notifications).

The public sections are the same for everyone and cached until an idea changes; the personal part is a few
small indexed queries with LIMITs, never a scan of the whole collection.
"""

import datetime
from collections import Counter

from django.core.cache import cache
from django.db import connections
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from ideabank.caching import under_version
from ideabank.ideas.models import Comment, Idea, TriedReport, Vote
from ideabank.ideas.queries import FACETS_VERSION_KEY, has_unlisted_ideas, ideas_version, with_list_relations
from ideabank.methods.models import MethodPage
from ideabank.notifications import services as notifications
from ideabank.spread.models import Adoption

TRENDING_DAYS = 14
TRENDING_COUNT = 6
NEW_METHODS = 4
PERSONAL_ROWS = 5
# What a colleague's action says about an idea: trying it out weighs most, a comment more than a vote.
TRENDING_WEIGHTS = ((Vote, 1, {}), (Comment, 2, {"status": Comment.Status.VISIBLE}), (TriedReport, 3, {}))
CACHE_SECONDS = 300


def trending_scores(now=None):
    """{idea id: score} over published ideas from votes, comments and tried reports of the last 14 days."""
    since = (now or timezone.now()) - datetime.timedelta(days=TRENDING_DAYS)
    scores = Counter()
    for model, weight, conditions in TRENDING_WEIGHTS:
        rows = (
            model.objects.filter(created__gte=since, idea__status=Idea.Status.PUBLISHED, **conditions)
            .order_by()
            .values("idea")
            .annotate(n=Count("pk"))
        )
        for row in rows:
            scores[row["idea"]] += weight * row["n"]
    return scores


def trending_idea_ids(now=None, limit=TRENDING_COUNT):
    """The ids of the ideas for "Idéer lige nu": most activity first (newer first on a tie); when it is quiet
    the newest published ideas fill the rest."""
    scores = trending_scores(now)
    published = dict(
        Idea.objects.filter(pk__in=list(scores), status=Idea.Status.PUBLISHED).values_list("pk", "published_at")
    )
    oldest = datetime.datetime.min.replace(tzinfo=datetime.UTC)
    ranked = sorted(published, key=lambda pk: (-scores[pk], -(published[pk] or oldest).timestamp(), -pk))[:limit]
    if len(ranked) < limit:
        newest = Idea.objects.filter(status=Idea.Status.PUBLISHED).exclude(pk__in=ranked)
        ranked += list(newest.order_by("-published_at", "-pk").values_list("pk", flat=True)[: limit - len(ranked)])
    return ranked


def trending_ideas(limit=TRENDING_COUNT):
    """The trending ideas, ready for a list row; the ranking is shared by every visitor until an idea changes."""
    key = f"home:trending:{ideas_version()}:{limit}"
    ids = cache.get(key)
    if ids is None:
        ids = trending_idea_ids(limit=limit)
        cache.set(key, ids, CACHE_SECONDS)
    ideas = with_list_relations(Idea.objects.filter(pk__in=ids, status=Idea.Status.PUBLISHED)).in_bulk()
    return [ideas[pk] for pk in ids if pk in ideas]


def newest_methods(limit=NEW_METHODS):
    """The newest published method pages, with their stage and knowledge declaration."""
    pages = list(MethodPage.objects.live().public().order_by("-first_published_at", "-pk")[:limit])
    for page in pages:
        page.declaration_summary = [
            (dimension.label, str(level), level.label) for dimension, level, _why in page.declaration() if level
        ]
    return pages


# Which of the personal lists have anything to show, in one query: most users have no unread notification
# or follow nothing, and each list they skip saves a query of 0.5–2 ms of CPU on every front page.
WHATS_THERE_SQL = """
    SELECT
        EXISTS (SELECT 1 FROM notifications_notification WHERE recipient_id = %s AND read_at IS NULL),
        EXISTS (SELECT 1 FROM ideas_follow WHERE user_id = %s AND (idea_id IS NOT NULL OR method_id IS NOT NULL))
"""


def personal_sections(user):
    """What the home page adds for a logged-in user. Each list is short, read by an index, and asked for only
    when there is something in it."""
    with connections[Idea.objects.db].cursor() as cursor:
        cursor.execute(WHATS_THERE_SQL, [user.pk, user.pk])
        has_unread, follows = cursor.fetchone()
    return {
        "organisation": user.organisation,
        "nearby_ideas": nearby_ideas(user),
        "followed_activity": followed_activity(user) if follows else [],
        # Drafts are among the ideas only their author sees, which is known without a query.
        "drafts": drafts(user) if has_unlisted_ideas(user) else [],
        "unread": unread_notifications(user) if has_unread else [],
    }


def nearby_ideas(user, limit=PERSONAL_ROWS):
    """The newest published ideas from the user's municipality (or organisation), not their own.

    The list is the same for everyone there, so it is cached for the organisation until an idea changes, a
    few rows longer than shown so that the reader's own ideas can be left out of it."""
    organisation = user.organisation
    if organisation is None:
        return []
    newest = under_version(
        FACETS_VERSION_KEY,
        f"home:nearby:{organisation.pk}",
        lambda: newest_nearby(organisation, 2 * limit),
        CACHE_SECONDS,
    )
    others = [idea for idea in newest if idea["author_id"] != user.pk]
    if len(others) < limit and len(newest) == 2 * limit:  # the user wrote most of the newest: ask for more
        others = newest_nearby(organisation, limit, leaving_out=user)
    return others[:limit]


def newest_nearby(organisation, limit, leaving_out=None):
    """Link, title, organisation and author of the newest published ideas there: all the section needs."""
    here = Q(organisation=organisation)
    if organisation.municipality_id:
        here |= Q(organisation__municipality_id=organisation.municipality_id)
    ideas = Idea.objects.filter(here, status=Idea.Status.PUBLISHED)
    if leaving_out is not None:
        ideas = ideas.exclude(author=leaving_out)
    rows = ideas.order_by("-published_at", "-pk").values_list("pk", "title", "organisation__name", "author_id")
    return [
        {"url": reverse("ideas:detail", args=[pk]), "title": title, "organisation": name, "author_id": author}
        for pk, title, name, author in rows[:limit]
    ]


def drafts(user, limit=PERSONAL_ROWS):
    ideas = Idea.objects.filter(author=user, status=Idea.Status.DRAFT).only("pk", "title", "updated")
    return list(ideas.order_by("-updated")[:limit])


def followed_activity(user, limit=PERSONAL_ROWS):
    """New comments on the ideas the user follows and new adoptions of the methods they follow, newest first."""
    comments = (
        Comment.objects.filter(idea__follows__user=user, status=Comment.Status.VISIBLE, idea__status="published")
        .exclude(author=user)
        .select_related("idea", "author")
        # What the section shows: not the ideas' and comments' texts, which are most of each row.
        .only("pk", "created", "idea__id", "idea__title", "author__id", "author__display_name", "author__deleted_at")
        .order_by("-created")[:limit]
    )
    adoptions = (
        Adoption.objects.filter(method__follows__user=user, method__live=True)
        .select_related("method", "organisation")
        # A method page's link needs its place in the tree, not its body.
        .only(
            "pk",
            "created",
            "organisation__id",
            "organisation__name",
            *(f"method__{name}" for name in ("page_ptr_id", "title", "url_path", "path", "depth", "live")),
        )
        .order_by("-created")[:limit]
    )
    events = [{"kind": "comment", "when": comment.created, "comment": comment} for comment in comments]
    events += [{"kind": "adoption", "when": adoption.created, "adoption": adoption} for adoption in adoptions]
    return sorted(events, key=lambda event: event["when"], reverse=True)[:limit]


def unread_notifications(user, limit=3):
    rows = list(notifications.for_user(user).filter(read_at__isnull=True).order_by("-created")[:limit])
    for notification in rows:
        notification.text = notifications.text(notification)
        notification.url = notifications.target_url(notification)
    return rows
