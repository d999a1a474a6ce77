from django.contrib import admin

from wellboard.indicators.models import CatalogueEntry, Indicator, IndicatorValue, ReportingArea


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "polarity", "target_text", "partnership", "catalogue_entry"]
    list_filter = ["partnership", "polarity"]
    search_fields = ["code", "name"]
    readonly_fields = ["catalogue_entry"]


@admin.register(CatalogueEntry)
class CatalogueEntryAdmin(admin.ModelAdmin):
    list_display = ["framework", "code", "name", "polarity", "unit", "fingertips_id", "verified"]
    list_filter = ["framework", "verified"]
    search_fields = ["code", "name", "fingertips_id"]


@admin.register(IndicatorValue)
class IndicatorValueAdmin(admin.ModelAdmin):
    list_display = ["indicator", "area_name", "period_label", "sex", "category", "value"]
    list_filter = ["source", "area_type"]
    search_fields = ["area_code", "area_name", "indicator__code"]
    list_select_related = ["indicator"]


@admin.register(ReportingArea)
class ReportingAreaAdmin(admin.ModelAdmin):
    list_display = ["partnership", "area_code", "area_name", "region_code"]
