from django.apps import AppConfig


class ConsultationsConfig(AppConfig):
    name = "wellboard.consultations"
    label = "consultations"
    verbose_name = "Public consultation"

    def ready(self) -> None:
        """The retention purge joins the worker's periodic jobs."""
        from wellboard.consultations.retention import register_daily_purge

        register_daily_purge()
