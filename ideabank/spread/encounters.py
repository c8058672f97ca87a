"""The rules of encounters ("Føler du dig hjulpet?"): staff register one answer per meeting, a citizen may
answer once through a one-meeting code, and the answers add up to the results of an adoption.

Used by the staff page, the citizen page, the API and the outcome form alike. Every check runs before the
first write; a field error names the field; a repeated registration (same adoption and client UUID) returns
the encounter already stored instead of storing a second one — the database's unique constraint decides,
so that holds when many staff post at the same moment.
"""

import datetime
import secrets
import uuid as uuidlib
from collections import Counter
from contextlib import nullcontext
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext as _

from ideabank.ideas.services import require_active_staff
from ideabank.validators import USER_TEXT_VALIDATORS

from . import suppression
from .models import CitizenCode, Encounter, EncounterAnswer, EncounterSource, OutcomeReport
from .services import can_manage
from .statistics import Share

NEEDED_MAX = 500
BULK_MAX = 500
# No 0/o, 1/l/i: a code read aloud or typed from paper should not be misread. 31¹⁰ ≈ 8 · 10¹⁴ codes.
CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
CODE_LENGTH = 10
CODE_LIFETIME = datetime.timedelta(hours=48)


class CodeUnavailable(Exception):
    """The citizen code is unknown, expired or already answered; `reason` says which."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


# ---- who may ------------------------------------------------------------------------------------


def can_register(user, adoption):
    """The adoption's own organisation's staff, editors and administrators."""
    return can_manage(user, adoption)


def require_register(user, adoption):
    require_active_staff(user)
    if not can_register(user, adoption):
        raise PermissionDenied(_("Kun organisationens egne medarbejdere kan registrere møder her."))


# ---- checking one answer ------------------------------------------------------------------------


@dataclass(frozen=True)
class Checked:
    answer: str
    met_on: datetime.date
    needed: str
    uuid: uuidlib.UUID


def _parse_uuid(value):
    if value in (None, ""):
        return uuidlib.uuid4()
    if isinstance(value, uuidlib.UUID):
        return value
    try:
        return uuidlib.UUID(str(value)[:64])
    except ValueError:
        return None


def _parse_date(value):
    if value in (None, ""):
        return timezone.localdate()
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def check(adoption, *, answer, met_on=None, needed="", uuid=None, prefix=""):
    """The answer as it will be stored, or a ValidationError naming every wrong field (`prefix` + name)."""
    errors = {}
    if answer not in EncounterAnswer.values:
        errors[prefix + "answer"] = _("Vælg et af svarene: ja, delvist, nej eller ville ikke svare.")
    day = _parse_date(met_on)
    if day is None:
        errors[prefix + "met_on"] = _("Skriv en gyldig dato, fx 2025-03-01.")
    elif day > timezone.localdate():
        errors[prefix + "met_on"] = _("Mødet kan ikke ligge i fremtiden.")
    elif day < adoption.started:
        errors[prefix + "met_on"] = _("Mødet ligger før organisationen begyndte at bruge metoden.")
    needed = needed if isinstance(needed, str) else ""
    needed = needed.strip()
    if len(needed) > NEEDED_MAX:
        errors[prefix + "needed"] = _("Må højst være %(limit)d tegn.") % {"limit": NEEDED_MAX}
    else:
        try:
            for validator in USER_TEXT_VALIDATORS:
                validator(needed)
        except ValidationError as error:
            errors[prefix + "needed"] = error.messages
    key = _parse_uuid(uuid)
    if key is None:
        errors[prefix + "uuid"] = _("Skal være et UUID, fx 3f1c2b9e-8d4a-4c1e-9a57-0b6f7d2e1a90.")
    if errors:
        raise ValidationError(errors)
    return Checked(answer=answer, met_on=day, needed=needed, uuid=key)


# ---- registering --------------------------------------------------------------------------------


def record(user, adoption, *, answer, met_on=None, needed="", uuid=None):
    """Store one staff-registered answer. Returns (encounter, created): the same UUID again for the same
    adoption returns the first encounter and stores nothing."""
    require_register(user, adoption)
    checked = check(adoption, answer=answer, met_on=met_on, needed=needed, uuid=uuid)
    # Insert first: a new UUID is the common case, and the unique constraint already answers the repeat.
    # On its own the INSERT commits by itself; inside a caller's transaction a savepoint keeps a repeat
    # from breaking it.
    try:
        with transaction.atomic() if transaction.get_connection().in_atomic_block else nullcontext():
            encounter = Encounter.objects.create(
                adoption=adoption,
                met_on=checked.met_on,
                answer=checked.answer,
                needed=checked.needed,
                source=EncounterSource.STAFF,
                registered_by=user,
                uuid=checked.uuid,
            )
    except IntegrityError:
        # A repeat, or a twin of this request that committed first (the constraint waited for it).
        return Encounter.objects.get(adoption=adoption, uuid=checked.uuid), False
    return encounter, True


def record_many(user, adoption, items):
    """Store up to BULK_MAX answers, all or nothing. `items`: dicts with answer, met_on, needed, uuid.
    Returns [(encounter, created)] in the order given; UUIDs already stored (or repeated) count once."""
    require_register(user, adoption)
    if not isinstance(items, list) or not items:
        raise ValidationError({"encounters": _("Send mindst ét møde.")})
    if len(items) > BULK_MAX:
        raise ValidationError({"encounters": _("Højst %(limit)d møder ad gangen.") % {"limit": BULK_MAX}})
    checked, errors = [], {}
    for index, item in enumerate(items):
        try:
            checked.append(
                check(
                    adoption,
                    answer=item.get("answer"),
                    met_on=item.get("met_on"),
                    needed=item.get("needed") or "",
                    uuid=item.get("uuid"),
                    prefix=f"encounters[{index}].",
                )
            )
        except ValidationError as error:
            errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    keys = [entry.uuid for entry in checked]
    with transaction.atomic():
        before = set(Encounter.objects.filter(adoption=adoption, uuid__in=keys).values_list("uuid", flat=True))
        fresh, seen = [], set(before)
        for entry in checked:
            if entry.uuid in seen:
                continue
            seen.add(entry.uuid)
            fresh.append(
                Encounter(
                    adoption=adoption,
                    met_on=entry.met_on,
                    answer=entry.answer,
                    needed=entry.needed,
                    source=EncounterSource.STAFF,
                    registered_by=user,
                    uuid=entry.uuid,
                )
            )
        # A concurrent request may store one of these UUIDs first; the constraint keeps it once either way.
        Encounter.objects.bulk_create(fresh, ignore_conflicts=True)
        stored = {encounter.uuid: encounter for encounter in Encounter.objects.filter(adoption=adoption, uuid__in=keys)}
    first_time, results = set(), []
    for key in keys:
        created = key not in before and key not in first_time
        first_time.add(key)
        results.append((stored[key], created))
    return results


# ---- citizen codes ------------------------------------------------------------------------------


def new_code():
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def create_code(user, adoption):
    """A one-meeting code for a citizen to answer on their own phone, valid CODE_LIFETIME."""
    require_register(user, adoption)
    for _attempt in range(5):
        try:
            with transaction.atomic():
                return CitizenCode.objects.create(
                    adoption=adoption, code=new_code(), created_by=user, expires=timezone.now() + CODE_LIFETIME
                )
        except IntegrityError:  # pragma: no cover - a collision among 8·10¹⁴ codes
            continue
    raise RuntimeError("no free citizen code")  # pragma: no cover


def open_code(code):
    """The code if a citizen may still answer it; CodeUnavailable("unknown"/"expired"/"used") otherwise."""
    if not isinstance(code, str) or len(code) != CODE_LENGTH or any(c not in CODE_ALPHABET for c in code):
        raise CodeUnavailable("unknown")
    found = CitizenCode.objects.select_related("adoption__method", "adoption__idea").filter(code=code).first()
    if found is None:
        raise CodeUnavailable("unknown")
    if found.answered is not None:
        raise CodeUnavailable("used")
    if found.expires <= timezone.now():
        raise CodeUnavailable("expired")
    return found


def answer_code(code, *, answer, needed=""):
    """The citizen's own answer: stored once. The claim is one conditional UPDATE, so of two answers sent at
    the same moment exactly one stores; the other gets CodeUnavailable("used") and stores nothing."""
    found = open_code(code)
    checked = check(found.adoption, answer=answer, needed=needed)
    now = timezone.now()
    with transaction.atomic():
        claimed = CitizenCode.objects.filter(pk=found.pk, answered__isnull=True, expires__gt=now).update(answered=now)
        if not claimed:
            raise CodeUnavailable("used")
        encounter = Encounter.objects.create(
            adoption=found.adoption,
            met_on=timezone.localdate(),
            answer=checked.answer,
            needed=checked.needed,
            source=EncounterSource.CITIZEN,
            # Derived from the code, so even a second row for the same code could never be stored.
            uuid=uuidlib.uuid5(uuidlib.NAMESPACE_URL, f"idebanken:citizen-code:{found.code}"),
        )
        CitizenCode.objects.filter(pk=found.pk).update(encounter=encounter)
    return encounter


# ---- results ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Tally:
    """Answers counted: `asked` is everyone who answered (all but those who declined)."""

    helped: int = 0
    partly: int = 0
    not_helped: int = 0
    declined: int = 0

    @classmethod
    def of(cls, counts):
        return cls(**{answer: counts.get(answer, 0) for answer in EncounterAnswer.values})

    @property
    def asked(self):
        return self.helped + self.partly + self.not_helped

    @property
    def total(self):
        return self.asked + self.declined

    @property
    def share(self):
        return Share(self.helped, self.asked)

    def out(self, exact):
        """The figures as published: counts below five and shares of fewer than five answers are None."""
        share = suppression.share(self.share, exact)
        interval = share.interval if share is not None else None
        asked = suppression.count(self.asked, exact)
        # With `asked` and the helped share published, partly + not helped is known: one of them hidden
        # alone could be found by subtraction, so then both are hidden.
        partly, not_helped = suppression.together(
            [suppression.count(self.partly, exact), suppression.count(self.not_helped, exact)]
        )
        return {
            "asked": asked,
            "helped": suppression.count(self.helped, exact),
            "partly": partly,
            "not_helped": not_helped,
            "declined": suppression.count(self.declined, exact),
            "share_helped": None if share is None or share.value is None else round(share.value, 4),
            "ci_low": None if interval is None else round(interval[0], 4),
            "ci_high": None if interval is None else round(interval[1], 4),
        }


def in_period(encounters, start=None, end=None):
    if start is not None:
        encounters = encounters.filter(met_on__gte=start)
    if end is not None:
        encounters = encounters.filter(met_on__lte=end)
    return encounters


def tally(encounters):
    """One Tally over a queryset of encounters (one query)."""
    counts = dict(encounters.order_by().values_list("answer").annotate(n=Count("pk")))
    return Tally.of(counts)


def summary(adoption, start=None, end=None):
    return tally(in_period(Encounter.objects.filter(adoption=adoption), start, end))


def monthly(encounters):
    """[(first day of month, Tally)] in month order, from any queryset of encounters (one query)."""
    rows = (
        encounters.order_by()
        .annotate(month=TruncMonth("met_on"))
        .values_list("month", "answer")
        .annotate(n=Count("pk"))
    )
    months = {}
    for month, answer, n in rows:
        month = month.date() if isinstance(month, datetime.datetime) else month
        months.setdefault(month, Counter())[answer] += n
    return [(month, Tally.of(months[month])) for month in sorted(months)]


def per_adoption(encounters):
    """{adoption id: Tally} (one query)."""
    rows = encounters.order_by().values_list("adoption_id", "answer").annotate(n=Count("pk"))
    counts = {}
    for adoption_id, answer, n in rows:
        counts.setdefault(adoption_id, Counter())[answer] += n
    return {adoption_id: Tally.of(found) for adoption_id, found in counts.items()}


def today_and_month(adoption, today=None):
    """What the registration page shows: answers registered today and this month's tally."""
    today = today or timezone.localdate()
    mine = Encounter.objects.filter(adoption=adoption)
    return {
        "today": mine.filter(met_on=today).count(),
        "month": tally(mine.filter(met_on__gte=today.replace(day=1), met_on__lte=today)),
    }


