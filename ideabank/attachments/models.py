"""Files attached to ideas: a playbook, a form, a leaflet, a photo — stored only after checks/ passed them."""

import uuid

from django.conf import settings
from django.core.files.storage import storages
from django.core.validators import MaxLengthValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ideabank.validators import NAME_VALIDATORS, USER_TEXT_VALIDATORS

from .checks import KINDS
from .checks.types import KIND_CHOICES

DESCRIPTION_MAX = 250


def image_kinds():
    return [key for key, kind in KINDS.items() if kind.is_image]


def attachment_storage():
    """STORAGES["attachments"]: the filesystem outside MEDIA_ROOT by default, or an S3 bucket (settings)."""
    return storages["attachments"]


def stored_path(attachment, filename):
    """A path nobody can guess, under a folder of its own, keeping the file's (cleaned) name."""
    return f"attachments/{attachment.key.hex}/{filename}"


def thumbnail_path(attachment, filename):
    return f"attachments/{attachment.key.hex}/thumbnail.webp"


class Attachment(models.Model):
    """One checked file on an idea. Its bytes are the cleaned ones; its text is kept for search only."""

    idea = models.ForeignKey("ideas.Idea", verbose_name=_("idé"), on_delete=models.CASCADE, related_name="attachments")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vedhæftet af"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="attachments",
    )
    key = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    file = models.FileField(_("fil"), upload_to=stored_path, storage=attachment_storage, max_length=300)
    thumbnail = models.FileField(
        _("miniature"), upload_to=thumbnail_path, storage=attachment_storage, max_length=300, blank=True
    )
    name = models.CharField(_("filnavn"), max_length=120, validators=NAME_VALIDATORS)
    kind = models.CharField(_("filtype"), max_length=8, choices=KIND_CHOICES)
    size = models.PositiveIntegerField(_("størrelse"))
    page_count = models.PositiveIntegerField(_("sider"), null=True, blank=True)
    width = models.PositiveIntegerField(null=True, blank=True)
    height = models.PositiveIntegerField(null=True, blank=True)
    description = models.CharField(
        _("beskrivelse"),
        max_length=DESCRIPTION_MAX,
        blank=True,
        validators=[MaxLengthValidator(DESCRIPTION_MAX), *USER_TEXT_VALIDATORS],
        help_text=_("Kort: hvad er filen? For billeder er det teksten for dem, der ikke kan se billedet."),
    )
    text = models.TextField(blank=True, editable=False)
    created = models.DateTimeField(_("vedhæftet"), auto_now_add=True)

    class Meta:
        ordering = ["created", "pk"]
        verbose_name = _("vedhæftet fil")
        verbose_name_plural = _("vedhæftede filer")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("attachments:download", args=[self.pk, self.name])

    @property
    def type(self):
        return KINDS[self.kind]

    @property
    def is_image(self):
        return self.type.is_image

    @property
    def icon(self):
        """The design system's icon for the file's type."""
        return {
            "pdf": "file-pdf",
            "docx": "file-word",
            "odt": "file-word",
            "xlsx": "file-excel",
            "ods": "file-excel",
        }.get(self.kind, "file")

    @property
    def page_label(self):
        """ "12 sider", "3 dias", "2 ark" — or "" when the file does not say."""
        if not self.page_count:
            return ""
        count = self.page_count
        if self.kind in ("pptx", "odp"):
            return ngettext("%(count)d dias", "%(count)d dias", count) % {"count": count}
        if self.kind in ("xlsx", "ods"):
            return ngettext("%(count)d ark", "%(count)d ark", count) % {"count": count}
        return ngettext("%(count)d side", "%(count)d sider", count) % {"count": count}

    def thumbnail_url(self):
        return reverse("attachments:thumbnail", args=[self.pk]) if self.thumbnail else ""
