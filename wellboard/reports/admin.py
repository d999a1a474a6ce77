from django.contrib import admin

from wellboard.reports.models import ReportSnapshot


@admin.register(ReportSnapshot)
class ReportSnapshotAdmin(admin.ModelAdmin):
    list_display = ["filename", "strategy", "kind", "format", "as_of", "meeting_date"]
    list_filter = ["kind", "format"]
    exclude = ["content"]
    readonly_fields = ["filename", "content_type"]
