from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "ideabank.api"
    verbose_name = "API"
