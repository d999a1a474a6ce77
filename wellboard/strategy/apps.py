from django.apps import AppConfig


class StrategyConfig(AppConfig):
    name = "wellboard.strategy"
    label = "strategy"

    def ready(self) -> None:
        """Record every change to plan objects (see wellboard/history/recorder.py), and
        tell the permission layer that a partnership is public once it publishes a strategy.
        """
        from wellboard.accounts.permissions import publish_partnerships_when
        from wellboard.history.recorder import track
        from wellboard.strategy import models
        from wellboard.strategy.delivery_cache import keep_delivery_current

        publish_partnerships_when(models.has_published_strategy)
        keep_delivery_current()

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
