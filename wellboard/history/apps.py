from django.apps import AppConfig


class HistoryConfig(AppConfig):
    name = "wellboard.history"
    label = "history"
