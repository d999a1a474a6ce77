from django.urls import path

from wellboard.web import views
from wellboard.web.open_data import views as open_data

app_name = "web"
urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("open-data/", open_data.open_data, name="open_data"),
    *(
        path(
            f"open-data/strategies/<int:pk>/{dataset}.{fmt}",
            open_data.dataset_file,
            {"dataset": dataset, "fmt": fmt},
            name=f"open_data_{dataset}_{fmt}",
        )
        for dataset in ("actions", "indicators")
        for fmt in ("csv", "json")
    ),
]
