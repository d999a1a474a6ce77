from django.contrib import admin

from wellboard.indicators.models import Indicator


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "polarity", "target_text", "partnership"]
    list_filter = ["partnership", "polarity"]
    search_fields = ["code", "name"]
