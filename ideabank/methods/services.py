"""The rules of the knowledge ladder's upper rungs: who may assess and promote, what an assessment must
hold, what a promotion copies, and what publishing a method does to its ideas.

Used alike by the admin views, the site and the API; every action is audit-logged.
"""

import html

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from ideabank.accounts.roles import Role, has_role
from ideabank.ideas import services as ideas
from ideabank.ideas.models import Idea, Stage
from ideabank.notifications import services as notifications
from ideabank.validators import USER_TEXT_VALIDATORS

from .elements import MAX_SCORE, Conclusion, element_names, suggests_promising
from .models import Assessment, AssessmentScore, EscalationPin, MethodIndexPage, MethodPage, Promotion

SUMMARY_MAX = 600


def is_editor(user):
    return has_role(user, Role.REDAKTOER)


def require_editor(user):
    if not (user.is_authenticated and user.is_active and is_editor(user)):
        raise PermissionDenied(_("Kun redaktører kan gøre dette."))


# ---- assessment ----------------------------------------------------------------------------------


def clean_scores(scores):
    """{key: {"score", "justification"}} for all 11 elements → {key: (score, justification)}.

    Raises one ValidationError naming every element that is missing, unknown or out of range.
    """
    errors = {}
    names = element_names()
    if not isinstance(scores, dict):
        raise ValidationError({"scores": _("Angiv en score for hvert af de 11 elementer.")})
    for key in scores:
        if key not in names:
            errors[key] = _("ukendt element; brug nøglerne fra de 11 elementer.")
    cleaned = {}
    for key in names:
        entry = scores.get(key)
        if not isinstance(entry, dict) or "score" not in entry:
            errors[key] = _("mangler en score.")
            continue
        score = entry["score"]
        if isinstance(score, bool) or not isinstance(score, int) or not 0 <= score <= MAX_SCORE:
            errors[key] = _("scoren skal være et helt tal fra 0 til 3.")
            continue
        justification = str(entry.get("justification") or "").strip()
        if not justification:
            errors[key] = _("mangler en begrundelse.")
            continue
        try:
            for validator in USER_TEXT_VALIDATORS:
                validator(justification)
        except ValidationError as error:
            errors[key] = error.messages
            continue
        cleaned[key] = (score, justification[:2000])
    if errors:
        raise ValidationError(errors)
    return cleaned


def suggestion(scores):
    """The system's suggested conclusion for {key: score}."""
    return Conclusion.PROMISING if suggests_promising(scores) else Conclusion.NOT_YET


def assess(editor, target, *, scores, conclusion):
    """Record an editor's assessment of an idea or a method; a promising idea moves to stage `promising`."""
    require_editor(editor)
    if conclusion not in Conclusion.values:
        raise ValidationError({"conclusion": _("Vælg en konklusion: lovende praksis eller endnu ikke.")})
    if isinstance(target, Idea) and not target.is_public:
        raise ValidationError(_("Kun offentliggjorte idéer kan vurderes."))
    cleaned = clean_scores(scores)
    with transaction.atomic():
        assessment = Assessment.objects.create(
            idea=target if isinstance(target, Idea) else None,
            method=target if isinstance(target, MethodPage) else None,
            assessor=editor,
            conclusion=conclusion,
            suggested=suggestion({key: score for key, (score, _text) in cleaned.items()}),
        )
        AssessmentScore.objects.bulk_create(
            AssessmentScore(assessment=assessment, element=key, score=score, justification=text)
            for key, (score, text) in cleaned.items()
        )
        log(instance=target, action="ideabank.assess", user=editor, data={"conclusion": conclusion})
        if isinstance(target, Idea):
            if conclusion == Conclusion.PROMISING:
                ideas.raise_stage(target, Stage.PROMISING)
            transaction.on_commit(
                lambda: notifications.notify_assessed(target, Conclusion(conclusion).label, actor=editor)
            )
    return assessment


