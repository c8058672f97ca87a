"""The ideas API: list, post, read and edit ideas; vote, comment, report, "we tried it" and follow.

Reads are public; a request that carries a session or a bearer token also sees the user's own
drafts. Every write needs a user (token, or session with CSRF) and goes through
`ideabank.ideas.services`, which holds the rules; this module only translates HTTP to them.
"""

import json
import re

import pydantic
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Query, Router, Status
from ninja.decorators import decorate_view
from ninja.errors import HttpError
from ninja.errors import ValidationError as NinjaValidationError

from ideabank import ratelimit
from ideabank.accounts.roles import is_editor
from ideabank.attachments.models import Attachment
from ideabank.ideas import queries, services
from ideabank.ideas.models import Comment, Follow, Idea, Report, Stage, TriedReport, Vote
from ideabank.ideas.queries import visible_idea
from ideabank.methods import queries as method_queries
from ideabank.methods.models import Promotion
from ideabank.taxonomy.models import TargetGroup, Theme

from .auth import authenticated, session_auth, token_auth
from .conditional import conditional
from .errors import labelled
from .openapi import CONDITIONAL, RATE_LIMITED
from .pages import FacetedPage, envelope, rows_of
from .schemas import (
    CommentIn,
    CommentOut,
    FollowIn,
    FollowOut,
    IdeaDetailOut,
    IdeaIn,
    IdeaOut,
    IdeaPatch,
    ReportIn,
    ReportOut,
    TriedIn,
    TriedOut,
    VoteOut,
    no_control_characters,
)
from .shared import respond, shared_answer

router = Router(tags=["ideas"])

MAX_ID = 2**63 - 1  # beyond any primary key; larger numbers would overflow SQLite's integers
MAX_PAGE = 100_000
CODE = re.compile(r"[0-9]{1,6}")
LIST_PARAMETERS = {
    "q": gettext_lazy("søgning"),
    "sort": gettext_lazy("sortering"),
    "target_group": gettext_lazy("målgruppe"),
    "theme": gettext_lazy("indsatsområde"),
    "tag": gettext_lazy("emneord"),
    "organisation": gettext_lazy("organisation"),
    "municipality": gettext_lazy("kommune"),
    "region": gettext_lazy("region"),
    "stage": gettext_lazy("trin"),
    "status": gettext_lazy("status"),
}


class PublicRead:
    """Last link of the auth chain on reads: no credentials reads as anonymous, but a request
    that sent a bearer token nobody recognises is refused (401) rather than silently downgraded.

    A plain callable, not a ninja AuthBase, so the OpenAPI schema lists only the real schemes.
    """

    def __call__(self, request):
        if request.headers.get("Authorization"):
            return None
        request.user = AnonymousUser()
        return request.user


public = [token_auth, session_auth, PublicRead()]


# ---- helpers ---------------------------------------------------------------------------------


def invalid(field, label, message):
    error = DjangoValidationError({field: message})
    error.field_labels = {field: label}
    return error


def get_or_404(queryset, pk):
    if not isinstance(pk, int) or not 0 < pk <= MAX_ID:
        raise Http404
    found = queryset.filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def named(obj):
    return {"slug": obj.slug, "name": obj.name} if obj is not None else None


def author_out(user):
    if user is None:
        return None
    return {"display_name": user.public_name, "organisation": named(user.organisation)}


def idea_out(idea, voted):
    return {
        "id": idea.pk,
        "title": idea.title,
        "url": idea.get_absolute_url(),
        "stage": idea.stage,
        "status": idea.status,
        "votes": idea.vote_count,
        "comments": idea.comment_count,
        "tags": sorted((tag.name for tag in idea.tags.all()), key=str.lower),
        "target_groups": [named(group) for group in idea.target_groups.all()],
        "themes": [named(theme) for theme in idea.themes.all()],
        "organisation": named(idea.organisation),
        "created": idea.created,
        "published": idea.published_at,
        "voted": voted,
    }


