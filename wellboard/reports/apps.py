from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "wellboard.reports"
    label = "reports"
