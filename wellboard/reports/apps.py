from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "wellboard.reports"
    label = "reports"

    def ready(self) -> None:
        """Register the background task that produces reports for large plans."""
        from wellboard.reports import tasks  # noqa: F401