def tried_out(report):
    return {
        "id": report.pk,
        "organisation": named(report.organisation),
        "tried_from": report.tried_from,
        "tried_to": report.tried_to,
        "what_happened": report.what_happened,
        "created": report.created,
    }


def attachment_out(request, attachment):
    return {
        "id": attachment.pk,
        "name": attachment.name,
        "type": attachment.kind,
        "size": attachment.size,
        "url": request.build_absolute_uri(attachment.get_absolute_url()),
        "description": attachment.description,
        "pages": attachment.page_count,
        "width": attachment.width,
        "height": attachment.height,
        "thumbnail": request.build_absolute_uri(attachment.thumbnail_url()) if attachment.thumbnail else None,
        "created": attachment.created,
    }


def detail_queryset():
    return (
        queries.with_list_relations(Idea.objects.all())
        .select_related("author__organisation")
        .prefetch_related(
            Prefetch("tried_reports", queryset=TriedReport.objects.select_related("organisation")),
            Prefetch("attachments", queryset=Attachment.objects.defer("text")),
        )
    )


def promoted_method(request, idea):
    """The method the idea grew into, as {id, title, url, status}, or None. The public sees it once it is
    published; editors also see the draft (status `draft` or `in_review`) with the admin address to edit it."""
    editor = is_editor(request.user)
    if not editor and idea.stage not in (Stage.METHOD, Stage.EVIDENCE):  # publishing lifts the idea's stage
        return None
    promotions = Promotion.objects.filter(idea=idea).select_related("method")
    promotion = (promotions if editor else promotions.filter(method__live=True)).first()
    if promotion is None:
        return None
    method = promotion.method
    out = {
        "id": method.pk,
        "title": method.title,
        "url": request.build_absolute_uri(method.url),
        "status": method_queries.status_of(method),
    }
    if editor:
        out["edit_url"] = request.build_absolute_uri(reverse("wagtailadmin_pages:edit", args=[method.pk]))
    return out


def detail_out(request, idea):
    """The full idea; `idea` comes from detail_queryset(), so this adds at most three small queries."""
    user = request.user
    return {
        **idea_out(idea, services.has_voted(user, idea)),
        "problem": idea.problem,
        "solution": idea.solution,
        "context": idea.context,
        "results": idea.results,
        "author": author_out(idea.author),
        "method": promoted_method(request, idea),
        "tried_reports": [tried_out(report) for report in idea.tried_reports.all()],
        "attachments": [attachment_out(request, attachment) for attachment in idea.attachments.all()],
        "merged_into": idea.merged_into_id,
        "following": services.is_following(user, idea=idea),
        "can_edit": services.can_edit(user, idea),
    }


def terms(model, slugs, field):
    """The vocabulary rows for the given slugs; any unknown slug refuses the whole request."""
    if slugs is None:
        return None
    slugs = list(dict.fromkeys(slugs))
    found = list(model.objects.filter(slug__in=slugs))
    missing = [slug for slug in slugs if slug not in {term.slug for term in found}]
    if missing:
        raise DjangoValidationError({field: _("Findes ikke: %(values)s.") % {"values": ", ".join(missing)}})
    return found


def check_list_parameters(request):
    for name, label in LIST_PARAMETERS.items():
        value = request.GET.get(name) or ""
        try:
            no_control_characters(value)
        except ValueError as error:
            raise invalid(name, label, str(error)) from error
    for name in ("municipality", "region"):
        value = (request.GET.get(name) or "").strip()
        if value and not CODE.fullmatch(value):
            raise invalid(name, LIST_PARAMETERS[name], _("Angiv koden som et tal, fx 751."))
    sort = (request.GET.get("sort") or "").strip()
    if sort and sort not in queries.SORT_LABELS:
        choices = ", ".join(queries.SORT_LABELS)
        raise invalid(
            "sort", LIST_PARAMETERS["sort"], _("Ukendt sortering. Vælg en af: %(choices)s.") % {"choices": choices}
        )


