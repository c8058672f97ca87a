"""The editor's forms: an assessment of the 11 elements, and where a promotion should go."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ideabank.forms import PersonalDataGuardMixin
from ideabank.ids import IdChoiceField

from .elements import Conclusion, Score, elements
from .models import MethodPage


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
                label=f"{element.number}. {element.name}",
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
        return [(self[f"{e.key}_score"], self[f"{e.key}_justification"]) for e in elements()]

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
