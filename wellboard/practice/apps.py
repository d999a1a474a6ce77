from django.apps import AppConfig


class PracticeConfig(AppConfig):
    name = "wellboard.practice"
    label = "practice"
    verbose_name = "Good practice library"