# ---- ideas -----------------------------------------------------------------------------------


@router.get("/ideas", response=FacetedPage[IdeaOut], auth=public)
def list_ideas(
    request,
    q: str = "",
    target_group: str = "",
    theme: str = "",
    tag: str = "",
    organisation: str = "",
    municipality: str = "",
    region: str = "",
    stage: str = "",
    status: str = "",
    sort: str = Query("", description="newest, votes, trending, comments or relevance (needs q)."),
    page: int = Query(1, ge=1, le=MAX_PAGE),
    page_size: int = Query(20, ge=1, le=100),
):
    """Ideas the user may see, filtered and sorted, a page at a time, with facet counts.

    Filters take slugs (target group, theme, tag, organisation) or codes (municipality, region);
    unknown values simply match nothing. `sort=relevance` without `q` sorts by newest.
    A page beyond the last one is not an error: it comes back empty (with `count` and a link to
    the previous page), so a client paging while ideas disappear does not break.
    """
    check_list_parameters(request)

    def shared():
        filters = queries.IdeaFilters.from_query(request.GET)
        ideas = queries.list_ideas(request.user, filters)
        count = ideas.count()
        rows = rows_of(ideas, count, page, page_size)
        return {
            **envelope(request, count, page, page_size, [idea_out(idea, False) for idea in rows]),
            "facets": queries.facets(request.user, filters),
        }

    # The same for colleagues with the same role and organisation, but for their own votes.
    answer = shared_answer(request, FacetedPage[IdeaOut], shared)
    if answer["results"] and request.user.is_authenticated:
        ids = [row["id"] for row in answer["results"]]
        voted = set(Vote.objects.filter(user=request.user, idea__in=ids).values_list("idea_id", flat=True))
        answer = {**answer, "results": [{**row, "voted": row["id"] in voted} for row in answer["results"]]}
    return respond(request, answer)


@router.post(
    "/ideas", response={201: IdeaDetailOut}, auth=authenticated, exclude_unset=True, openapi_extra=RATE_LIMITED
)
def create_idea(request, payload: IdeaIn):
    """Post an idea for your organisation: published (or pending review), or a private draft."""
    with labelled(Idea):
        target_groups = terms(TargetGroup, payload.target_groups, "target_groups")
        themes = terms(Theme, payload.themes, "themes")
        ratelimit.check(request, "idea")
        idea = services.create_idea(
            request.user,
            data={field: getattr(payload, field) for field in ("title", "problem", "solution", "context", "results")},
            target_groups=target_groups,
            themes=themes,
            tags=payload.tags,
            publish=payload.status == "published",
        )
    return Status(201, detail_out(request, detail_queryset().get(pk=idea.pk)))


@router.get("/ideas/{idea_id}", response=IdeaDetailOut, auth=public, exclude_unset=True, openapi_extra=CONDITIONAL)
@decorate_view(conditional)
def idea_detail(request, idea_id: int):
    """One idea. A merged idea answers with `status: "merged"` and `merged_into`, the idea it lives on in."""
    return detail_out(request, visible_idea(request.user, idea_id, detail_queryset()))


@router.patch("/ideas/{idea_id}", response=IdeaDetailOut, auth=authenticated, exclude_unset=True)
def update_idea(request, idea_id: int, payload: IdeaPatch):
    """Change your own idea (editors: any idea). `status: "published"` publishes a draft."""
    idea = visible_idea(request.user, idea_id)
    if not services.can_edit(request.user, idea):
        raise PermissionDenied(_("Du kan kun rette dine egne idéer."))
    changes = payload.model_dump(exclude_unset=True)
    status = changes.pop("status", None)
    with labelled(Idea):
        if status == "draft" and idea.status != Idea.Status.DRAFT:
            raise DjangoValidationError({"status": _("En delt idé kan ikke gøres til kladde igen.")})
        for field in ("context", "results"):
            if field in changes and changes[field] is None:
                changes[field] = ""
        services.update_idea(
            request.user,
            idea,
            data={
                field: changes[field]
                for field in ("title", "problem", "solution", "context", "results")
                if field in changes
            },
            target_groups=terms(TargetGroup, changes.get("target_groups"), "target_groups"),
            themes=terms(Theme, changes.get("themes"), "themes"),
            tags=changes.get("tags"),
            publish=status == "published",
        )
    return detail_out(request, detail_queryset().get(pk=idea.pk))


