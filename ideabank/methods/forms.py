"""The editor's forms: an assessment of the 11 elements, and where a promotion should go."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ideabank.forms import PersonalDataGuardMixin
from ideabank.ids import IdChoiceField

from .elements import Conclusion, Score, elements
from .models import MethodPage, QueueSetAside
from .services import SNOOZE_DAYS, suggestion


class AssessmentForm(PersonalDataGuardMixin, forms.Form):
    """One score and one justification per element, then the editor's conclusion."""

    conclusion = forms.ChoiceField(
        label=_("Konklusion"),
        choices=Conclusion.choices,
        widget=forms.RadioSelect,
        help_text=_("Systemet foreslår lovende praksis, når mindst 8 elementer scorer 2 eller mere. Du beslutter."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for element in elements():
            self.fields[f"{element.key}_score"] = forms.TypedChoiceField(
                label=_("Score for %(element)s") % {"element": element.name},
                choices=Score.choices,
                coerce=int,
                widget=forms.RadioSelect,
            )
            self.fields[f"{element.key}_justification"] = forms.CharField(
                label=_("Begrundelse for %(element)s") % {"element": element.name},
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        self.order_fields([*(name for name in self.fields if name != "conclusion"), "conclusion"])

    def element_rows(self):
        """(element, score field, justification field) in the official order."""
        return [(e, self[f"{e.key}_score"], self[f"{e.key}_justification"]) for e in elements()]

    @staticmethod
    def initial_from_draft(data):
        initial = {"conclusion": data.get("conclusion") or None}
        for key, entry in (data.get("scores") or {}).items():
            initial[f"{key}_score"] = entry.get("score")
            initial[f"{key}_justification"] = entry.get("justification", "")
        return initial

    def _raw(self, name):
        return self.data.get(self.add_prefix(name)) if self.is_bound else self.initial.get(name)

    def entered_scores(self):
        """{key: score or None} as entered so far — bound data, or the draft the form started from."""
        entered = {}
        for element in elements():
            value = self._raw(f"{element.key}_score")
            entered[element.key] = int(value) if str(value) in {"0", "1", "2", "3"} else None
        return entered

    def suggestion(self):
        """The system's suggestion from the scores entered so far (None before any score)."""
        scores = {key: score for key, score in self.entered_scores().items() if score is not None}
        return suggestion(scores) if scores else None

    def draft_data(self):
        """The unfinished form in the shape services.save_assessment_draft takes."""
        scores = self.entered_scores()
        return {
            "scores": {
                e.key: {"score": scores[e.key], "justification": self._raw(f"{e.key}_justification") or ""}
                for e in elements()
            },
            "conclusion": self._raw("conclusion") or "",
        }

    def add_draft_errors(self, error):
        """Errors of a refused draft, shown at the fields they belong to (and nowhere else)."""
        self.cleaned_data = getattr(self, "cleaned_data", {})
        self._errors = self._errors if self._errors is not None else {}
        for key, problems in error.message_dict.items():
            field = f"{key}_justification"
            self._errors.setdefault(field if field in self.fields else "__all__", self.error_class()).extend(problems)

    def scores(self):
        """The cleaned form in the shape services.assess takes (and the API receives)."""
        data = self.cleaned_data
        return {
            e.key: {"score": data[f"{e.key}_score"], "justification": data[f"{e.key}_justification"]}
            for e in elements()
        }


class PromotionForm(PersonalDataGuardMixin, forms.Form):
    into = IdChoiceField(
        label=_("Føj til en eksisterende metode"),
        queryset=MethodPage.objects.order_by("title"),
        required=False,
        empty_label=_("Nej – opret en ny metode ud fra idéen"),
        help_text=_("Flere idéer kan ligge bag samme metode."),
    )


class SetAsideForm(forms.Form):
    """Take an idea out of the escalation queue: for a while or for good, always with a reason."""

    kind = forms.ChoiceField(label=_("Handling"), choices=QueueSetAside.Kind.choices, widget=forms.RadioSelect)
    days = forms.TypedChoiceField(label=_("Udsæt i"), coerce=int, required=False, initial=30)
    reason = forms.CharField(label=_("Begrundelse"), max_length=500, widget=forms.TextInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["days"].choices = [
            (days, ngettext("%(days)s dag", "%(days)s dage", days) % {"days": days}) for days in SNOOZE_DAYS
        ]

    def clean(self):
        data = super().clean()
        if data.get("kind") != QueueSetAside.Kind.SNOOZE:
            data["days"] = None
        return data

    def problems(self):
        """The errors as sentences naming their field, for the admin's message bar."""
        found = []
        for name, errors in self.errors.items():
            label = self.fields[name].label if name in self.fields else None
            found.extend(f"{label}: {error}" if label else str(error) for error in errors)
        return found
