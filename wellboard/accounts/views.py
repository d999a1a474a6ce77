"""Sign in and out. Django's own views, with the NHS.UK templates."""

from __future__ import annotations

from django.contrib.auth import views as auth_views


class SignInView(auth_views.LoginView):
    template_name = "accounts/login.jinja"
    redirect_authenticated_user = True


class SignOutView(auth_views.LogoutView):
    """POST signs out (Django refuses GET for logout, as it should: no CSRF-able links)."""

    template_name = "accounts/logged_out.jinja"
