from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "wellboard.web"
    label = "web"

    def ready(self) -> None:
        """Hand the demo the reports app's snapshot keeper: the two apps are siblings in
        the layers, and the demo keeps its last meeting's report (demo/meeting_report.py)."""
        from wellboard.demo.meeting_report import keep_reports_with
        from wellboard.reports.snapshots import keep_meeting_report

        keep_reports_with(keep_meeting_report)
