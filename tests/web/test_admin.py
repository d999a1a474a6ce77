"""Every Wellboard model can be reached in the Django admin, directly or inline."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import User
from django.test import Client


def _inline_models() -> set[type]:
    return {
        inline.model
        for model_admin in admin.site._registry.values()
        for inline in model_admin.inlines
    }


def test_every_model_is_in_the_admin() -> None:
    reachable = set(admin.site._registry) | _inline_models()
    missing = [
        model._meta.label
        for model in apps.get_models()
        if model.__module__.startswith("wellboard.") and model not in reachable
    ]
    assert missing == []


@pytest.mark.django_db
def test_every_admin_list_page_opens(client: Client) -> None:
    client.force_login(User.objects.create_superuser("root", "root@example.org", "x"))
    for model in admin.site._registry:
        if model.__module__.startswith("wellboard."):
            url = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
            assert client.get(url).status_code == 200, url