def needs(adoption, limit=20):
    """The latest "Hvad skal der til?" texts: only for the organisation's own staff and editors."""
    return list(Encounter.objects.filter(adoption=adoption).exclude(needed="").order_by("-met_on", "-pk")[:limit])


# ---- the period outcome report ------------------------------------------------------------------


def default_period(adoption, today=None):
    """From the day after the last reported period (or the start) to the end of last month — or yesterday,
    when that would leave no period."""
    today = today or timezone.localdate()
    last = adoption.outcomes.order_by("-period_end").values_list("period_end", flat=True).first()
    start = last + datetime.timedelta(days=1) if last else adoption.started
    end = today.replace(day=1) - datetime.timedelta(days=1)
    if end <= start:
        end = today - datetime.timedelta(days=1)
    return start, end


def outcome_draft(adoption, period_start, period_end):
    """The period outcome report as far as the encounters know it: asked and helped counted, the rest
    (citizens reached, indicators, cost) for the user to add. Reports typed by hand stay valid."""
    counted = summary(adoption, period_start, period_end)
    overlapping = OutcomeReport.objects.filter(
        adoption=adoption, period_start__lte=period_end, period_end__gte=period_start
    ).exists()
    return {
        "period_start": period_start,
        "period_end": period_end,
        "citizens_reached": None,
        "citizens_asked": counted.asked,
        "citizens_helped": counted.helped,
        "encounters": counted.total,
        "declined": counted.declined,
        "overlaps_reported_period": overlapping,
    }


