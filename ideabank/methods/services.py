"""The rules of the knowledge ladder's upper rungs: who may assess and promote, what an assessment must
hold, what a promotion copies, and what publishing a method does to its ideas.

Used alike by the admin views, the site and the API; every action is audit-logged.
"""

import datetime
import html
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from wagtail.log_actions import log

from ideabank.accounts.roles import is_editor
from ideabank.errors import Conflict
from ideabank.ideas import services as ideas
from ideabank.ideas.models import Idea, Stage
from ideabank.notifications import services as notifications
from ideabank.validators import USER_TEXT_VALIDATORS

from .business_case import DEFAULT_FACTORS, MAX_HORIZON, MAX_RATE, MIN_HORIZON
from .elements import MAX_SCORE, Conclusion, element_names, suggests_promising
from .models import (
    Assessment,
    AssessmentDraft,
    AssessmentScore,
    BusinessEffect,
    EscalationPin,
    MethodIndexPage,
    MethodPage,
    Promotion,
    QueueSetAside,
    ResearchItem,
)

SUMMARY_MAX = 600


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
        AssessmentDraft.objects.filter(assessor=editor, **{_target_field(target): target}).delete()
        if isinstance(target, Idea):
            if conclusion == Conclusion.PROMISING:
                ideas.raise_stage(target, Stage.PROMISING)
            transaction.on_commit(
                lambda: notifications.notify_assessed(target, Conclusion(conclusion).label, actor=editor)
            )
    return assessment


def _target_field(target):
    return "idea" if isinstance(target, Idea) else "method"


def assessment_history(target):
    return (
        Assessment.objects.filter(**{_target_field(target): target})
        .select_related("assessor")
        .prefetch_related("scores")
        .order_by("-created", "-pk")
    )


def draft_values(scores, conclusion):
    """What an unfinished assessment holds, as entered: a score 0–3 or None and a justification per element.

    Blanks are kept; any text is checked by the personal-data guard, and a hit refuses the whole draft."""
    errors, values = {}, {}
    scores = scores if isinstance(scores, dict) else {}
    for key in element_names():
        entry = scores.get(key) if isinstance(scores.get(key), dict) else {}
        score = entry.get("score")
        if isinstance(score, bool) or not isinstance(score, int) or not 0 <= score <= MAX_SCORE:
            score = None
        justification = str(entry.get("justification") or "").strip()[:2000]
        try:
            for validator in USER_TEXT_VALIDATORS:
                validator(justification)
        except ValidationError as error:
            errors[key] = error.messages
        values[key] = {"score": score, "justification": justification}
    if errors:
        raise ValidationError(errors)
    return {"scores": values, "conclusion": conclusion if conclusion in Conclusion.values else ""}


def save_assessment_draft(editor, target, *, scores, conclusion=""):
    """Keep an editor's unfinished assessment so they can resume it; one draft per editor and target."""
    require_editor(editor)
    data = draft_values(scores, conclusion)
    draft, _created = AssessmentDraft.objects.update_or_create(
        assessor=editor, **{_target_field(target): target}, defaults={"data": data}
    )
    return draft


def assessment_draft(editor, target):
    """The editor's unfinished assessment of this idea or method, or None."""
    return AssessmentDraft.objects.filter(assessor=editor, **{_target_field(target): target}).first()


# ---- escalation ----------------------------------------------------------------------------------

SNOOZE_DAYS = (14, 30, 90)


def pin(editor, idea):
    """An editor wants the idea in the queue: pinned, and back from any snooze or dismissal."""
    require_editor(editor)
    EscalationPin.objects.get_or_create(idea=idea, defaults={"pinned_by": editor})
    QueueSetAside.objects.filter(idea=idea).delete()


def unpin(editor, idea):
    require_editor(editor)
    EscalationPin.objects.filter(idea=idea).delete()


