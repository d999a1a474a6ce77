from django.urls import path

from wellboard.imports import views

app_name = "imports"
urlpatterns = [
    path("", views.upload, name="upload"),
    path("<int:pk>/", views.preview, name="preview"),
    path("<int:pk>/status", views.status, name="status"),
    path("<int:pk>/mapping", views.mapping, name="mapping"),
    path("<int:pk>/confirm", views.confirm, name="confirm"),
    path("<int:pk>/discard", views.discard, name="discard"),
    path("strategies/<int:pk>/plan.xlsx", views.export_sheet, name="export_sheet"),
    path("strategies/<int:pk>/results.csv", views.export_decidim, name="export_decidim"),
]
