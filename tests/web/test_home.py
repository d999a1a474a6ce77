from __future__ import annotations

import re

import pytest
from django.test import Client

from tests.factories import PlanFactory, StrategyFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def test_home_lists_published_strategies_with_their_themes(client: Client) -> None:
    strategy = StrategyFactory(title="Brookvale strategy", published=True)
    plan = PlanFactory(strategy=strategy)
    ThemeFactory(plan=plan, title="Start well")
    ThemeFactory(plan=plan, title="Age well")
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Brookvale strategy" in html
    assert html.index("Start well") < html.index("Age well")


def test_home_hides_unpublished_strategies(client: Client) -> None:
    StrategyFactory(title="Draft strategy not yet public", published=False)
    assert "Draft strategy not yet public" not in client.get("/").content.decode()


def test_home_escapes_text_from_users(client: Client) -> None:
    StrategyFactory(title="<script>alert(1)</script>", published=True)
    html = client.get("/").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_home_uses_the_locally_served_nhsuk_styles(client: Client) -> None:
    html = client.get("/").content.decode()
    # Hashed (wellboard.<hash>.css) once collectstatic has run in this checkout.
    assert re.search(r"/static/wellboard/build/wellboard(\.[0-9a-f]{12})?\.css", html)
    assert 'type="module"' in html
    assert "assets.nhs.uk" not in html
