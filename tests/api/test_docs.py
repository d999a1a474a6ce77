"""The API's documentation is served from the app's own static files (no CDN), with its
start-up script in a file of its own, so the Content Security Policy needs no exception."""

from __future__ import annotations

import re

import pytest
from django.contrib.staticfiles import finders
from django.test import Client

from tests.delivery_world import World
from tests.web.test_security_headers import inline_parts

pytestmark = pytest.mark.django_db


def test_the_docs_page_loads_only_our_own_files() -> None:
    page = Client().get("/api/v1/docs/")
    assert page.status_code == 200
    html = page.content.decode()
    assert inline_parts(html) == []
    assert "script-src 'self'" in page["Content-Security-Policy"]
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assets = [s for s in sources if s.startswith("/static/")]
    assert len(assets) >= 4  # Swagger UI's CSS, bundle, preset, and our page CSS
    for asset in assets:
        assert finders.find(asset.removeprefix("/static/")), asset
    script = next(s for s in sources if "script" in s and not s.startswith("/static/"))
    init = Client().get(script.replace("&amp;", "&"))
    assert init.status_code == 200 and "javascript" in init["Content-Type"]
    assert "/api/v1/schema/" in init.content.decode()
    assert not any(s.startswith(("http:", "https:", "//")) for s in sources)


def test_the_schema_is_openapi_3_json_with_every_operation() -> None:
    schema = Client().get("/api/v1/schema/")
    assert schema.status_code == 200 and "json" in schema["Content-Type"]
    document = schema.json()
    assert document["openapi"].startswith("3.")
    operations = {
        (method.upper(), path) for path, ops in document["paths"].items() for method in ops
    }
    assert ("PATCH", "/api/v1/actions/{id}/") in operations
    assert ("POST", "/api/v1/actions/{id}/updates/") in operations
    assert len(operations) == 25
    patch = document["paths"]["/api/v1/actions/{id}/"]["patch"]
    assert {"412", "428"} <= set(patch["responses"])
    assert any(p["name"] == "If-Match" and p["in"] == "header" for p in patch["parameters"])


def test_the_docs_page_says_how_each_visitor_can_try_the_api(world: World) -> None:
    """Signed in, "Try it out" uses the session; an administrator is shown where tokens
    are made; a visitor where to sign in (the demo makes no token: README says why)."""
    tokens_page = f"/partnerships/{world.strategy.partnership.pk}/api-tokens/"
    admin = Client()
    admin.force_login(world.admin)
    shown = admin.get("/api/v1/docs/").content.decode()
    assert "your session" in shown and f'href="{tokens_page}"' in shown
    assert admin.get(tokens_page).status_code == 200
    lead = Client()
    lead.force_login(world.lead)
    shown = lead.get("/api/v1/docs/").content.decode()
    assert "your session" in shown and "api-tokens" not in shown
    visitor = Client().get("/api/v1/docs/").content.decode()
    assert 'href="/accounts/login/?next=/api/v1/docs/"' in visitor
    assert "api-tokens" not in visitor
