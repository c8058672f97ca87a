"""The rules of spread: who registers an adoption, how its status moves, what an outcome report must hold,
and what happens to an idea's adoptions when it becomes a method. Used by the site, the API and the admin.

Errors name the field (ValidationError with a dict) so the API answers 422 with the field, the forms show
it beside the input, and nothing is stored: every check runs before the first write, and the writes of one
call share a transaction.
"""

import math
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ideabank.accounts.models import User
from ideabank.accounts.roles import is_editor
from ideabank.errors import Conflict
from ideabank.ideas.services import require_active_staff
from ideabank.methods.models import OutcomeIndicator
from ideabank.notifications import services as notifications
from ideabank.validators import USER_TEXT_VALIDATORS, check_plausible_dates, implausible_dates

from .models import Adoption, AdoptionStatus, IndicatorValue, OutcomeReport, StatusChange

NOTE_MAX = 4000
REASON_MAX = 2000
# The model's decimal columns: cost has 10 digits with 2 decimals, indicator values 12 with 2.
COST_MAX = Decimal("99999999.99")
INDICATOR_MAX = Decimal("9999999999.99")
COUNT_MAX = 10_000_000  # more citizens than Denmark has is a typing error


def can_manage(user, adoption_or_organisation):
    """Staff change their own organisation's adoptions; editors all of them."""
    if isinstance(adoption_or_organisation, Adoption):
        organisation_id = adoption_or_organisation.organisation_id  # no query for the organisation itself
    else:
        organisation_id = adoption_or_organisation.pk
    if not (user.is_authenticated and user.is_active):
        return False
    return is_editor(user) or (user.organisation_id is not None and user.organisation_id == organisation_id)


def require_manage(user, target):
    require_active_staff(user)
    if not can_manage(user, target):
        raise PermissionDenied(_("Du kan kun ændre din egen organisations ibrugtagninger."))


def _validate_text(field, value, limit):
    if len(value) > limit:
        raise ValidationError({field: _("Må højst være %(limit)d tegn.") % {"limit": limit}})
    try:
        for validator in USER_TEXT_VALIDATORS:
            validator(value)
    except ValidationError as error:
        raise ValidationError({field: error.messages}) from error


def _check_status(status, reason, started):
    if status not in AdoptionStatus.values:
        raise ValidationError({"status": _("Vælg en status: overvejer, afprøver, implementeret eller stoppet.")})
    if status == AdoptionStatus.STOPPED and not (reason or "").strip():
        raise ValidationError({"reason": _("Skriv kort, hvorfor I er stoppet – det kan andre lære af.")})
    if started is not None and started > timezone.localdate():
        raise ValidationError({"started": _("Startdatoen ligger i fremtiden.")})
    if started is not None:
        check_plausible_dates(started=started)
    _validate_text("reason", reason or "", REASON_MAX)


def _check_contact(contact, organisation_id):
    if contact.organisation_id != organisation_id or not contact.is_active or contact.deleted_at is not None:
        raise ValidationError({"contact": _("Kontaktpersonen skal være en aktiv medarbejder i organisationen.")})


def adoptable(method=None, idea=None):
    """What an adoption should point at: a live method, or a public idea (or the live method it became)."""
    if method is not None:
        if not method.live:
            raise ValidationError(_("Metoden er ikke offentliggjort."))
        return method, None
    if idea is None or not idea.is_public:
        raise ValidationError(_("Kun offentliggjorte idéer kan tages i brug."))
    promotion = getattr(idea, "promotion", None)
    if promotion is not None and promotion.method.live:
        return promotion.method, None
    return None, idea


def register(user, *, status, started, method=None, idea=None, organisation=None, contact=None, reason=""):
    """Register that an organisation uses a method (or idea). A second one for the same pair is a Conflict."""
    require_active_staff(user)
    organisation = organisation or user.organisation
    if organisation is None:
        raise ValidationError(_("Du skal høre til en organisation for at registrere en ibrugtagning."))
    require_manage(user, organisation)
    method, idea = adoptable(method, idea)
    if started is None:
        raise ValidationError({"started": _("Skriv, hvornår I begyndte.")})
    _check_status(status, reason, started)
    reason = (reason or "").strip()
    contact = contact or user
    _check_contact(contact, organisation.pk)
    adoption = Adoption(
        method=method,
        idea=idea,
        organisation=organisation,
        status=status,
        started=started,
        stopped_reason=reason if status == AdoptionStatus.STOPPED else "",
        contact=contact,
    )
    try:
        with transaction.atomic():
            adoption.save()
            StatusChange.objects.create(
                adoption=adoption, status=status, changed_on=started, reason=reason, changed_by=user
            )
    except IntegrityError as error:
        raise Conflict(_("Organisationen har allerede registreret, at den bruger dette.")) from error
    if method is not None:
        transaction.on_commit(lambda: notify_adopted(adoption, actor=user))
    return adoption


