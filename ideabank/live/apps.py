from django.apps import AppConfig


class LiveConfig(AppConfig):
    name = "ideabank.live"
    verbose_name = "Live"
