"""The rules of the idea bank, used alike by the HTML views, the API and the admin.

Every function that changes data runs in one transaction and leaves the denormalised counters
(`vote_count`, `comment_count`, `trending_score`) exact: counters move only together with the row
they count, through atomic `F()` updates, so concurrent requests can neither lose nor double-count.
"""

from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from ideabank.accounts.roles import is_editor, is_moderator
from ideabank.errors import Conflict, require
from ideabank.live import publish as live
from ideabank.notifications import services as notifications
from ideabank.plain_sql import as_utc, one_row

from .models import Comment, Follow, Idea, Report, Stage, TriedReport, Vote
from .queries import can_view
from .signals import idea_changed

TRENDING_EPOCH = datetime(2026, 1, 1, tzinfo=UTC)
TRENDING_HALF_LIFE = timedelta(days=7)


# ---- who may do what -------------------------------------------------------------------------


def can_edit(user, idea):
    return user.is_authenticated and (idea.author_id == user.pk or is_editor(user))


def require_active_staff(user):
    require(user.is_authenticated and user.is_active, _("Du skal være logget ind."))


# ---- ideas -----------------------------------------------------------------------------------


def initial_status(publish):
    if not publish:
        return Idea.Status.DRAFT
    return Idea.Status.PENDING if settings.IDEABANK_PREMODERATION else Idea.Status.PUBLISHED


AUTHOR_FIELDS = frozenset({"title", "problem", "solution", "context", "results"})


def _check_writable(data):
    """Authors write text; status, stage and counters change only through the rules below."""
    unknown = set(data) - AUTHOR_FIELDS
    if unknown:
        raise ValidationError(_("Ukendte felter: %(fields)s") % {"fields": ", ".join(sorted(unknown))})


def _validate(instance, exclude=None):
    instance.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)


@transaction.atomic
def create_idea(author, *, data, target_groups=(), themes=(), tags=(), publish=True):
    """Create an idea for the author's organisation, as a draft or published (or pending review)."""
    require_active_staff(author)
    require(author.organisation_id, _("Du skal høre til en organisation for at dele idéer."))
    _check_writable(data)
    idea = Idea(author=author, organisation_id=author.organisation_id, status=initial_status(publish), **data)
    _validate(idea)
    if idea.status == Idea.Status.PUBLISHED:
        idea.published_at = timezone.now()
    idea.save()
    idea.target_groups.set(target_groups)
    idea.themes.set(themes)
    idea.tags.set(clean_tags(tags))
    if idea.status == Idea.Status.PUBLISHED:
        transaction.on_commit(lambda: notifications.notify_new_idea(idea))
    return idea


@transaction.atomic
def update_idea(user, idea, *, data, target_groups=None, themes=None, tags=None, publish=None):
    require(can_edit(user, idea), _("Du kan kun rette dine egne idéer."))
    require(idea.status not in (Idea.Status.MERGED,), _("Idéen er lagt sammen med en anden og kan ikke rettes."))
    _check_writable(data)
    for field, value in data.items():
        setattr(idea, field, value)
    if publish and idea.status == Idea.Status.DRAFT:
        idea.status = initial_status(True)
    _validate(idea)
    if idea.status == Idea.Status.PUBLISHED and idea.published_at is None:
        idea.published_at = timezone.now()
        transaction.on_commit(lambda: notifications.notify_new_idea(idea))
    idea.save()
    if target_groups is not None:
        idea.target_groups.set(target_groups)
    if themes is not None:
        idea.themes.set(themes)
    if tags is not None:
        idea.tags.set(clean_tags(tags))
    return idea


def clean_tags(tags):
    """Trim, de-duplicate case-insensitively and validate free tags."""
    seen, cleaned = set(), []
    for tag in tags:
        tag = " ".join(str(tag).split())[:100]
        if tag and tag.lower() not in seen:
            for validator in Idea._meta.get_field("title").validators:
                try:
                    validator(tag)
                except ValidationError as error:
                    raise ValidationError({"tags": error.messages}) from error
            seen.add(tag.lower())
            cleaned.append(tag)
    return cleaned


# ---- votes -----------------------------------------------------------------------------------


def trending_weight(moment):
    return 2 ** ((moment - TRENDING_EPOCH) / TRENDING_HALF_LIFE)


