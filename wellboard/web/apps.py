from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "wellboard.web"
    label = "web"
