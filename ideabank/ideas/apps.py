from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IdeasConfig(AppConfig):
    name = "ideabank.ideas"
    verbose_name = _("Idéer")

    def ready(self):
        # Imported once the app registry is ready: they register receivers and the data export's sections.
        from . import parts, privacy, signals  # noqa: F401
