from django.apps import AppConfig


class RoundsConfig(AppConfig):
    name = "wellboard.rounds"
    label = "rounds"
    verbose_name = "Update rounds"

    def ready(self) -> None:
        """Register the scheduler pass with the worker's periodic jobs."""
        from wellboard.rounds import periodic  # noqa: F401
