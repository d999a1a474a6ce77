from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "wellboard.indicators"
    label = "indicators"
