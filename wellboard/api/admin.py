from django.contrib import admin

from wellboard.api.models import ApiToken, RequestCount


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Read what tokens exist; secrets are never stored, so nothing here can show one."""

    list_display = [
        "name",
        "prefix",
        "partnership",
        "user",
        "can_write",
        "created_at",
        "revoked_at",
    ]
    list_filter = ["partnership", "can_write"]
    readonly_fields = ["prefix", "digest", "last_used_at", "created_at"]


@admin.register(RequestCount)
class RequestCountAdmin(admin.ModelAdmin):
    list_display = ["key", "window_start", "count"]
