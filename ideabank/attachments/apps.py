from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AttachmentsConfig(AppConfig):
    name = "ideabank.attachments"
    verbose_name = _("Vedhæftede filer")

    def ready(self):
        from . import privacy, signals  # noqa: F401 - registers the export section and the index updates
