from django.contrib import admin

from wellboard.accounts.models import Membership


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "partnership", "role", "person"]
    list_filter = ["partnership", "role"]
