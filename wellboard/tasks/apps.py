from django.apps import AppConfig


class TasksConfig(AppConfig):
    name = "wellboard.tasks"
    label = "tasks"
    verbose_name = "Background tasks"