def _check_can_vote(user, idea):
    require_active_staff(user)
    require(idea.status == Idea.Status.PUBLISHED, _("Du kan kun stemme på offentliggjorte idéer."))
    require(idea.author_id != user.pk, _("Du kan ikke stemme på din egen idé."))


def cast_vote(user, idea):
    """Add the user's vote. A second vote is a Conflict and counts nothing.

    The vote and the count change in one transaction, and the unique (user, idea) key decides a race;
    without an enclosing transaction that costs no savepoint.
    """
    _check_can_vote(user, idea)
    try:
        with transaction.atomic():
            vote = Vote.objects.create(user=user, idea=idea)
            _count_vote(idea, 1, vote.created)
            live.vote_changed(idea)
    except IntegrityError as error:
        raise Conflict(_("Du har allerede stemt på denne idé.")) from error
    return {"votes": idea.vote_count, "voted": True}


# The vote's row goes, and says when it was cast (its weight in the trending score), in one statement.
WITHDRAW_VOTE_SQL = "DELETE FROM ideas_vote WHERE idea_id = %s AND user_id = %s RETURNING created"


@transaction.atomic
def withdraw_vote(user, idea):
    """Remove the user's vote. Withdrawing a vote that does not exist is a Conflict.

    Only the request whose DELETE removed the row lowers the count, so two at once count once.
    """
    _check_can_vote(user, idea)
    deleted = one_row(Vote, WITHDRAW_VOTE_SQL, [idea.pk, user.pk])
    if deleted is None:
        raise Conflict(_("Du har ikke stemt på denne idé."))
    _count_vote(idea, -1, as_utc(deleted[0]))
    live.vote_changed(idea)
    return {"votes": idea.vote_count, "voted": False}


# The count and the score move, and the new count comes back, in one statement (the ORM needs two).
COUNT_VOTE_SQL = (
    "UPDATE ideas_idea SET vote_count = vote_count + %s, trending_score = trending_score + %s"
    " WHERE id = %s RETURNING vote_count, trending_score"
)


def _count_vote(idea, step, cast_at):
    idea.vote_count, idea.trending_score = one_row(
        Idea, COUNT_VOTE_SQL, [step, step * trending_weight(cast_at), idea.pk]
    )


def has_voted(user, idea):
    return user.is_authenticated and Vote.objects.filter(user=user, idea=idea).exists()


# ---- comments --------------------------------------------------------------------------------


@transaction.atomic
def add_comment(author, idea, body, parent=None):
    require_active_staff(author)
    require(idea.status == Idea.Status.PUBLISHED, _("Der kan kun kommenteres på offentliggjorte idéer."))
    depth = 1
    if parent is not None:
        if parent.idea_id != idea.pk:
            raise ValidationError({"parent": _("Svaret hører til en anden idé.")})
        if parent.depth >= Comment.MAX_DEPTH:
            raise ValidationError(
                {"parent": _("Svar kan højst være %(depth)s niveauer dybe.") % {"depth": Comment.MAX_DEPTH}}
            )
        if parent.status != Comment.Status.VISIBLE:
            raise ValidationError({"parent": _("Du kan ikke svare på en slettet eller skjult kommentar.")})
        depth = parent.depth + 1
    comment = Comment(idea=idea, author=author, parent=parent, depth=depth, body=body)
    _validate(comment)
    comment.save()
    transaction.on_commit(lambda: notifications.notify_comment(comment))
    Idea.objects.filter(pk=idea.pk).update(comment_count=F("comment_count") + 1)
    live.comment_event("comment.created", comment)
    return comment


def can_edit_comment(user, comment, now=None):
    now = now or timezone.now()
    return (
        user.is_authenticated
        and comment.author_id == user.pk
        and comment.status == Comment.Status.VISIBLE
        and now - comment.created <= timedelta(minutes=Comment.EDIT_MINUTES)
    )


@transaction.atomic
def edit_comment(user, comment, body):
    require(comment.author_id == user.pk, _("Du kan kun rette dine egne kommentarer."))
    require(
        can_edit_comment(user, comment),
        _("En kommentar kan kun rettes de første %(minutes)s minutter.") % {"minutes": Comment.EDIT_MINUTES},
    )
    comment.body = body
    comment.edited_at = timezone.now()
    _validate(comment)
    comment.save(update_fields=["body", "edited_at"])
    live.comment_event("comment.edited", comment)
    return comment


