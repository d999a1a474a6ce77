from django.contrib import admin

from wellboard.tasks.models import BackgroundTask, PeriodicJobRun, WorkerHeartbeat


@admin.register(BackgroundTask)
class BackgroundTaskAdmin(admin.ModelAdmin):
    list_display = ["id", "title", "status", "progress", "created_by", "created_at"]
    list_select_related = ["task_result", "created_by"]
    readonly_fields = ["task_result", "file_name", "file_type"]
    exclude = ["file_content"]


@admin.register(WorkerHeartbeat)
class WorkerHeartbeatAdmin(admin.ModelAdmin):
    list_display = ["worker_id", "hostname", "pid", "started_at", "seen_at", "task_result_id"]


@admin.register(PeriodicJobRun)
class PeriodicJobRunAdmin(admin.ModelAdmin):
    list_display = ["name", "last_run_at"]
