from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "wellboard.imports"
    label = "imports"
    verbose_name = "Plan imports"

    def ready(self) -> None:
        """Register the job that deletes unfinished uploads after the retention period."""
        from wellboard.imports import retention  # noqa: F401
