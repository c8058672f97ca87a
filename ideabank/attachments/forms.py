"""The idea form's "Materiale" part: remove attached files and add new ones, each with a description.

Every chosen file is checked here (checks.inspect) while the form is validated, so a refusal shows on
the file's own field and nothing is saved; `save()` then stores the checked files through the services.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from ideabank.forms import DkfdsFormMixin

from . import services
from .checks import KINDS, Refused, TooLarge, inspect, max_bytes
from .models import DESCRIPTION_MAX

ACCEPT = ",".join(sorted({kind.extension for kind in KINDS.values()} | {".jpeg"}))


class AttachmentsForm(DkfdsFormMixin, forms.Form):
    def __init__(self, *args, idea=None, **kwargs):
        kwargs.setdefault("prefix", "files")
        super().__init__(*args, **kwargs)
        self.attachments = list(idea.attachments.all()) if idea is not None and idea.pk else []
        for attachment in self.attachments:
            self.fields[f"remove_{attachment.pk}"] = forms.BooleanField(
                label=_("Fjern «%(name)s»") % {"name": attachment.name}, required=False
            )
        self.slots = list(range(1, services.per_idea() - len(self.attachments) + 1))
        for slot in self.slots:
            self.fields[f"file_{slot}"] = forms.FileField(
                label=_("Fil %(number)d") % {"number": slot},
                required=False,
                widget=forms.ClearableFileInput(attrs={"accept": ACCEPT, "data-attachment-file": ""}),
            )
            self.fields[f"description_{slot}"] = forms.CharField(
                label=_("Beskrivelse af fil %(number)d") % {"number": slot},
                required=False,
                max_length=DESCRIPTION_MAX,
                help_text=_("Kort: hvad er filen? Skal udfyldes for billeder: teksten læses op for dem, der ikke ser."),
            )
        self.status = None  # 413 or 422 when a file was refused

    def removals(self):
        return [a for a in self.attachments if self.cleaned_data.get(f"remove_{a.pk}")]

    def clean(self):
        cleaned = super().clean()
        self.added = []
        for slot in self.slots:
            upload = cleaned.get(f"file_{slot}")
            if not upload:
                continue
            try:
                inspected = inspect(upload)
            except Refused as refused:
                self.status = 413 if isinstance(refused, TooLarge) or self.status == 413 else 422
                self.add_error(f"file_{slot}", refused)
                continue
            try:
                description = services.check_description(inspected, cleaned.get(f"description_{slot}", ""))
            except forms.ValidationError as error:
                self.status = self.status or 422
                self.add_error(f"description_{slot}", error.message_dict["description"])
                continue
            self.added.append((inspected, description))
        return cleaned

    @property
    def max_files(self):
        return services.per_idea()

    @property
    def limit_mb(self):
        return max_bytes() // 1024 // 1024

    def slot_fields(self):
        return [(self[f"file_{slot}"], self[f"description_{slot}"]) for slot in self.slots]

    def removal_fields(self):
        return [(attachment, self[f"remove_{attachment.pk}"]) for attachment in self.attachments]

    def save(self, user, idea, saving):
        """Remove the ticked files and store the added ones; `saving` is a services.saving_files()."""
        for attachment in self.removals():
            services.remove_attachment(user, attachment)
        for inspected, description in self.added:
            saving.add(user, idea, inspected, description)
