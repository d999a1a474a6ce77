from django.contrib import admin

from wellboard.partnerships.models import (
    ActionMerge,
    BoardMeeting,
    DecidingBody,
    GlossaryTerm,
    GovernanceBoard,
    IntendedPair,
    Organisation,
    OtherStrategy,
    Partnership,
    Person,
    RoleType,
    WorkingGroup,
    WorkingGroupPlace,
)


@admin.register(Partnership)
class PartnershipAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "area"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(DecidingBody)
class DecidingBodyAdmin(admin.ModelAdmin):
    list_display = ["name", "partnership", "part", "archived_at"]
    list_filter = ["partnership", "part"]


@admin.register(GovernanceBoard)
class GovernanceBoardAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "partnership"]
    list_filter = ["partnership"]
    search_fields = ["name", "short_name"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "acronym", "kind", "parent", "partnership"]
    list_filter = ["partnership", "kind"]
    search_fields = ["name", "acronym"]
    raw_id_fields = ["parent"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "job_title", "organisation", "board_role", "partnership"]
    list_filter = ["partnership", "board_role"]
    search_fields = ["name", "job_title", "email"]
    filter_horizontal = ["boards"]


@admin.register(GlossaryTerm)
class GlossaryTermAdmin(admin.ModelAdmin):
    list_display = ["term", "meaning", "partnership"]
    list_filter = ["partnership"]
    search_fields = ["term", "meaning"]


@admin.register(OtherStrategy)
class OtherStrategyAdmin(admin.ModelAdmin):
    list_display = ["title", "owner", "partnership"]
    list_filter = ["partnership"]
    search_fields = ["title"]


class WorkingGroupPlaceInline(admin.TabularInline):
    model = WorkingGroupPlace
    extra = 1
    raw_id_fields = ["organisation", "person"]


@admin.register(WorkingGroup)
class WorkingGroupAdmin(admin.ModelAdmin):
    list_display = ["name", "reports_to", "partnership"]
    list_filter = ["partnership"]
    search_fields = ["name", "purpose"]
    raw_id_fields = ["actions"]
    inlines = [WorkingGroupPlaceInline]


@admin.register(ActionMerge)
class ActionMergeAdmin(admin.ModelAdmin):
    list_display = ["removed_ref", "removed_title", "kept_ref", "merged_by", "created_at"]
    list_filter = ["partnership"]

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False


@admin.register(IntendedPair)
class IntendedPairAdmin(admin.ModelAdmin):
    list_display = ["first", "second", "decided_by", "created_at"]
    list_filter = ["partnership"]
    raw_id_fields = ["first", "second"]


@admin.register(BoardMeeting)
class BoardMeetingAdmin(admin.ModelAdmin):
    list_display = ["date", "board", "papers_deadline", "partnership"]
    list_filter = ["partnership"]
    readonly_fields = ["version"]


@admin.register(RoleType)
class RoleTypeAdmin(admin.ModelAdmin):
    list_display = ["name", "key", "colour", "position", "partnership"]
    list_filter = ["partnership"]
    readonly_fields = ["version"]
