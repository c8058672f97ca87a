from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SpreadConfig(AppConfig):
    name = "ideabank.spread"
    verbose_name = _("Udbredelse")

    def ready(self):
        from . import parts, privacy, signals  # noqa: F401
