"""Site forms render in Det Fælles Designsystem's markup and guard every text field; the Wagtail admin keeps
its own markup and gets the guard from the model fields' validators."""

from django import forms
from django.forms.renderers import TemplatesSetting

from ideabank.validators import USER_TEXT_VALIDATORS, NoControlCharacters, NoCprNumber


class DkfdsRenderer(TemplatesSetting):
    form_template_name = "forms/div.html"
    field_template_name = "forms/field.html"


class CheckboxList(forms.CheckboxSelectMultiple):
    template_name = "forms/widgets/multiple_input.html"
    option_template_name = "forms/widgets/input_option.html"


class PersonalDataGuardMixin:
    """Every text field of the form refuses CPR numbers and control characters: the default for text a
    person types, also in forms that no model field stands behind. The field is named beside the message
    and in the error summary (includes/error_summary.html). Applied when the form is cleaned, so that
    fields a form adds in its own __init__ are guarded too."""

    def full_clean(self):
        for field in self.fields.values():
            if isinstance(field, forms.CharField) and not isinstance(field.widget, forms.PasswordInput):
                # Once, even where the field was declared with the guard already: one message, not two.
                kept = [v for v in field.validators if not isinstance(v, NoControlCharacters | NoCprNumber)]
                field.validators = [*kept, *USER_TEXT_VALIDATORS]
        super().full_clean()


class DkfdsFormMixin(PersonalDataGuardMixin):
    """Mix into any public form: `{{ form }}` then renders labels, hints and errors accessibly, and every
    text field is guarded against personal data."""

    default_renderer = DkfdsRenderer()
