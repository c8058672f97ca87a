from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MfaConfig(AppConfig):
    name = "ideabank.mfa"
    label = "mfa"
    verbose_name = _("Totrinsbekræftelse")

    def ready(self):
        from . import privacy  # noqa: F401  (registers this app's section of the data export)