def change(user, adoption, *, status=None, started=None, contact=None, reason="", changed_on=None):
    """Move an adoption to a new status (dated, kept in its history) and/or correct its start, contact or
    the reason it stopped. The history stays in date order: a new step is not dated before the last one,
    and a corrected start does not pass the first change after it."""
    require_manage(user, adoption)
    today = timezone.localdate()
    changed_on = changed_on or today
    reason = (reason or "").strip()
    with transaction.atomic():
        adoption = Adoption.objects.select_for_update().get(pk=adoption.pk)
        moving = bool(status) and status != adoption.status
        new_status = status or adoption.status
        _check_status(new_status, reason or adoption.stopped_reason, started)
        if contact is not None:
            _check_contact(contact, adoption.organisation_id)
        history = list(adoption.history.order_by("changed_on", "pk"))
        if moving:
            if changed_on > today:
                raise ValidationError({"changed_on": _("Datoen ligger i fremtiden.")})
            check_plausible_dates(changed_on=changed_on)
            if history and changed_on < history[-1].changed_on:
                raise ValidationError({"changed_on": _("Datoen ligger før den seneste statusændring.")})
            if new_status == AdoptionStatus.STOPPED and not reason:
                raise ValidationError({"reason": _("Skriv kort, hvorfor I er stoppet – det kan andre lære af.")})
        if started is not None:
            later = [row.changed_on for row in history[1:]] + ([changed_on] if moving else [])
            if later and started > min(later):
                raise ValidationError({"started": _("Startdatoen ligger efter en senere statusændring.")})
            first_report = adoption.outcomes.order_by("period_end").first()
            if first_report is not None and started >= first_report.period_end:
                raise ValidationError({"started": _("Startdatoen ligger efter en rapporteret periode.")})
        if started is not None and history:
            # The first history row is the registration; a corrected start moves it with it.
            StatusChange.objects.filter(pk=history[0].pk).update(changed_on=started)
        if started is not None:
            adoption.started = started
        if moving:
            StatusChange.objects.create(
                adoption=adoption, status=new_status, changed_on=changed_on, reason=reason, changed_by=user
            )
            adoption.status = new_status
            adoption.stopped_reason = reason if new_status == AdoptionStatus.STOPPED else ""
        elif adoption.status == AdoptionStatus.STOPPED and reason:
            adoption.stopped_reason = reason
        if contact is not None:
            adoption.contact = contact
        adoption.save()
    return adoption


def carry_over(idea, method):
    """When an idea becomes a method, its adoptions become the method's (one per organisation: the earlier
    start wins, and the other's history and reports are kept on it)."""
    with transaction.atomic():
        for adoption in Adoption.objects.select_for_update().filter(idea=idea, method__isnull=True):
            existing = Adoption.objects.filter(method=method, organisation=adoption.organisation).first()
            if existing is None:
                adoption.method = method
                adoption.save(update_fields=["method", "updated"])
                continue
            StatusChange.objects.filter(adoption=adoption).update(adoption=existing)
            OutcomeReport.objects.filter(adoption=adoption).update(adoption=existing)
            existing.started = min(existing.started, adoption.started)
            # The merged history decides where the organisation stands now.
            latest = existing.history.order_by("-changed_on", "-pk").first()
            existing.status = latest.status
            existing.stopped_reason = latest.reason if latest.status == AdoptionStatus.STOPPED else ""
            existing.save(update_fields=["started", "status", "stopped_reason", "updated"])
            adoption.delete()


# ---- outcome reports --------------------------------------------------------------------------


def _count(value, field, errors):
    if value in (None, ""):
        errors[field] = _("Feltet skal udfyldes.")
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        errors[field] = _("Skal være et helt tal.")
        return None
    if value < 0:
        errors[field] = _("Må ikke være negativ.")
        return None
    if value > COUNT_MAX:
        errors[field] = _("Tallet er urimeligt stort.")
        return None
    return value


def _decimal(value, limit):
    """A finite number as a Decimal with two decimals, or None if it is not one (or too large)."""
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    try:
        number = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
        if not number.is_finite():
            return None
        number = number.quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError):
        return None
    return number if abs(number) <= limit else None


