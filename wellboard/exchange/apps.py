from django.apps import AppConfig


class ExchangeConfig(AppConfig):
    name = "wellboard.exchange"
    label = "exchange"
