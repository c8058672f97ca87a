from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IdeasConfig(AppConfig):
    name = "ideabank.ideas"
    verbose_name = _("Idéer")

    def ready(self):
        from . import signals  # noqa: F401
