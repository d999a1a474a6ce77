"""The API tokens page (administrators), outside /api/v1/: it is a page, not the API."""

from django.urls import path

from wellboard.api.views import pages

app_name = "api_pages"
urlpatterns = [
    path("partnerships/<int:pk>/api-tokens/", pages.token_list, name="tokens"),
    path("api-tokens/<int:pk>/revoke/", pages.revoke, name="revoke"),
]
