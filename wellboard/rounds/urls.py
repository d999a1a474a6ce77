from django.urls import path

from wellboard.rounds import views

app_name = "rounds"
urlpatterns = [
    path("", views.index, name="index"),
    path("<int:pk>/", views.round_page, name="round"),
    path("<int:pk>/settings/", views.round_settings, name="settings"),
    path("asks/<int:pk>/nudge/", views.nudge, name="nudge"),
    path("asks/<int:pk>/revoke/", views.revoke, name="revoke"),
    path("respond/<str:token>/", views.respond, name="respond"),
]
