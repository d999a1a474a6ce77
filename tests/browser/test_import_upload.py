"""A plan uploaded in a real browser is read in the limited child process, and confirming a
very large one (here: over one action) loads it in a background task whose progress page
updates itself until the plan is in (issue #12.6, #12.10)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse

from tests.browser.test_delivery_flows import sign_in
from tests.delivery_world import World, build_world
from tests.imports.conftest import PLAN_CSV
from wellboard.strategy.models import Action, Strategy
from wellboard.tasks.worker import run_pending

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def world(fast_password_hasher: None) -> World:
    return build_world()


def test_an_administrator_uploads_and_confirms_a_large_plan_in_the_background(
    local_page: Any, live_server: Any, world: World, settings: Any, tmp_path: Path
) -> None:
    settings.WELLBOARD_IMPORT_BACKGROUND_ACTIONS = 1
    plan = tmp_path / "tarnside-plan.csv"
    plan.write_text(PLAN_CSV, encoding="utf-8")
    page, base = local_page, live_server.url
    sign_in(page, base, "admin")
    page.goto(f"{base}{reverse('imports:upload')}")  # the menu's way in: tests/web crawl
    page.locator("input[type=file]").set_input_files(str(plan))
    page.get_by_role("button", name="Read the file").click()
    page.wait_for_load_state()
    assert page.get_by_text("Run family cooking clubs in every hub").first.is_visible()
    strategies = Strategy.objects.count()

    page.get_by_role("button", name="Confirm and save").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Importing tarnside-plan.csv").is_visible()
    assert Strategy.objects.count() == strategies  # not loaded in the request

    assert run_pending() == 1
    page.get_by_text("Imported tarnside-plan.csv into").wait_for()  # the page polls
    new = Strategy.objects.order_by("-id").first()
    assert new is not None and Action.objects.in_strategy(new).count() == 3
    page.get_by_role("link", name=f"Back to {new.title}").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name=new.title).first.is_visible()
