from django.apps import AppConfig


class ApiConfig(AppConfig):
    """The REST API at /api/v1/ and the tokens integrations use to reach it."""

    name = "wellboard.api"
    label = "api"
    verbose_name = "API"
