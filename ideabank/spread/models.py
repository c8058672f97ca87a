"""Spread and outcomes (DESIGN §2–3): which organisations use a method, since when, and with what results
for citizens — "effekt frem for aktivitet"."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ideabank.validators import USER_TEXT_VALIDATORS, PlausibleDate


class AdoptionStatus(models.TextChoices):
    CONSIDERING = "considering", _("Overvejer")
    PILOTING = "piloting", _("Afprøver")
    IMPLEMENTED = "implemented", _("Implementeret")
    STOPPED = "stopped", _("Stoppet")


class Adoption(models.Model):
    """One organisation's use of one method — or of an idea before it becomes a method (it carries over
    on promotion). One per organisation and method/idea; its status changes are kept in StatusChange."""

    method = models.ForeignKey(
        "methods.MethodPage",
        verbose_name=_("metode"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="adoptions",
    )
    idea = models.ForeignKey(
        "ideas.Idea", verbose_name=_("idé"), on_delete=models.CASCADE, null=True, blank=True, related_name="adoptions"
    )
    organisation = models.ForeignKey(
        "accounts.Organisation", verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="adoptions"
    )
    status = models.CharField(_("status"), max_length=12, choices=AdoptionStatus.choices)
    started = models.DateField(_("startdato"), validators=[PlausibleDate()])
    stopped_reason = models.TextField(_("begrundelse for stop"), blank=True, validators=USER_TEXT_VALIDATORS)
    contact = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("kontaktperson"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="adoption_contacts",
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-started", "-pk"]
        verbose_name = _("ibrugtagning")
        verbose_name_plural = _("ibrugtagninger")
        constraints = [
            models.CheckConstraint(
                condition=Q(method__isnull=False) | Q(idea__isnull=False), name="adoption_of_method_or_idea"
            ),
            models.UniqueConstraint(
                fields=["organisation", "method"], condition=Q(method__isnull=False), name="adopt_method_once"
            ),
            models.UniqueConstraint(
                fields=["organisation", "idea"], condition=Q(method__isnull=True), name="adopt_idea_once"
            ),
        ]
        indexes = [models.Index(fields=["method", "status"], name="adoption_method_status")]

    def __str__(self):
        return f"{self.organisation} – {self.method or self.idea} ({self.get_status_display()})"


class StatusChange(models.Model):
    """A dated step in an adoption's history: the spread curve and "since when" are read from these."""

    adoption = models.ForeignKey(Adoption, on_delete=models.CASCADE, related_name="history")
    status = models.CharField(_("status"), max_length=12, choices=AdoptionStatus.choices)
    changed_on = models.DateField(_("dato"), validators=[PlausibleDate()])
    reason = models.TextField(_("begrundelse"), blank=True, validators=USER_TEXT_VALIDATORS)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["changed_on", "pk"]
        verbose_name = _("statusændring")
        verbose_name_plural = _("statusændringer")

    def __str__(self):
        return f"{self.changed_on}: {self.status}"