@transaction.atomic
def delete_comment(user, comment):
    """Soft delete: the thread keeps a placeholder, the count drops by one."""
    require(comment.author_id == user.pk or is_moderator(user), _("Du kan kun slette dine egne kommentarer."))
    _set_comment_status(comment, Comment.Status.DELETED)
    return comment


def _set_comment_status(comment, status):
    """Change a comment's status and keep the idea's count of visible comments exact."""
    current = Comment.objects.select_for_update().filter(pk=comment.pk).values_list("status", flat=True).get()
    if current == status:
        comment.status = status
        return False
    Comment.objects.filter(pk=comment.pk).update(status=status)
    was_visible = current == Comment.Status.VISIBLE
    comment.status = status
    delta = 1 if status == Comment.Status.VISIBLE else -1 if was_visible else 0
    if delta:
        Idea.objects.filter(pk=comment.idea_id).update(comment_count=F("comment_count") + delta)
    # A restored comment is sent as an edit: the client swaps the placeholder for the text again.
    live.comment_event("comment.edited" if status == Comment.Status.VISIBLE else "comment.hidden", comment)
    return True


# ---- tried reports ---------------------------------------------------------------------------


@transaction.atomic
def report_tried(user, idea, *, tried_from, what_happened, tried_to=None):
    """An organisation says it tried the idea; the idea reaches stage `tried`."""
    require_active_staff(user)
    require(user.organisation_id, _("Du skal høre til en organisation."))
    require(idea.status == Idea.Status.PUBLISHED, _("Du kan kun melde afprøvning af offentliggjorte idéer."))
    report = TriedReport(
        idea=idea,
        organisation_id=user.organisation_id,
        author=user,
        tried_from=tried_from,
        tried_to=tried_to,
        what_happened=what_happened,
    )
    _validate(report)
    if tried_to and tried_to < tried_from:
        raise ValidationError({"tried_to": _("Slutdatoen ligger før startdatoen.")})
    if tried_from > timezone.localdate():
        raise ValidationError({"tried_from": _("Datoen ligger i fremtiden.")})
    try:
        with transaction.atomic():
            report.save()
    except IntegrityError as error:
        raise Conflict(_("Din organisation har allerede meldt, at den har prøvet idéen.")) from error
    raise_stage(idea, Stage.TRIED)
    transaction.on_commit(lambda: notifications.notify_tried(report))
    return report


def raise_stage(idea, stage):
    """Move an idea up the ladder; never down (an editor's higher stage is kept)."""
    if Stage.rank(stage) > Stage.rank(idea.stage):
        Idea.objects.filter(pk=idea.pk).update(stage=stage)
        idea.stage = stage
        _changed(idea)


# ---- reports and moderation ------------------------------------------------------------------


@transaction.atomic
def report_content(reporter, *, reason, idea=None, comment=None, note=""):
    """Flag an idea or comment. At three open reports the content is hidden pending review."""
    require_active_staff(reporter)
    if (idea is None) == (comment is None):
        raise ValidationError(_("Anmeld enten en idé eller en kommentar."))
    require(can_view(reporter, idea or comment.idea), _("Indholdet findes ikke."))
    report = Report(reporter=reporter, idea=idea, comment=comment, reason=reason, note=note)
    _validate(report, exclude=["reporter", "idea", "comment"])
    try:
        with transaction.atomic():
            report.save()
    except IntegrityError as error:
        raise Conflict(_("Du har allerede anmeldt dette indhold.")) from error
    open_reports = Report.objects.filter(idea=idea, comment=comment, handled_at__isnull=True).count()
    if open_reports >= Report.HIDE_THRESHOLD:
        if idea is not None and idea.status == Idea.Status.PUBLISHED:
            Idea.objects.filter(pk=idea.pk).update(status=Idea.Status.HIDDEN, hidden_by_reports=True)
            idea.status = Idea.Status.HIDDEN
            _changed(idea)
            log(instance=idea, action="ideabank.auto_hide", user=None, data={"open_reports": open_reports})
            transaction.on_commit(lambda: notifications.notify_auto_hidden(idea))
        elif comment is not None and comment.status == Comment.Status.VISIBLE:
            _set_comment_status(comment, Comment.Status.HIDDEN)
            Comment.objects.filter(pk=comment.pk).update(hidden_by_reports=True)
            log(instance=comment, action="ideabank.auto_hide", user=None, data={"open_reports": open_reports})
            transaction.on_commit(lambda: notifications.notify_auto_hidden(comment))
    return report