def report_outcome(
    user,
    adoption,
    *,
    period_start,
    period_end,
    citizens_reached,
    citizens_asked,
    citizens_helped,
    indicators=None,
    cost_per_citizen=None,
    note="",
):
    """Store one period's results for an adoption, after checking every rule of the issue; all or nothing."""
    require_manage(user, adoption)
    errors = {}
    numbers = {
        "citizens_reached": _count(citizens_reached, "citizens_reached", errors),
        "citizens_asked": _count(citizens_asked, "citizens_asked", errors),
        "citizens_helped": _count(citizens_helped, "citizens_helped", errors),
    }
    if not errors:
        if numbers["citizens_asked"] > numbers["citizens_reached"]:
            errors["citizens_asked"] = _("Der kan ikke være spurgt flere borgere, end der er nået.")
        elif numbers["citizens_helped"] > numbers["citizens_asked"]:
            errors["citizens_helped"] = _("Der kan ikke være flere, der følte sig hjulpet, end der blev spurgt.")
    if period_start is None:
        errors["period_start"] = _("Feltet skal udfyldes.")
    else:
        errors.update(implausible_dates(period_start=period_start))
    if period_end is None:
        errors["period_end"] = _("Feltet skal udfyldes.")
    elif period_start is not None and period_end <= period_start:
        errors["period_end"] = _("Periodens slut skal ligge efter dens start.")
    elif period_end > timezone.localdate():
        errors["period_end"] = _("Perioden er ikke slut endnu.")
    elif period_end <= adoption.started:
        errors["period_end"] = _("Perioden slutter, før organisationen begyndte at bruge metoden.")
    cost = None
    if cost_per_citizen not in (None, ""):
        cost = _decimal(cost_per_citizen, COST_MAX)
        if cost is None:
            errors["cost_per_citizen"] = _("Skriv et beløb i kroner, fx 1250,50.")
        elif cost < 0:
            errors["cost_per_citizen"] = _("Må ikke være negativ.")
    note = (note or "").strip()
    try:
        _validate_text("note", note, NOTE_MAX)
    except ValidationError as error:
        errors.update(error.message_dict)
    values = _indicator_values(adoption, indicators, errors)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        Adoption.objects.select_for_update().filter(pk=adoption.pk).first()
        # Both days count as part of a period ("1 January – 31 March"), so sharing a day is an overlap.
        overlapping = OutcomeReport.objects.filter(
            adoption=adoption, period_start__lte=period_end, period_end__gte=period_start
        ).exists()
        if overlapping:
            raise ValidationError({"period_start": _("Perioden overlapper en periode, der allerede er rapporteret.")})
        report = OutcomeReport.objects.create(
            adoption=adoption,
            period_start=period_start,
            period_end=period_end,
            cost_per_citizen=cost,
            note=note,
            reported_by=user,
            **numbers,
        )
        IndicatorValue.objects.bulk_create(
            IndicatorValue(report=report, indicator=indicator, baseline=baseline, current=current)
            for indicator, baseline, current in values
        )
    return report


def _indicator_values(adoption, indicators, errors):
    """[(indicator, baseline, current)] from {indicator id: {"baseline", "current"}}; only the method's own."""
    if not indicators:
        return []
    if not isinstance(indicators, dict):
        errors["indicators"] = _("Angiv indikatorerne som {id: {baseline, current}}.")
        return []
    if adoption.method_id is None:
        errors["indicators"] = _("Indikatorer kan først rapporteres, når idéen er blevet en metode.")
        return []
    known = {indicator.pk: indicator for indicator in OutcomeIndicator.objects.filter(page_id=adoption.method_id)}
    values, problems = [], []
    for key, entry in indicators.items():
        try:
            indicator = known[int(key)]
        except (KeyError, TypeError, ValueError):
            problems.append(_("Ukendt indikator: %(key)s.") % {"key": str(key)[:40]})
            continue
        if not isinstance(entry, dict):
            entry = {}
        baseline = _decimal(entry.get("baseline"), INDICATOR_MAX)
        current = _decimal(entry.get("current"), INDICATOR_MAX)
        if baseline is None or current is None:
            problems.append(_("Angiv udgangspunkt og nu som tal for %(name)s.") % {"name": indicator.name})
            continue
        values.append((indicator, baseline, current))
    if problems:
        errors["indicators"] = problems
    return values


def notify_adopted(adoption, actor=None):
    """Tell the method's followers that an organisation has taken it into use (not the one who registered it)."""
    followers = method_followers(adoption.method).values_list("pk", flat=True)
    notifications.notify_method_adopted(adoption.method, adoption.organisation, followers, actor=actor)


def method_followers(method):
    """Active users following the method."""
    return User.objects.filter(follows__method=method, is_active=True).distinct()