class OutcomeReport(models.Model):
    """What one period of an adoption achieved for citizens. Counts only — never citizen-level data."""

    adoption = models.ForeignKey(Adoption, on_delete=models.CASCADE, related_name="outcomes")
    period_start = models.DateField(_("periodens start"), validators=[PlausibleDate()])
    period_end = models.DateField(_("periodens slut"), validators=[PlausibleDate()])
    citizens_reached = models.PositiveIntegerField(_("borgere nået"))
    citizens_asked = models.PositiveIntegerField(_("borgere spurgt"))
    citizens_helped = models.PositiveIntegerField(_("borgere, der følte sig hjulpet"))
    cost_per_citizen = models.DecimalField(
        _("udgift pr. borger (kr.)"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    note = models.TextField(_("note"), blank=True, max_length=4000, validators=USER_TEXT_VALIDATORS)
    reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["period_start", "pk"]
        verbose_name = _("resultatrapport")
        verbose_name_plural = _("resultatrapporter")
        constraints = [
            models.CheckConstraint(condition=Q(period_end__gt=models.F("period_start")), name="outcome_period_order"),
            models.CheckConstraint(
                condition=Q(citizens_helped__lte=models.F("citizens_asked"))
                & Q(citizens_asked__lte=models.F("citizens_reached")),
                name="outcome_helped_asked_reached",
            ),
        ]

    def __str__(self):
        return f"{self.adoption} {self.period_start}–{self.period_end}"


class IndicatorValue(models.Model):
    """A method's outcome indicator measured in one report: where the citizens started and where they are."""

    report = models.ForeignKey(OutcomeReport, on_delete=models.CASCADE, related_name="indicator_values")
    indicator = models.ForeignKey("methods.OutcomeIndicator", on_delete=models.CASCADE, related_name="values")
    baseline = models.DecimalField(_("udgangspunkt"), max_digits=12, decimal_places=2)
    current = models.DecimalField(_("nu"), max_digits=12, decimal_places=2)

    class Meta:
        verbose_name = _("indikatorværdi")
        verbose_name_plural = _("indikatorværdier")
        constraints = [models.UniqueConstraint(fields=["report", "indicator"], name="one_value_per_indicator")]

    def __str__(self):
        return f"{self.indicator}: {self.baseline} → {self.current}"


class EncounterAnswer(models.TextChoices):
    HELPED = "helped", _("Ja")
    PARTLY = "partly", _("Delvist")
    NOT_HELPED = "not_helped", _("Nej")
    DECLINED = "declined", _("Ville ikke svare")


class EncounterSource(models.TextChoices):
    STAFF = "staff", _("Medarbejder")
    CITIZEN = "citizen", _("Borger")


class Encounter(models.Model):
    """One answer to "Føler du dig hjulpet?" from one meeting under an adoption: effect asked at every
    meeting instead of activity typed into a period report. It holds no citizen identifier of any kind —
    no name, no CPR number, no address, no IP address — only the day, the answer and what it would take."""

    adoption = models.ForeignKey(Adoption, on_delete=models.CASCADE, related_name="encounters")
    met_on = models.DateField(_("mødedato"))
    answer = models.CharField(_("svar"), max_length=12, choices=EncounterAnswer.choices)
    needed = models.TextField(_("hvad skal der til?"), blank=True, max_length=500, validators=USER_TEXT_VALIDATORS)
    source = models.CharField(_("kilde"), max_length=8, choices=EncounterSource.choices)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Chosen by the client, so a registration repeated after a lost answer is recognised and counted once.
    uuid = models.UUIDField(_("registrerings-id"))
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-met_on", "-pk"]
        verbose_name = _("møde")
        verbose_name_plural = _("møder")
        constraints = [models.UniqueConstraint(fields=["adoption", "uuid"], name="encounter_once_per_uuid")]
        indexes = [models.Index(fields=["adoption", "met_on"], name="encounter_adoption_day")]

    def __str__(self):
        return f"{self.adoption_id} {self.met_on}: {self.answer}"


class CitizenCode(models.Model):
    """A one-meeting code that lets the citizen answer on their own phone at /svar/<code>/: short, random,
    valid 48 hours, used once (`answered` is set in the same statement that claims it)."""

    adoption = models.ForeignKey(Adoption, on_delete=models.CASCADE, related_name="citizen_codes")
    code = models.CharField(max_length=16, unique=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created = models.DateTimeField(auto_now_add=True)
    expires = models.DateTimeField()
    answered = models.DateTimeField(null=True, blank=True)
    encounter = models.OneToOneField(
        Encounter, on_delete=models.SET_NULL, null=True, blank=True, related_name="citizen_code"
    )

    class Meta:
        verbose_name = _("borgerkode")
        verbose_name_plural = _("borgerkoder")

    def __str__(self):
        return f"{self.adoption_id}: {self.code}"
