from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "wellboard.imports"
    label = "imports"
    verbose_name = "Plan imports"
