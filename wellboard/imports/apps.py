from django.apps import AppConfig, apps


class ImportsConfig(AppConfig):
    name = "wellboard.imports"
    label = "imports"
    verbose_name = "Plan imports"

    def ready(self) -> None:
        """Hand large uploads to the background task runner when it is installed."""
        if apps.is_installed("wellboard.tasks"):
            from wellboard.imports import background

            background.register_handler()
