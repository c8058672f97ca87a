from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "ideabank.notifications"
    verbose_name = _("Notifikationer")

    def ready(self):
        from . import parts, privacy  # noqa: F401  (register the bell as a personal part; this app's sections of the
        # data export and its retention)
