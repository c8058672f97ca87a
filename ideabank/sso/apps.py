from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SsoConfig(AppConfig):
    name = "ideabank.sso"
    label = "sso"
    verbose_name = _("Fælles login (SSO)")

    def ready(self):
        from . import privacy  # noqa: F401  (registers this app's section of the data export)