# ---- published results --------------------------------------------------------------------------

RESULT_MONTHS = 12


def month_start(day, back=0):
    """The first day of the month `back` months before the one `day` falls in."""
    index = day.year * 12 + day.month - 1 - back
    return datetime.date(index // 12, index % 12 + 1, 1)


def results(encounters_qs, user, *, group="adoption", today=None):
    """The helped share month by month (the last twelve months) and per organisation, as the viewer may see
    it: editors exactly; an organisation's own staff their own row exactly; everyone else with counts below
    five and shares of fewer than five answers suppressed. `group`: "adoption" (one method's page) or
    "organisation" (across methods)."""
    from .models import Adoption

    today = today or timezone.localdate()
    since = month_start(today, RESULT_MONTHS - 1)
    recent = encounters_qs.filter(met_on__gte=since, met_on__lte=today)
    editor = suppression.sees_exact(user)
    counted = dict(monthly(recent))
    months = []
    for back in range(RESULT_MONTHS - 1, -1, -1):
        month = month_start(today, back)
        found = counted.get(month, Tally())
        months.append({"month": month, "tally": found, "shown": found.out(editor)})
    key = "adoption_id" if group == "adoption" else "adoption__organisation_id"
    rows = recent.order_by().values_list(key, "answer").annotate(n=Count("pk"))
    grouped = {}
    for owner, answer, n in rows:
        grouped.setdefault(owner, Counter())[answer] += n
    if group == "adoption":
        owners = Adoption.objects.filter(pk__in=grouped).select_related("organisation")
        names = {adoption.pk: (adoption.organisation, adoption) for adoption in owners}
    else:
        from ideabank.accounts.models import Organisation

        names = {org.pk: (org, None) for org in Organisation.objects.filter(pk__in=grouped)}
    organisations = []
    for owner, found in grouped.items():
        organisation, adoption = names[owner]
        tally_ = Tally.of(found)
        exact = suppression.sees_exact(user, organisation.pk)
        organisations.append(
            {
                "organisation": organisation,
                "adoption": adoption,
                "tally": tally_,
                "shown": tally_.out(exact),
                "exact": exact,
                "share": suppression.share(tally_.share, exact),
            }
        )
    organisations.sort(key=lambda row: row["organisation"].name)
    total = tally(recent)
    return {
        "since": since,
        "today": today,
        "months": months,
        "organisations": organisations,
        "total": total,
        "total_shown": total.out(editor),
        "total_share": suppression.share(total.share, editor),
        "exact": editor,
    }
