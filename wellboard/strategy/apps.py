from django.apps import AppConfig


class StrategyConfig(AppConfig):
    name = "wellboard.strategy"
    label = "strategy"

    def ready(self) -> None:
        """Record every change to plan objects (see wellboard/history/recorder.py)."""
        from wellboard.history.recorder import track
        from wellboard.strategy import models

        track(
            models.Strategy,
            models.ApprovalDecision,
            models.Plan,
            models.Theme,
            models.Priority,
            models.Action,
            models.Milestone,
            models.ProgressUpdate,
            models.UpdateReview,
        )
