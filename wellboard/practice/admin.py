from django.contrib import admin

from wellboard.practice.models import GoodPractice


@admin.register(GoodPractice)
class GoodPracticeAdmin(admin.ModelAdmin):
    list_display = ["name", "place", "organisation", "published", "partnership"]
    list_filter = ["partnership", "published"]
    search_fields = ["name", "summary", "tags"]
    raw_id_fields = ["actions", "priorities"]
