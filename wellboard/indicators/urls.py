from django.urls import path

from wellboard.indicators import views

app_name = "indicators"
urlpatterns = [
    path("indicators/", views.indicator_list, name="list"),
    path("indicators/<int:pk>/", views.indicator_detail, name="detail"),
    path("indicators/<int:pk>/upload/", views.indicator_upload, name="upload"),
    path("indicators/<int:pk>/areas/", views.indicator_areas, name="areas"),
    path("indicators/themes/<int:pk>/", views.theme_outcomes, name="theme_outcomes"),
]
