from django.urls import path

from wellboard.accounts import views
from wellboard.accounts.guards import guard

app_name = "accounts"
urlpatterns = [
    path(
        "login/",
        guard(signed_in=False, methods=("GET", "POST"))(views.SignInView.as_view()),
        name="login",
    ),
    # Django signs out on POST only (no CSRF-able sign-out links).
    path(
        "logout/",
        guard(signed_in=False, methods=("POST",))(views.SignOutView.as_view()),
        name="logout",
    ),
    path("invitation/<str:token>/", views.accept_invitation, name="invitation"),
]
