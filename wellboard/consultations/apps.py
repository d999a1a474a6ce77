from django.apps import AppConfig


class ConsultationsConfig(AppConfig):
    name = "wellboard.consultations"
    label = "consultations"
    verbose_name = "Public consultation"
