from django.contrib import admin

from wellboard.tasks.models import Task


@admin.register(Task)
class TaskAdmin(admin.ModelAdmin):
    list_display = ["id", "kind", "status", "progress", "created_by", "created_at"]
    list_filter = ["status", "kind"]
    readonly_fields = ["result_name", "result_type", "started_at", "finished_at"]
