from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "wellboard.accounts"
    label = "accounts"
