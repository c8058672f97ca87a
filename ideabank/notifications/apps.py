from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "ideabank.notifications"
    verbose_name = _("Notifikationer")

    def ready(self):
        from . import privacy  # noqa: F401  (registers this app's sections of the data export and its retention)
