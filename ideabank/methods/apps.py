from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class MethodsConfig(AppConfig):
    name = "ideabank.methods"
    verbose_name = _("Metoder")

    def ready(self):
        from . import signals  # noqa: F401
        from .workflow import ensure_review_workflow

        post_migrate.connect(ensure_review_workflow, sender=self)