def _changed(*ideas):
    """Announce, after commit, a change made with update() (no post_save): facets and search follow it."""
    for idea in ideas:
        transaction.on_commit(lambda idea=idea: idea_changed.send(sender=Idea, idea=idea))
        live.idea_status(idea)


def _close_reports(moderator, target, resolution):
    field = "idea" if isinstance(target, Idea) else "comment"
    return Report.objects.filter(**{field: target}, handled_at__isnull=True).update(
        handled_by=moderator, handled_at=timezone.now(), resolution=resolution
    )


@transaction.atomic
def hide(moderator, target, reason=""):
    """Hide an idea or a comment and uphold its open reports."""
    require(is_moderator(moderator), _("Kun moderatorer kan skjule indhold."))
    hideable = (
        (Idea.Status.PUBLISHED, Idea.Status.PENDING, Idea.Status.ARCHIVED, Idea.Status.HIDDEN)
        if isinstance(target, Idea)
        else (Comment.Status.VISIBLE, Comment.Status.HIDDEN)
    )
    if target.status not in hideable:
        raise Conflict(_("Dette indhold kan ikke skjules."))
    if isinstance(target, Idea):
        if target.status != Idea.Status.HIDDEN:
            transaction.on_commit(lambda: notifications.notify_hidden(target))
        Idea.objects.filter(pk=target.pk).update(status=Idea.Status.HIDDEN)
        target.status = Idea.Status.HIDDEN
        _changed(target)
    else:
        _set_comment_status(target, Comment.Status.HIDDEN)
    closed = _close_reports(moderator, target, Report.Resolution.UPHELD)
    log(instance=target, action="ideabank.hide", user=moderator, data={"reason": reason, "reports_closed": closed})
    return target


@transaction.atomic
def hide_for_personal_data(target, reason):
    """Hide an idea or comment in which stored text was found to hold personal data, until a moderator
    decides (the moderation queue shows it as hidden; restoring is the moderator's call). Logged as the
    system's action."""
    if isinstance(target, Idea):
        if target.status in (Idea.Status.PUBLISHED, Idea.Status.PENDING, Idea.Status.ARCHIVED):
            Idea.objects.filter(pk=target.pk).update(status=Idea.Status.HIDDEN)
            target.status = Idea.Status.HIDDEN
            _changed(target)
    elif target.status == Comment.Status.VISIBLE:
        _set_comment_status(target, Comment.Status.HIDDEN)
    log(instance=target, action="ideabank.hide", user=None, data={"reason": reason, "reports_closed": 0})
    return target


@transaction.atomic
def restore(moderator, target):
    """Make hidden content visible again (or keep visible content) and dismiss its open reports."""
    require(is_moderator(moderator), _("Kun moderatorer kan gendanne indhold."))
    # Visible content with open reports may be "restored" too: that dismisses the reports.
    restorable = (
        (Idea.Status.HIDDEN, Idea.Status.PUBLISHED)
        if isinstance(target, Idea)
        else (Comment.Status.HIDDEN, Comment.Status.VISIBLE)
    )
    if target.status not in restorable:
        raise Conflict(_("Kun skjult eller anmeldt indhold kan gendannes."))
    if isinstance(target, Idea):
        Idea.objects.filter(pk=target.pk).update(status=Idea.Status.PUBLISHED, hidden_by_reports=False)
        target.status = Idea.Status.PUBLISHED
        _changed(target)
    else:
        _set_comment_status(target, Comment.Status.VISIBLE)
        Comment.objects.filter(pk=target.pk).update(hidden_by_reports=False)
    closed = _close_reports(moderator, target, Report.Resolution.DISMISSED)
    log(instance=target, action="ideabank.restore", user=moderator, data={"reports_closed": closed})
    return target


@transaction.atomic
def approve(moderator, idea):
    """Publish an idea that waits for pre-moderation."""
    require(is_moderator(moderator), _("Kun moderatorer kan godkende idéer."))
    require(idea.status == Idea.Status.PENDING, _("Idéen afventer ikke godkendelse."))
    Idea.objects.filter(pk=idea.pk).update(status=Idea.Status.PUBLISHED, published_at=timezone.now())
    idea.refresh_from_db()
    _changed(idea)
    transaction.on_commit(lambda: notifications.notify_new_idea(idea))
    log(instance=idea, action="ideabank.approve", user=moderator)
    return idea


