from django.urls import path

from wellboard.reports import views

app_name = "reports"
urlpatterns = [
    path("", views.strategies, name="strategies"),
    path("strategies/<int:strategy_id>/", views.index, name="index"),
    path("strategies/<int:strategy_id>/<str:kind>/", views.report_page, name="report"),
    path(
        "strategies/<int:strategy_id>/<str:kind>/download.<str:fmt>",
        views.download,
        name="download",
    ),
    path("strategies/<int:strategy_id>/<str:kind>/generate", views.generate, name="generate"),
    path("snapshots/<int:pk>/", views.snapshot, name="snapshot"),
]
