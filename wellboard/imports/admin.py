from django.contrib import admin

from wellboard.imports.models import ColumnMapping, ImportRun


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    list_display = ["id", "file_name", "partnership", "kind", "status", "actions", "created_at"]
    list_filter = ["status", "kind"]
    exclude = ["document", "changes"]
    readonly_fields = ["warnings", "unmapped_headers", "error", "result_strategy", "applied_at"]


@admin.register(ColumnMapping)
class ColumnMappingAdmin(admin.ModelAdmin):
    list_display = ["header", "field", "partnership"]
    list_filter = ["partnership"]
