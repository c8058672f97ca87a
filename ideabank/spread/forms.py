"""The browser's forms for adoptions and outcome reports.

They parse input only; every rule (who may, what must hold, what is refused) lives in services.py, whose
errors the views put back beside the field they name.
"""

import uuid
from decimal import Decimal, InvalidOperation

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ideabank.accounts.models import User
from ideabank.forms import DkfdsFormMixin
from ideabank.ideas.forms import DATE_FORMATS
from ideabank.methods.business_case import MAX_HORIZON, MIN_HORIZON
from ideabank.validators import USER_TEXT_VALIDATORS

from .economics import MAX_CITIZENS, MAX_FACTOR
from .encounters import NEEDED_MAX
from .models import AdoptionStatus, EncounterAnswer
from .services import NOTE_MAX, REASON_MAX


class RadioList(forms.RadioSelect):
    """Radio buttons in DKFDS markup (the shared option templates know radios from checkboxes)."""

    template_name = "forms/widgets/multiple_input.html"
    option_template_name = "forms/widgets/input_option.html"

    def id_for_label(self, id_, index=None):
        # The error summary links to the field: let it land on the first radio button.
        return super().id_for_label(id_, "0" if index is None else index)


def date_field(label, *, required=True, help_text="", required_message=None):
    return forms.DateField(
        label=label,
        required=required,
        help_text=help_text,
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": required_message or _("Skriv en dato."),
            "invalid": _("Skriv en gyldig dato, fx 2025-03-01."),
        },
    )


def count_field(label, help_text):
    # No min_value: the service's own "må ikke være negativ" is the message the API gives too.
    return forms.IntegerField(
        label=label,
        help_text=help_text,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={"required": _("Skriv et antal (0, hvis ingen)."), "invalid": _("Skriv et helt tal.")},
    )


class AmountField(forms.DecimalField):
    """A number typed the Danish way or the international way: 1250,50 and 1250.50 both mean the same.
    Thousands separators are refused rather than guessed at (is 1.250 one thousand or one and a quarter?)."""

    widget = forms.TextInput

    def __init__(self, **kwargs):
        kwargs.setdefault("max_digits", 12)
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault("error_messages", {"invalid": _("Skriv et tal, fx 12,5.")})
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        return {"inputmode": "decimal"}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        text = str(value).strip().replace(" ", "").replace("\u2212", "-")
        if "," in text and "." in text:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        try:
            number = Decimal(text.replace(",", "."))
        except InvalidOperation as error:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from error
        if not number.is_finite():
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return number


def colleagues(organisation):
    """Who can be an adoption's contact person: the organisation's active staff, by name."""
    return User.objects.filter(organisation=organisation, is_active=True, deleted_at__isnull=True).order_by(
        "display_name"
    )


def contact_field(organisation):
    return forms.ModelChoiceField(
        label=_("Kontaktperson"),
        queryset=colleagues(organisation),
        empty_label=None,
        help_text=_("Den, kolleger i andre organisationer kan spørge om jeres erfaringer."),
        error_messages={"invalid_choice": _("Vælg en kollega fra listen.")},
    )


def reason_field():
    return forms.CharField(
        label=_("Hvorfor er I stoppet?"),
        required=False,
        max_length=REASON_MAX,
        validators=USER_TEXT_VALIDATORS,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kun hvis status er Stoppet. Det, I har lært, kan hjælpe andre."),
    )


class AdoptionForm(DkfdsFormMixin, forms.Form):
    """ "Vi bruger den": the viewer's organisation starts using a method or an idea."""

    status = forms.ChoiceField(
        label=_("Hvor langt er I?"),
        choices=AdoptionStatus.choices,
        widget=RadioList,
        error_messages={"required": _("Vælg en status.")},
    )
    started = date_field(
        _("Startdato"),
        help_text=_("Hvornår begyndte I at overveje eller bruge den?"),
        required_message=_("Skriv, hvornår I begyndte."),
    )

    def __init__(self, *args, organisation, user=None, **kwargs):
        kwargs.setdefault("auto_id", "id_adopt_%s")
        super().__init__(*args, **kwargs)
        self.fields["contact"] = contact_field(organisation)
        self.fields["reason"] = reason_field()
        if user is not None:
            self.fields["contact"].initial = user.pk
        self.fields["started"].initial = timezone.localdate()

    def service_arguments(self):
        data = self.cleaned_data
        return {
            "status": data["status"],
            "started": data["started"],
            "contact": data["contact"],
            "reason": data["reason"],
        }


