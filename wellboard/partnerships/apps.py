from django.apps import AppConfig


class PartnershipsConfig(AppConfig):
    name = "wellboard.partnerships"
    label = "partnerships"
