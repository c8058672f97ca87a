from django import forms
from django.utils.translation import gettext_lazy as _

from ideabank.forms import DkfdsFormMixin

from .models import NotificationPreference, Verb


class PreferencesForm(DkfdsFormMixin, forms.Form):
    """One choice of channel per kind of event."""

    def __init__(self, *args, initial_channels=None, **kwargs):
        super().__init__(*args, **kwargs)
        for kind, label in Verb.choices:
            self.fields[kind] = forms.ChoiceField(
                label=label,
                choices=NotificationPreference.Channel.choices,
                initial=(initial_channels or {}).get(kind, NotificationPreference.Channel.IN_APP),
                help_text=_("Hvordan vil du have besked?"),
            )
