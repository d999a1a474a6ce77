from django.contrib import admin

from wellboard.partnerships.models import (
    GlossaryTerm,
    GovernanceBoard,
    Organisation,
    OtherStrategy,
    Partnership,
    Person,
)


@admin.register(Partnership)
class PartnershipAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "area"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(GovernanceBoard)
class GovernanceBoardAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "partnership"]
    list_filter = ["partnership"]
    search_fields = ["name", "short_name"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "acronym", "kind", "partnership"]
    list_filter = ["partnership", "kind"]
    search_fields = ["name", "acronym"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "job_title", "organisation", "board_role", "partnership"]
    list_filter = ["partnership", "board_role"]
    search_fields = ["name", "job_title", "email"]


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
