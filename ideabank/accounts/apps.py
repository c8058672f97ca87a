from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "ideabank.accounts"
    verbose_name = _("Brugere og organisationer")

    def ready(self):
        from django.urls import register_converter

        from ideabank import personal_data  # noqa: F401  (its system check: every text field is guarded)
        from ideabank.ids import IdConverter

        # Before any URL pattern is built: every app's routes use `<id:…>`.
        register_converter(IdConverter, "id")

        from . import parts, sessions  # noqa: F401  (the user's name as a personal part; login clocks, password change)
        from .roles import sync_role_groups

        # Permissions exist only after every app migrated, so the role groups follow post_migrate.
        post_migrate.connect(sync_role_groups, dispatch_uid="ideabank.accounts.sync_role_groups")
