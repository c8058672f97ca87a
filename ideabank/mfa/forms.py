from django import forms
from django.utils.translation import gettext_lazy as _

from ideabank.forms import DkfdsFormMixin


class AppCodeForm(DkfdsFormMixin, forms.Form):
    """Six digits from the authenticator app (setting it up)."""

    code = forms.CharField(
        label=_("Kode fra appen"),
        max_length=10,
        help_text=_("De seks cifre, appen viser lige nu."),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "autocapitalize": "off",
                "spellcheck": "false",
            }
        ),
    )


class CodeForm(DkfdsFormMixin, forms.Form):
    """A code from the app or a recovery code (logging in, switching two-factor off)."""

    code = forms.CharField(
        label=_("Kode"),
        max_length=20,
        help_text=_("De seks cifre fra din godkendelsesapp, eller en af dine gendannelseskoder (fx abcde-fghjk)."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "off", "spellcheck": "false", "autofocus": True}
        ),
    )
