from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "wellboard.reports"
    label = "reports"

    def ready(self) -> None:
        """Tell the strategy app (a layer below) where board meetings are recorded."""
        from wellboard.reports.snapshots import meetings_on_record
        from wellboard.strategy.meetings import record_meetings_from

        record_meetings_from(meetings_on_record)