class StatusForm(DkfdsFormMixin, forms.Form):
    """A new status (dated) for an adoption, or a corrected start date or contact person."""

    status = forms.ChoiceField(
        label=_("Status"),
        choices=AdoptionStatus.choices,
        widget=RadioList,
        error_messages={"required": _("Vælg en status.")},
    )
    changed_on = date_field(
        _("Dato for ændringen"),
        help_text=_("Hvornår skiftede I status? Bruges kun, når status ændres."),
        required_message=_("Skriv, hvornår status ændrede sig."),
    )

    def __init__(self, *args, adoption, **kwargs):
        self.adoption = adoption
        kwargs.setdefault(
            "initial",
            {
                "status": adoption.status,
                "changed_on": timezone.localdate(),
                "started": adoption.started,
                "contact": adoption.contact_id,
                "reason": adoption.stopped_reason,
            },
        )
        super().__init__(*args, **kwargs)
        self.fields["reason"] = reason_field()
        self.fields["started"] = date_field(
            _("Startdato"),
            help_text=_("Ret kun, hvis den registrerede startdato er forkert."),
            required_message=_("Skriv, hvornår I begyndte."),
        )
        self.fields["contact"] = contact_field(adoption.organisation)

    def service_arguments(self):
        """Only what the user changed, so an untouched form changes nothing."""
        data, adoption = self.cleaned_data, self.adoption
        arguments = {"status": data["status"], "changed_on": data["changed_on"], "reason": data["reason"]}
        if data["started"] != adoption.started:
            arguments["started"] = data["started"]
        if data["contact"].pk != adoption.contact_id:
            arguments["contact"] = data["contact"]
        return arguments


class OutcomeForm(DkfdsFormMixin, forms.Form):
    """One period's results for citizens, with a pair of fields per outcome indicator of the method."""

    period_start = date_field(_("Periodens første dag"), required_message=_("Skriv, hvornår perioden begyndte."))
    period_end = date_field(
        _("Periodens sidste dag"),
        help_text=_("Perioder for samme ibrugtagning må ikke overlappe."),
        required_message=_("Skriv, hvornår perioden sluttede."),
    )
    citizens_reached = count_field(_("Borgere nået"), _("Hvor mange borgere fik indsatsen i perioden?"))
    citizens_asked = count_field(_("Borgere spurgt"), _("Hvor mange af dem blev spurgt, om de følte sig hjulpet?"))
    citizens_helped = count_field(_("Borgere, der følte sig hjulpet"), _("Hvor mange af de spurgte svarede ja?"))

    def __init__(self, *args, indicators=(), **kwargs):
        kwargs.setdefault("auto_id", "id_outcome_%s")
        super().__init__(*args, **kwargs)
        self.indicators = list(indicators)
        for indicator in self.indicators:
            for part, label in (("baseline", _("Udgangspunkt")), ("current", _("Nu"))):
                self.fields[f"indicator_{indicator.pk}_{part}"] = AmountField(
                    label=_("%(part)s: %(name)s (%(unit)s)")
                    % {"part": label, "name": indicator.name, "unit": indicator.unit},
                    required=False,
                )
        self.fields["cost_per_citizen"] = AmountField(
            label=_("Udgift pr. borger (kr.)"),
            required=False,
            max_digits=10,
            help_text=_("Hvad indsatsen kostede i perioden, delt med antallet af borgere nået."),
        )
        self.fields["note"] = forms.CharField(
            label=_("Note"),
            required=False,
            max_length=NOTE_MAX,
            validators=USER_TEXT_VALIDATORS,
            widget=forms.Textarea(attrs={"rows": 4}),
            help_text=_("Hvad skal andre vide for at forstå tallene? Skriv aldrig om enkelte borgere."),
        )

    def basic_fields(self):
        return [
            self[name]
            for name in ("period_start", "period_end", "citizens_reached", "citizens_asked", "citizens_helped")
        ]

    def indicator_rows(self):
        return [
            (indicator, self[f"indicator_{indicator.pk}_baseline"], self[f"indicator_{indicator.pk}_current"])
            for indicator in self.indicators
        ]

    def closing_fields(self):
        return [self["cost_per_citizen"], self["note"]]

    def clean(self):
        cleaned = super().clean()
        for indicator in self.indicators:
            baseline = f"indicator_{indicator.pk}_baseline"
            current = f"indicator_{indicator.pk}_current"
            given = [cleaned.get(baseline) is not None, cleaned.get(current) is not None]
            if any(given) and not all(given):
                missing = current if given[0] else baseline
                if missing not in self.errors:
                    self.add_error(missing, _("Udfyld både udgangspunkt og nu – eller ingen af dem."))
        return cleaned

    def service_arguments(self):
        data = self.cleaned_data
        indicators = {
            indicator.pk: {
                "baseline": data[f"indicator_{indicator.pk}_baseline"],
                "current": data[f"indicator_{indicator.pk}_current"],
            }
            for indicator in self.indicators
            if data.get(f"indicator_{indicator.pk}_baseline") is not None
        }
        return {
            "period_start": data["period_start"],
            "period_end": data["period_end"],
            "citizens_reached": data["citizens_reached"],
            "citizens_asked": data["citizens_asked"],
            "citizens_helped": data["citizens_helped"],
            "indicators": indicators,
            "cost_per_citizen": data["cost_per_citizen"],
            "note": data["note"],
        }


