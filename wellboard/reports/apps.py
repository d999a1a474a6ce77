from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "wellboard.reports"
    label = "reports"

    def ready(self) -> None:
        """Tell the apps below where board meetings are recorded (strategy) and what to
        do when an update round closes (rounds: queue the board's delivery report), and
        hand consultations the writer of their summary report."""
        from wellboard.consultations.summary_hook import write_summaries_with
        from wellboard.reports.consultation_summary import write_summary
        from wellboard.reports.round_report import queue_round_report
        from wellboard.reports.snapshots import meetings_on_record
        from wellboard.rounds.services import when_a_round_closes
        from wellboard.strategy.meetings import record_meetings_from

        record_meetings_from(meetings_on_record)
        when_a_round_closes(queue_round_report)
        write_summaries_with(write_summary)
