from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Installed only for its management commands (`seed_demo`, `demo_totp`); it has no models."""

    name = "ideabank.demo"
    label = "demo"
    verbose_name = "Demo data"