# ---- votes -----------------------------------------------------------------------------------

# A vote reads who may see and vote on the idea and its count, not its texts (most of a row's weight).
VOTING_FIELDS = Idea.objects.only("pk", "status", "author_id", "vote_count", "trending_score")


@router.post("/ideas/{idea_id}/vote", response=VoteOut, auth=authenticated, openapi_extra=RATE_LIMITED)
def vote(request, idea_id: int):
    """Vote for an idea (not your own). A second vote is 409."""
    idea = visible_idea(request.user, idea_id, VOTING_FIELDS)
    ratelimit.check(request, "vote")
    return services.cast_vote(request.user, idea)


@router.delete("/ideas/{idea_id}/vote", response=VoteOut, auth=authenticated, openapi_extra=RATE_LIMITED)
def withdraw_vote(request, idea_id: int):
    """Take your vote back. Without a vote to take back: 409."""
    idea = visible_idea(request.user, idea_id, VOTING_FIELDS)
    ratelimit.check(request, "vote")
    return services.withdraw_vote(request.user, idea)


# ---- comments --------------------------------------------------------------------------------


def comment_out(comment):
    shown = comment.status == Comment.Status.VISIBLE
    return {
        "id": comment.pk,
        "parent": comment.parent_id,
        "depth": comment.depth,
        "body": comment.body if shown else "",
        "status": comment.status,
        "author": author_out(comment.author) if shown else None,
        "created": comment.created,
        "edited": comment.edited_at is not None,
        "edited_at": comment.edited_at,
    }


def threaded(tree):
    for comment, replies in tree:
        yield comment
        yield from threaded(replies)


@router.get("/ideas/{idea_id}/comments", response=list[CommentOut], auth=public)
def list_comments(request, idea_id: int):
    """The idea's comments in thread order: each comment is followed by its replies (see `parent`, `depth`)."""
    idea = visible_idea(request.user, idea_id)
    comments = Comment.objects.filter(idea=idea).select_related("author__organisation").order_by("created", "pk")
    return [comment_out(comment) for comment in threaded(queries.comment_tree(comments))]


@router.post("/ideas/{idea_id}/comments", response={201: CommentOut}, auth=authenticated, openapi_extra=RATE_LIMITED)
def add_comment(request, idea_id: int, payload: CommentIn):
    """Comment on an idea, or answer a comment (`parent`); threads are at most three levels deep."""
    idea = visible_idea(request.user, idea_id)
    with labelled(Comment, parent=_("svar til")):
        parent = None
        if payload.parent is not None:
            try:
                parent = get_or_404(Comment.objects.all(), payload.parent)
            except Http404 as error:
                raise DjangoValidationError({"parent": _("Kommentaren, du svarer på, findes ikke.")}) from error
        ratelimit.check(request, "comment")
        comment = services.add_comment(request.user, idea, payload.body, parent=parent)
    comment = Comment.objects.select_related("author__organisation").get(pk=comment.pk)
    return Status(201, comment_out(comment))


# ---- reports ---------------------------------------------------------------------------------


def report(request, payload, **target):
    ratelimit.check(request, "report")
    with labelled(Report):
        created = services.report_content(request.user, reason=payload.reason, note=payload.note, **target)
    return Status(201, {"id": created.pk, "reason": created.reason, "note": created.note, "created": created.created})


