from django.apps import AppConfig


class BackupConfig(AppConfig):
    name = "wellboard.backup"
    label = "backup"
