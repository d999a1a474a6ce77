from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "wellboard.demo"
    label = "demo"
