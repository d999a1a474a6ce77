"""Lead officers update, board members are refused, and no page has serious a11y faults."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from tests.delivery_world import PASSWORD, World, build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture
def world(fast_password_hasher: None) -> World:
    return build_world()


def sign_in(page: Any, base: str, username: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


def complete_count(page: Any) -> int:
    label = page.locator(".wb-bar").first.get_attribute("aria-label") or ""
    found = re.search(r"(\d+) complete", label)
    return int(found.group(1)) if found else 0


def test_lead_officer_adds_an_update_and_sees_the_roll_up_change(
    local_page: Any, live_server: Any, world: World
) -> None:
    page, base = local_page, live_server.url
    sign_in(page, base, "lead")
    page.goto(f"{base}/strategies/{world.strategy.pk}/")
    assert complete_count(page) == 0
    page.goto(f"{base}/actions/{world.own_action.pk}/")
    page.get_by_role("button", name="Add an update").click()
    page.locator("#id_date").fill(timezone.localdate().isoformat())
    page.get_by_label("Complete", exact=True).check()
    page.get_by_label("Progress since the last update").fill("All clinics running.")
    page.get_by_label("Percent complete").fill("100")
    page.get_by_role("button", name="Add update").click()
    page.wait_for_url(f"{base}/actions/{world.own_action.pk}/")
    assert "All clinics running." in page.content()
    page.goto(f"{base}/strategies/{world.strategy.pk}/")
    assert complete_count(page) == 1


def test_board_member_is_refused_an_edit(local_page: Any, live_server: Any, world: World) -> None:
    page, base = local_page, live_server.url
    sign_in(page, base, "board")
    page.goto(f"{base}/actions/{world.own_action.pk}/")
    assert page.get_by_role("button", name="Add an update").count() == 0
    response = page.goto(f"{base}/actions/{world.own_action.pk}/update/")
    assert response is not None and response.status == 403
    response = page.goto(f"{base}/actions/{world.own_action.pk}/edit/")
    assert response is not None and response.status == 403


@pytest.mark.skipif(not AXE.exists(), reason="axe-core not installed: run make setup")
def test_main_pages_have_no_serious_accessibility_violations(
    local_page: Any, live_server: Any, world: World
) -> None:
    page, base = local_page, live_server.url
    a = world.own_action
    public_pages = [f"/public/strategies/{world.strategy.pk}/", "/accounts/login/"]
    member_pages = [
        f"/strategies/{world.strategy.pk}/",
        f"/themes/{a.priority.theme_id}/",
        f"/priorities/{a.priority_id}/",
        f"/actions/{a.pk}/",
        f"/actions/{a.pk}/update/",
        f"/actions/{a.pk}/edit/",
        "/actions/",
        "/my/actions/",
    ]
    problems: dict[str, list[str]] = {}
    for path in public_pages:
        problems[path] = serious_violations(page, base + path)
    sign_in(page, base, "lead")
    for path in member_pages:
        problems[path] = serious_violations(page, base + path)
    page.goto(f"{base}/actions/{a.pk}/update/")
    page.get_by_role("button", name="Add update").click()  # nothing filled in: errors
    page.wait_for_load_state()
    assert page.locator(".nhsuk-error-summary a[href='#id_text']").count() == 1
    problems["update form with errors"] = axe_violations(page)
    assert {path: found for path, found in problems.items() if found} == {}


def serious_violations(page: Any, url: str) -> list[str]:
    response = page.goto(url)
    assert response is not None and response.status == 200, url
    return axe_violations(page)


def axe_violations(page: Any) -> list[str]:
    # Run through the DevTools protocol: an added <script> tag is inline, which the site's
    # Content Security Policy rightly blocks.
    if not page.evaluate("() => typeof axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate("async () => await axe.run(document)")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {v['nodes'][0]['target']}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