def assessment_history(target):
    field = "idea" if isinstance(target, Idea) else "method"
    return (
        Assessment.objects.filter(**{field: target})
        .select_related("assessor")
        .prefetch_related("scores")
        .order_by("-created", "-pk")
    )


# ---- escalation ----------------------------------------------------------------------------------


def pin(editor, idea):
    require_editor(editor)
    EscalationPin.objects.get_or_create(idea=idea, defaults={"pinned_by": editor})


def unpin(editor, idea):
    require_editor(editor)
    EscalationPin.objects.filter(idea=idea).delete()


# ---- promotion -----------------------------------------------------------------------------------


def promotion_refusal(idea):
    """Why this idea cannot be promoted, or None."""
    reasons = {
        Idea.Status.DRAFT: _("Idéen er en kladde og kan ikke løftes til metode."),
        Idea.Status.PENDING: _("Idéen afventer godkendelse og kan ikke løftes til metode endnu."),
        Idea.Status.HIDDEN: _("Idéen er skjult af en moderator og kan ikke løftes til metode."),
        Idea.Status.MERGED: _("Idéen er lagt sammen med en anden idé; løft den anden i stedet."),
    }
    return reasons.get(idea.status)


def _paragraphs(text):
    """Plain user text as safe rich text: escaped, one <p> per paragraph."""
    blocks = [block.strip() for block in text.replace("\r\n", "\n").split("\n\n") if block.strip()]
    return "".join(f"<p>{html.escape(block).replace(chr(10), '<br/>')}</p>" for block in blocks)


def method_index():
    index = MethodIndexPage.objects.first()
    if index is None:
        raise ValidationError(_("Der er ingen metodeoversigt at oprette metoden under."))
    return index


def _draft_from(idea, editor):
    summary = idea.solution.strip()
    if len(summary) > SUMMARY_MAX:
        summary = summary[: SUMMARY_MAX - 1].rsplit(" ", 1)[0] + "…"
    method = MethodPage(
        title=idea.title,
        summary=summary,
        problem=_paragraphs(idea.problem),
        description=[("paragraph", _paragraphs(idea.solution))],
        live=False,
        owner=editor,
    )
    method.target_groups = list(idea.target_groups.all())
    method.themes = list(idea.themes.all())
    method.tags.set([tag.name for tag in idea.tags.all()])
    method_index().add_child(instance=method)
    method.save_revision(user=editor, log_action=True)
    return method


def promote(editor, idea, into=None):
    """Lift an idea into a method: a new draft (prefilled from the idea) or an existing method.

    Returns (method, created). Idempotent: an idea already promoted returns its method, also when two
    requests race — the second waits on the idea's row lock (PostgreSQL) or loses on the unique key.
    """
    require_editor(editor)
    try:
        with transaction.atomic():
            locked = Idea.objects.select_for_update().get(pk=idea.pk)
            existing = Promotion.objects.filter(idea=locked).select_related("method").first()
            if existing is not None:
                return existing.method, False
            refusal = promotion_refusal(locked)
            if refusal:
                raise ValidationError(refusal)
            method = into if into is not None else _draft_from(locked, editor)
            Promotion.objects.create(idea=locked, method=method, promoted_by=editor)
            log(instance=locked, action="ideabank.promote", user=editor, data={"method": method.pk})
    except IntegrityError:
        existing = Promotion.objects.filter(idea=idea).select_related("method").first()
        if existing is None:
            raise
        return existing.method, False
    if method.live:
        transaction.on_commit(lambda: announce(method))
    return method, True


def announce(method):
    """The method is published: its ideas climb to its stage and their people hear of it (once per idea)."""
    method = MethodPage.objects.get(pk=method.pk)
    for promotion in Promotion.objects.filter(method=method).select_related("idea", "promoted_by"):
        ideas.raise_stage(promotion.idea, method.stage)
        # The conditional update claims the announcement, so two publishes racing tell people once.
        first = Promotion.objects.filter(pk=promotion.pk, announced_at__isnull=True).update(announced_at=timezone.now())
        if first:
            notifications.notify_promoted(promotion.idea, method, actor=promotion.promoted_by)
