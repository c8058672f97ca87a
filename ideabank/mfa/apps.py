from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MfaConfig(AppConfig):
    name = "ideabank.mfa"
    label = "mfa"
    verbose_name = _("Totrinsbekræftelse")

    def ready(self):
        from . import privacy, signals  # noqa: F401  (the data export's section; the user's two-factor flag)
