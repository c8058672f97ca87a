"""Site forms render in Det Fælles Designsystem's markup; the Wagtail admin keeps its own."""

from django import forms
from django.forms.renderers import TemplatesSetting


class DkfdsRenderer(TemplatesSetting):
    form_template_name = "forms/div.html"
    field_template_name = "forms/field.html"


class CheckboxList(forms.CheckboxSelectMultiple):
    template_name = "forms/widgets/multiple_input.html"
    option_template_name = "forms/widgets/input_option.html"


class DkfdsFormMixin:
    """Mix into any public form: `{{ form }}` then renders labels, hints and errors accessibly."""

    default_renderer = DkfdsRenderer()
