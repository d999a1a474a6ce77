from django.contrib import admin
from django.urls import include, path

# A lost database answers 503 with a clear page, even outside a view (web/outage.py).
handler500 = "wellboard.web.outage.server_error"
# Unknown API addresses answer a problem document; elsewhere, the usual page.
handler404 = "wellboard.api.problems.not_found"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("reports/", include("wellboard.reports.urls")),
    path("tasks/", include("wellboard.tasks.urls")),
    path("imports/", include("wellboard.imports.urls")),
    path("rounds/", include("wellboard.rounds.urls")),
    path("approvals/", include("wellboard.strategy.approval_urls")),
    path("", include("wellboard.web.urls")),
    path("accounts/", include("wellboard.accounts.urls")),
    path("", include("wellboard.strategy.urls")),
    path("", include("wellboard.indicators.urls")),
    path("", include("wellboard.web.partnership_pages.urls")),
    path("practice/", include("wellboard.practice.urls")),
    path("api/v1/", include("wellboard.api.urls")),
    path("", include("wellboard.api.page_urls")),
    path("consultations/", include("wellboard.consultations.urls")),
]