@transaction.atomic
def merge(moderator, duplicate, into):
    """Merge a duplicate idea into another.

    Votes move unless the voter already voted on the target or wrote it (never counted twice),
    comments and tried reports move with their threads, and the duplicate redirects to the target.
    """
    require(is_moderator(moderator), _("Kun moderatorer kan lægge idéer sammen."))
    if duplicate.pk == into.pk:
        raise ValidationError(_("En idé kan ikke lægges sammen med sig selv."))
    if into.status not in (Idea.Status.PUBLISHED, Idea.Status.ARCHIVED):
        raise ValidationError(_("Der kan kun lægges sammen med en offentliggjort idé."))
    if duplicate.status == Idea.Status.MERGED:
        raise Conflict(_("Idéen er allerede lagt sammen med en anden."))
    # Lock both rows in a fixed order so two merges cannot interleave.
    list(Idea.objects.select_for_update().filter(pk__in=[duplicate.pk, into.pk]).order_by("pk"))

    already = Vote.objects.filter(idea=into, user__isnull=False).values("user_id")
    Vote.objects.filter(idea=duplicate).exclude(user_id__in=already).exclude(user_id=into.author_id).update(idea=into)
    Vote.objects.filter(idea=duplicate).delete()

    Comment.objects.filter(idea=duplicate).update(idea=into)
    tried_orgs = TriedReport.objects.filter(idea=into).values("organisation_id")
    TriedReport.objects.filter(idea=duplicate).exclude(organisation_id__in=tried_orgs).update(idea=into)
    following = Follow.objects.filter(idea=into).values("user_id")
    Follow.objects.filter(idea=duplicate).exclude(user_id__in=following).update(idea=into)
    into.tags.add(*duplicate.tags.all())

    recount(into)
    Idea.objects.filter(pk=duplicate.pk).update(
        status=Idea.Status.MERGED, merged_into=into, vote_count=0, comment_count=0, trending_score=0
    )
    duplicate.refresh_from_db()
    _changed(duplicate, into)
    if TriedReport.objects.filter(idea=into).exists():
        raise_stage(into, Stage.TRIED)
    transaction.on_commit(lambda: notifications.notify_merged(duplicate, into))
    log(instance=duplicate, action="ideabank.merge", user=moderator, data={"into": into.pk, "title": into.title})
    return into


def recount(idea):
    """Recompute an idea's counters from the rows themselves."""
    votes = list(Vote.objects.filter(idea=idea).values_list("created", flat=True))
    Idea.objects.filter(pk=idea.pk).update(
        vote_count=len(votes),
        trending_score=sum(trending_weight(moment) for moment in votes),
        comment_count=Comment.objects.filter(idea=idea, status=Comment.Status.VISIBLE).count(),
    )
    idea.refresh_from_db(fields=["vote_count", "trending_score", "comment_count"])


# ---- follows ---------------------------------------------------------------------------------


def follow(user, **target):
    """Follow exactly one of idea=, tag=, target_group=, organisation=, method= (live methods only).
    Following twice is harmless."""
    require_active_staff(user)
    if len(target) != 1 or next(iter(target)) not in Follow.KINDS:
        raise ValidationError(_("Vælg præcis én ting at følge."))
    if "idea" in target:
        require(can_view(user, target["idea"]), _("Idéen findes ikke."))
    if "method" in target:
        require(target["method"].live, _("Metoden findes ikke."))
    follow, _created = Follow.objects.get_or_create(user=user, **target)
    return follow


def support_instead(user, idea):
    """ "Støt denne idé i stedet": a colleague who was about to post a duplicate votes for the existing idea and
    follows it. A vote they already gave (or cannot give, on their own idea) is no obstacle to following.
    Returns whether a new vote was counted."""
    require(idea.status == Idea.Status.PUBLISHED, _("Du kan kun støtte offentliggjorte idéer."))
    voted = False
    if idea.author_id != user.pk:
        try:
            cast_vote(user, idea)
            voted = True
        except Conflict:
            pass
    follow(user, idea=idea)
    return voted


def unfollow(user, **target):
    return Follow.objects.filter(user=user, **target).delete()[0] > 0


def is_following(user, **target):
    return user.is_authenticated and Follow.objects.filter(user=user, **target).exists()
