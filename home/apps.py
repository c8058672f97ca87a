from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Forside"

    def ready(self):
        from . import parts  # noqa: F401  (registers "Til dig" as a personal part)
