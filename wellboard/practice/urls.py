from django.urls import path

from wellboard.practice import views

app_name = "practice"
urlpatterns = [
    path("", views.library, name="library"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("new/<int:partnership_pk>/", views.create, name="create"),
]