def needed_field():
    return forms.CharField(
        label=_("Hvad skal der til?"),
        required=False,
        max_length=NEEDED_MAX,
        validators=USER_TEXT_VALIDATORS,
        widget=forms.Textarea(attrs={"rows": 2, "maxlength": NEEDED_MAX}),
        help_text=_("Valgfrit, højst 500 tegn. Skriv aldrig navn, CPR-nummer eller andet, der kan pege på borgeren."),
    )


def answer_field():
    # Drawn as four large submit buttons (name="answer"), so no widget is rendered for it.
    return forms.ChoiceField(
        label=_("Svar"),
        choices=EncounterAnswer.choices,
        error_messages={
            "required": _("Vælg et af svarene."),
            "invalid_choice": _("Vælg et af svarene: ja, delvist, nej eller ville ikke svare."),
        },
    )


class EncounterForm(DkfdsFormMixin, forms.Form):
    """One meeting's answer, registered by staff: the answer comes from the button pressed."""

    answer = answer_field()
    met_on = date_field(_("Mødedato"), help_text=_("I dag, medmindre mødet var en anden dag."))
    needed = needed_field()
    uuid = forms.UUIDField(widget=forms.HiddenInput, error_messages={"invalid": _("Ugyldigt registrerings-id.")})

    def __init__(self, *args, adoption, **kwargs):
        kwargs.setdefault("auto_id", "id_encounter_%s")
        kwargs.setdefault("initial", {"met_on": timezone.localdate(), "uuid": self.fresh_uuid()})
        super().__init__(*args, **kwargs)
        self.adoption = adoption

    @staticmethod
    def fresh_uuid():
        """A new id for the next registration; a repeated post of this form is then recognised."""
        return uuid.uuid4()

    def service_arguments(self):
        data = self.cleaned_data
        return {"answer": data["answer"], "met_on": data["met_on"], "needed": data["needed"], "uuid": data["uuid"]}


class CitizenAnswerForm(DkfdsFormMixin, forms.Form):
    """The citizen's own answer through a one-meeting code."""

    answer = answer_field()
    needed = needed_field()

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "id_citizen_%s")
        super().__init__(*args, **kwargs)
        self.fields["needed"].help_text = _("Valgfrit. Skriv ikke dit navn eller andet, der kan vise, hvem du er.")


class CalculatorForm(DkfdsFormMixin, forms.Form):
    """ "Regn selv" on a method's business case: the visitor's own number of citizens, horizon and scenario
    factors. The method page's GET form (without JavaScript) and the API's query both read it, so they
    refuse the same input the same way. Empty fields keep the editors' settings."""

    citizens = forms.IntegerField(
        label=_("Antal borgere"),
        required=False,
        min_value=1,
        max_value=MAX_CITIZENS,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={"invalid": _("Skriv et helt tal.")},
    )
    horizon = forms.IntegerField(
        label=_("Tidshorisont (år)"),
        required=False,
        min_value=MIN_HORIZON,
        max_value=MAX_HORIZON,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={"invalid": _("Skriv et helt tal.")},
    )
    low = AmountField(label=_("Faktor, lavt"), required=False, min_value=0, max_value=MAX_FACTOR, localize=True)
    expected = AmountField(
        label=_("Faktor, forventet"), required=False, min_value=0, max_value=MAX_FACTOR, localize=True
    )
    high = AmountField(label=_("Faktor, højt"), required=False, min_value=0, max_value=MAX_FACTOR, localize=True)

    def inputs(self):
        """{"citizens", "horizon", "factors"} for economics.business_case; only the values given."""
        data = self.cleaned_data
        return {
            "citizens": data.get("citizens"),
            "horizon": data.get("horizon"),
            "factors": {name: float(data[name]) for name in ("low", "expected", "high") if data.get(name) is not None},
        }
