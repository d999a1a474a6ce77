from django.contrib import admin
from django.http import HttpRequest

from wellboard.history.models import ChangeRecord


@admin.register(ChangeRecord)
class ChangeRecordAdmin(admin.ModelAdmin):
    """The history is evidence: it can be read and searched, never edited."""

    list_display = ["at", "object_repr", "verb", "user_name", "content_type"]
    list_filter = ["verb", "content_type"]
    search_fields = ["object_repr", "user_name"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
