from django.contrib import admin

from wellboard.rounds.models import EmailRequest, Round, RoundLead


class RoundLeadInline(admin.TabularInline):
    model = RoundLead
    fields = ["person", "email", "revoked_at"]
    readonly_fields = ["person", "email"]
    extra = 0


@admin.register(Round)
class RoundAdmin(admin.ModelAdmin):
    list_display = ["id", "partnership", "board", "meeting_date", "papers_deadline", "state"]
    list_select_related = ["partnership", "board"]
    list_filter = ["state"]
    readonly_fields = ["opened_at", "closed_at", "report_task"]
    inlines = [RoundLeadInline]


@admin.register(EmailRequest)
class EmailRequestAdmin(admin.ModelAdmin):
    list_display = ["id", "kind", "to", "state", "attempts", "sent_at", "last_error"]
    list_filter = ["kind", "state"]
    # The record of what was sent: it is looked at, never edited by hand.
    readonly_fields = [f.name for f in EmailRequest._meta.fields]
