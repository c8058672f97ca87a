from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from ideabank.forms import DkfdsFormMixin


class FindOrganisationForm(DkfdsFormMixin, forms.Form):
    email = forms.EmailField(
        label=_("Din arbejdsmail"),
        help_text=_("Vi bruger kun domænet til at finde din organisations login."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class IdentityProviderForm(WagtailAdminModelForm):
    """The admin form: the client secret can be replaced but is never shown again."""

    client_secret = forms.CharField(
        label=_("klienthemmelighed (client secret)"),
        required=False,
        strip=True,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
        help_text=_("Gemmes krypteret og vises aldrig igen. Lad feltet stå tomt for at beholde den gemte."),
    )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("client_secret") and not self.instance.client_secret_encrypted:
            self.add_error("client_secret", _("Skriv klienthemmeligheden fra identitetsudbyderen."))
        return cleaned

    def save(self, commit=True):
        if self.cleaned_data.get("client_secret"):
            self.instance.set_client_secret(self.cleaned_data["client_secret"])
        return super().save(commit=commit)
