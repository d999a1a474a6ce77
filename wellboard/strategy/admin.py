from django.contrib import admin

from wellboard.strategy.models import (
    Action,
    ActionBoard,
    ActionIndicator,
    ActionLink,
    ActionOrganisation,
    ApprovalDecision,
    Milestone,
    Plan,
    Priority,
    ProgressUpdate,
    Strategy,
    StrategyVersion,
    Theme,
    ThemeIndicator,
)
from wellboard.strategy.workflow_models import (
    ActionComment,
    ProposalDecision,
    ProposedChange,
    UpdateReview,
)


class ApprovalInline(admin.TabularInline):
    model = ApprovalDecision
    extra = 0


class VersionInline(admin.TabularInline):
    model = StrategyVersion
    extra = 0
    fields = ["number", "label", "created_at", "created_by"]
    readonly_fields = ["number", "label", "created_at", "created_by"]


@admin.register(Strategy)
class StrategyAdmin(admin.ModelAdmin):
    list_display = ["title", "partnership", "status", "published"]
    list_filter = ["partnership", "status", "published"]
    inlines = [ApprovalInline, VersionInline]


@admin.register(ApprovalDecision)
class ApprovalDecisionAdmin(admin.ModelAdmin):
    list_display = ["strategy", "body", "date", "decision"]


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ["title", "strategy", "kind", "period", "position"]
    list_filter = ["kind"]


class ThemeIndicatorInline(admin.TabularInline):
    model = ThemeIndicator
    extra = 0


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["ref", "title", "plan", "lead_member"]
    inlines = [ThemeIndicatorInline]


@admin.register(Priority)
class PriorityAdmin(admin.ModelAdmin):
    list_display = ["ref", "title", "theme", "lead_officer", "sub_plan"]


class OrganisationInline(admin.TabularInline):
    model = ActionOrganisation
    extra = 0


class BoardInline(admin.TabularInline):
    model = ActionBoard
    extra = 0


class IndicatorInline(admin.TabularInline):
    model = ActionIndicator
    extra = 0


class LinkInline(admin.TabularInline):
    model = ActionLink
    extra = 0


class MilestoneInline(admin.TabularInline):
    model = Milestone
    extra = 0


class UpdateInline(admin.TabularInline):
    """Updates are append-only, so existing ones are shown read-only."""

    model = ProgressUpdate
    extra = 0
    can_delete = False
    readonly_fields = [
        "date",
        "date_text",
        "rag",
        "text",
        "author_name",
        "percent_complete",
        "evidence_url",
    ]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Action)
class ActionAdmin(admin.ModelAdmin):
    list_display = ["ref", "title", "due_text", "due_end", "role_type", "priority"]
    list_filter = ["ongoing", "to_be_agreed"]
    search_fields = ["ref", "title", "description", "outcome_measures"]
    readonly_fields = ["version"]
    inlines = [
        OrganisationInline,
        BoardInline,
        IndicatorInline,
        LinkInline,
        MilestoneInline,
        UpdateInline,
    ]


@admin.register(Milestone)
class MilestoneAdmin(admin.ModelAdmin):
    list_display = ["title", "action", "due_text", "due_end", "done_on"]


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(admin.ModelAdmin):
    """Adding is allowed; editing and deleting are not, because updates are the record."""

    list_display = ["action", "date", "rag", "author_name"]
    list_filter = ["rag"]

    def has_change_permission(self, request, obj=None):
        return obj is None

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(UpdateReview)
class UpdateReviewAdmin(admin.ModelAdmin):
    list_display = ["update", "decision", "reviewer"]
    list_filter = ["decision"]


@admin.register(ActionComment)
class ActionCommentAdmin(admin.ModelAdmin):
    list_display = ["action", "kind", "author"]
    list_filter = ["kind"]


@admin.register(ProposalDecision)
class ProposalDecisionAdmin(admin.ModelAdmin):
    list_display = ["proposal", "decision", "decided_by"]
    list_filter = ["decision"]


@admin.register(ProposedChange)
class ProposedChangeAdmin(admin.ModelAdmin):
    list_display = ["action", "status", "proposed_by", "decided_by"]
    list_filter = ["status"]