@router.post("/comments/{comment_id}/report", response={201: ReportOut}, auth=authenticated, openapi_extra=RATE_LIMITED)
def report_comment(request, comment_id: int, payload: ReportIn):
    """Report a comment to the moderators. One open report per person; a second is 409."""
    comment = get_or_404(Comment.objects.select_related("idea"), comment_id)
    if not queries.can_view(request.user, comment.idea):
        raise Http404
    return report(request, payload, comment=comment)


@router.post("/ideas/{idea_id}/report", response={201: ReportOut}, auth=authenticated, openapi_extra=RATE_LIMITED)
def report_idea(request, idea_id: int, payload: ReportIn):
    """Report an idea to the moderators. One open report per person; a second is 409."""
    idea = visible_idea(request.user, idea_id)
    return report(request, payload, idea=idea)


# ---- tried reports ---------------------------------------------------------------------------


@router.post("/ideas/{idea_id}/tried", response={201: TriedOut}, auth=authenticated)
def report_tried(request, idea_id: int, payload: TriedIn):
    """ "We tried it": your organisation tried the idea. One report per organisation; a second is 409."""
    idea = visible_idea(request.user, idea_id)
    with labelled(TriedReport):
        created = services.report_tried(
            request.user,
            idea,
            tried_from=payload.tried_from,
            tried_to=payload.tried_to,
            what_happened=payload.what_happened,
        )
    created = TriedReport.objects.select_related("organisation").get(pk=created.pk)
    return Status(201, tried_out(created))


# ---- follows ---------------------------------------------------------------------------------


def follow_target(request, kind, value, unfollowing=False):
    """The object a follow points at, as keyword arguments for the services; 404 if it is unknown."""
    found = queries.follow_target(request.user, kind, value, unfollowing=unfollowing)
    if found is None:
        raise Http404
    return {kind: found}


def follow_out(follow):
    kind = follow.kind
    target = follow.target
    by_id = kind in ("idea", "method")
    value = str(target.pk) if by_id else target.slug
    label = target.title if by_id else target.name
    return {"kind": kind, "value": value, "label": label, "created": follow.created}


@router.get("/follows", response=list[FollowOut], auth=authenticated)
def list_follows(request):
    """What you follow, newest first."""
    follows = (
        Follow.objects.filter(user=request.user)
        .select_related("idea", "tag", "target_group", "organisation", "method")
        .order_by("-created", "-pk")
    )
    return [follow_out(follow) for follow in follows]


@router.post("/follows", response={200: FollowOut, 201: FollowOut}, auth=authenticated)
def follow(request, payload: FollowIn):
    """Follow an idea, a tag, a target group or an organisation: 201, or 200 if you already did."""
    target = follow_target(request, payload.kind, payload.value)
    already = services.is_following(request.user, **target)
    with labelled(Follow):
        created = services.follow(request.user, **target)
    return Status(200 if already else 201, follow_out(created))


@router.delete("/follows", response={204: None}, auth=authenticated)
def unfollow(request, kind: str | None = None, value: str | None = None):
    """Stop following: `kind` and `value` in the query string or in a JSON body, as for POST. Always 204."""
    source = {"kind": kind, "value": value} if kind is not None or value is not None else json_body(request)
    try:
        payload = FollowIn.model_validate(source)
    except pydantic.ValidationError as error:
        where = "query" if kind is not None or value is not None else "body"
        raise NinjaValidationError(
            [
                {**problem, "loc": (where, *problem["loc"])}
                for problem in error.errors(include_url=False, include_context=False, include_input=False)
            ]
        ) from error
    services.unfollow(request.user, **follow_target(request, payload.kind, payload.value, unfollowing=True))
    return Status(204, None)


def json_body(request):
    if not request.body:
        return {}
    try:
        data = json.loads(request.body)
    except ValueError as error:
        raise HttpError(400, _("Forespørgslen er ikke gyldig JSON.")) from error
    return data if isinstance(data, dict) else {}
