from django.urls import path

from wellboard.tasks import views

app_name = "tasks"
urlpatterns = [
    path("<int:pk>/", views.status, name="status"),
    path("<int:pk>/status", views.status_partial, name="status_partial"),
    path("<int:pk>/result", views.result, name="result"),
]