def set_aside(editor, idea, *, kind, reason, days=None):
    """Take an idea out of the escalation queue with a reason: snoozed for `days`, or dismissed. Logged."""
    require_editor(editor)
    if kind not in QueueSetAside.Kind.values:
        raise ValidationError({"kind": _("Vælg, om idéen skal udsættes eller afvises.")})
    reason = str(reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Begrundelse: skriv kort, hvorfor idéen tages ud af køen.")})
    if len(reason) > 500:
        raise ValidationError({"reason": _("Begrundelse: højst 500 tegn.")})
    try:
        for validator in USER_TEXT_VALIDATORS:
            validator(reason)
    except ValidationError as error:
        raise ValidationError({"reason": error.messages}) from error
    until = None
    if kind == QueueSetAside.Kind.SNOOZE:
        if days not in SNOOZE_DAYS:
            raise ValidationError({"days": _("Vælg, hvor længe idéen skal udsættes.")})
        until = timezone.localdate() + datetime.timedelta(days=days)
    with transaction.atomic():
        decision, _created = QueueSetAside.objects.update_or_create(
            idea=idea, defaults={"kind": kind, "reason": reason, "until": until, "decided_by": editor}
        )
        if kind == QueueSetAside.Kind.DISMISS:  # a snoozed pin returns with the idea; a dismissed one is gone
            EscalationPin.objects.filter(idea=idea).delete()
        log(
            instance=idea,
            action=f"ideabank.queue_{kind}",
            user=editor,
            data={"reason": reason, "until": until.isoformat() if until else None},
        )
    return decision


def return_to_queue(editor, idea):
    """Undo a snooze or dismissal. Logged."""
    require_editor(editor)
    with transaction.atomic():
        if QueueSetAside.objects.filter(idea=idea).delete()[0]:
            log(instance=idea, action="ideabank.queue_return", user=editor)


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


# ---- the business case ---------------------------------------------------------------------------

CASE_LABELS = {
    "cost_per_citizen": _lazy("udgift pr. borger"),
    "cost_source": _lazy("kilde til udgiften"),
    "horizon_years": _lazy("tidshorisont"),
    "discount_rate": _lazy("diskonteringsrente"),
    "factors.low": _lazy("faktor, lavt scenarie"),
    "factors.expected": _lazy("faktor, forventet scenarie"),
    "factors.high": _lazy("faktor, højt scenarie"),
    "effects": _lazy("effekter"),
}
EFFECT_LABELS = {
    "label": _lazy("navn"),
    "value_per_year": _lazy("værdi pr. år"),
    "share": _lazy("andel"),
    "years": _lazy("varighed"),
    "source": _lazy("kilde"),
}
EFFECT_FIELDS = {"value_per_year": "value_per_year", "share": "share", "years": "years", "label": "label"}
MAX_EFFECTS = 20
MEASURED = "measured"


class CaseErrors:
    """Field errors of a business case gathered under the API's names, so all are reported at once."""

    def __init__(self):
        self.errors = {}
        self.labels = dict(CASE_LABELS)

    def add(self, key, message, label=None):
        self.errors.setdefault(key, []).append(message)
        if label is not None:
            self.labels[key] = label

    def number(self, key, value, *, low=None, high=None, whole=False, label=None):
        """The value as a Decimal inside low–high, or None after noting why not."""
        if isinstance(value, bool) or not isinstance(value, int | float | str | Decimal) or value == "":
            self.add(key, _("Skriv et tal."), label)
            return None
        try:
            number = Decimal(str(value).strip().replace(",", "."))
        except InvalidOperation:
            number = None
        if number is None or not number.is_finite():
            self.add(key, _("Skriv et tal."), label)
            return None
        if whole and number != number.to_integral_value():
            self.add(key, _("Skriv et helt tal."), label)
            return None
        if low is not None and number < low:
            message = _("Må ikke være negativ.") if low == 0 else _("Skal være mindst %(low)s.") % {"low": low}
            self.add(key, message, label)
            return None
        if high is not None and number > high:
            self.add(key, _("Må højst være %(high)s.") % {"high": high}, label)
            return None
        return number

    def raise_if_any(self):
        if self.errors:
            error = ValidationError(self.errors)
            error.field_labels = self.labels
            raise error


def _effect_source(errors, key, source, label):
    """(research item, link) from an effect's `source`: a research item's id, a link, or nothing."""
    if source is None or source == "":
        return None, ""
    if isinstance(source, int) and not isinstance(source, bool):
        item = ResearchItem.objects.filter(pk=source).first() if 0 < source < 2**31 else None
        if item is None:
            errors.add(key, _("Findes ikke i forskningsbiblioteket."), label)
        return item, ""
    if isinstance(source, str):
        link = source.strip()
        try:
            URLValidator(schemes=["http", "https"])(link)
        except ValidationError:
            errors.add(
                key, _("Skriv et link (https://…) eller nummeret på en undersøgelse i forskningsbiblioteket."), label
            )
            return None, ""
        return None, link
    errors.add(key, _("Skriv et link (https://…) eller nummeret på en undersøgelse i forskningsbiblioteket."), label)
    return None, ""


def _effects(errors, effects):
    if not isinstance(effects, list):
        errors.add("effects", _("Skal være en liste af effekter."))
        return []
    if len(effects) > MAX_EFFECTS:
        errors.add("effects", _("Højst %(max)s effekter.") % {"max": MAX_EFFECTS})
        return []
    built = []
    for index, given in enumerate(effects):
        number = index + 1
        prefix = f"effects[{index}]"

        def label(field, number=number):
            return _("effekt %(number)s, %(field)s") % {"number": number, "field": EFFECT_LABELS[field]}

        if not isinstance(given, dict):
            errors.add(prefix, _("Skal være et objekt."), _("effekt %(number)s") % {"number": number})
            continue
        text = given.get("label")
        if not isinstance(text, str) or not text.strip():
            errors.add(f"{prefix}.label", _("Skriv, hvad effekten er."), label("label"))
            text = ""
        value = errors.number(
            f"{prefix}.value_per_year", given.get("value_per_year"), low=0, label=label("value_per_year")
        )
        years = errors.number(
            f"{prefix}.years", given.get("years"), low=MIN_HORIZON, high=MAX_HORIZON, whole=True, label=label("years")
        )
        share = given.get("share")
        measured = share == MEASURED
        if not measured:
            share = errors.number(f"{prefix}.share", share, low=0, high=1, label=label("share"))
        research, link = _effect_source(errors, f"{prefix}.source", given.get("source"), label("source"))
        effect = BusinessEffect(
            label=text.strip(),
            value_per_year=value if value is not None else Decimal(0),
            share=None if measured else share,
            measured_share=measured,
            years=int(years) if years is not None else 1,
            source_research=research,
            source_link=link,
            sort_order=index,
        )
        try:
            effect.full_clean(exclude=["page", "sort_order"])
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                if field in EFFECT_FIELDS and f"{prefix}.{field}" not in errors.errors:
                    for message in messages:
                        errors.add(f"{prefix}.{field}", message, label(field))
        built.append(effect)
    return built


def unsourced(effects):
    """The API's flags for effects without a source: counted, but shown with a warning."""
    return [
        {
            "field": f"effects[{index}].source",
            "msg": _("Effekt %(number)s («%(label)s») har ingen kilde. Den tæller med, men siden advarer om det.")
            % {"number": index + 1, "label": effect.label},
        }
        for index, effect in enumerate(effects)
        if not effect.has_source
    ]


def set_business_case(editor, method, *, cost_per_citizen, cost_source, horizon_years, discount_rate, effects, factors):
    """Replace a published method's business case and publish it as a new revision (so the page history says
    who changed it). Every field error is reported at once and nothing is stored. A method with changes
    waiting in the page editor is refused: publishing would take them along, overwriting would lose them.

    `discount_rate` is a fraction (0.04 = 4 %); an effect's `share` is 0–1 or "measured", its `source` a
    research item's id or a link. Returns the flags for effects without a source."""
    require_editor(editor)
    errors = CaseErrors()
    cost = None
    if cost_per_citizen is not None:
        cost = errors.number("cost_per_citizen", cost_per_citizen, low=0)
    source = cost_source.strip() if isinstance(cost_source, str) else ""
    if cost_per_citizen is not None and not source:
        errors.add("cost_source", _("Angiv kilden til udgiften, når du selv sætter den."))
    for validator in USER_TEXT_VALIDATORS:
        try:
            validator(source)
        except ValidationError as error:
            errors.add("cost_source", error.messages[0])
    horizon = errors.number("horizon_years", horizon_years, low=MIN_HORIZON, high=MAX_HORIZON, whole=True)
    rate = errors.number("discount_rate", discount_rate, low=0, high=Decimal(str(MAX_RATE)))
    factors = factors if isinstance(factors, dict) else {}
    chosen = {}
    for name in ("low", "expected", "high"):
        default = Decimal(str(DEFAULT_FACTORS[name]))
        chosen[name] = errors.number(f"factors.{name}", factors.get(name, default), low=0, high=10)
    built = _effects(errors, effects)
    if not built and "effects" not in errors.errors:
        errors.add("effects", _("Angiv mindst én effekt."))
    errors.raise_if_any()
    with transaction.atomic():
        page = MethodPage.objects.select_for_update().get(pk=method.pk)
        if not page.live or page.has_unpublished_changes or page.workflow_in_progress:
            raise Conflict(
                _(
                    "Metoden har ændringer, der ikke er udgivet, eller er ikke udgivet endnu. Udgiv eller kassér "
                    "dem i sideredigeringen, før økonomien ændres her."
                )
            )
        page.business_cost = cost
        page.business_cost_source = source[:500]
        page.business_horizon = int(horizon)
        page.business_discount_rate = (rate * 100).quantize(Decimal("0.01"))
        for name, value in chosen.items():
            setattr(page, f"business_factor_{name}", value.quantize(Decimal("0.01")))
        page.effects = built
        page.save_revision(user=editor, log_action=True).publish(user=editor)
    return unsourced(built)
