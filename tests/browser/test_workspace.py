"""The officer's workspace in a real browser: the menu, the dashboard and the approvals queue,
clicked through and checked with axe-core for serious or critical accessibility faults."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.test_delivery_flows import AXE, axe_violations, serious_violations, sign_in
from tests.delivery_world import World, build_world
from tests.factories import UpdateFactory
from wellboard.strategy.models import ActionComment, UpdateReview

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def world(fast_password_hasher: None) -> World:
    built = build_world()
    for text in ("Two clinics opened", "Leaflets printed"):
        UpdateReview.objects.create(update=UpdateFactory(action=built.own_action, text=text))
    ActionComment.objects.create(
        action=built.other_action, author=built.lead, kind="proposal", text="Move it to March"
    )
    return built


def test_the_administrator_approves_and_returns_from_the_queue(
    local_page: Any, live_server: Any, world: World
) -> None:
    page, base = local_page, live_server.url
    sign_in(page, base, "admin")
    menu = page.get_by_role("navigation", name="Menu")
    menu.get_by_role("link", name="Approvals (3)").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Approvals", level=1).is_visible()
    first = page.locator("section", has_text="Two clinics opened")
    first.get_by_role("button", name="Approve").click()
    page.wait_for_load_state()
    assert page.get_by_text("Approved: the update on").is_visible()
    second = page.locator("section", has_text="Leaflets printed")
    second.get_by_role("button", name="Return with this reason").click()
    page.wait_for_load_state()
    summary = page.locator(".nhsuk-error-summary")
    assert summary.get_by_text("Say why the update is returned.").is_visible()
    summary.get_by_role("link").first.click()  # the summary's link takes focus to the field
    focused = page.evaluate("document.activeElement.name")
    assert focused.endswith("-reason")
    page.keyboard.type("Say which leaflets")
    page.locator("section", has_text="Leaflets printed").get_by_role(
        "button", name="Return with this reason"
    ).click()
    page.wait_for_load_state()
    assert page.get_by_text("Returned: the update on").is_visible()
    assert page.get_by_role("link", name="Approvals (1)").count() == 1  # the proposal left
    assert UpdateReview.objects.filter(decision="approved").count() == 1
    assert UpdateReview.objects.get(decision="returned").reason == "Say which leaflets"


def test_a_lead_officer_clicks_from_the_dashboard_to_their_action(
    local_page: Any, live_server: Any, world: World
) -> None:
    page, base = local_page, live_server.url
    sign_in(page, base, "lead")
    assert page.get_by_role("heading", name="Your dashboard").is_visible()
    menu = page.get_by_role("navigation", name="Menu")
    assert menu.get_by_role("link", name="Approvals").count() == 0
    assert menu.get_by_role("link", name="Imports").count() == 0
    page.get_by_role("link", name=world.own_action.title).first.click()
    page.wait_for_load_state()
    crumbs = page.get_by_role("navigation", name="Breadcrumb")
    assert crumbs.get_by_role("link", name=world.strategy.title).count() == 1


@pytest.mark.skipif(not AXE.exists(), reason="axe-core not installed: run make setup")
def test_the_new_pages_have_no_serious_accessibility_violations(
    local_page: Any, live_server: Any, world: World
) -> None:
    page, base = local_page, live_server.url
    partnership = world.strategy.partnership_id
    problems: dict[str, list[str]] = {"home (visitor)": serious_violations(page, base + "/")}
    sign_in(page, base, "admin")
    for path in (
        "/",
        "/approvals/",
        "/indicators/",
        f"/partnerships/{partnership}/settings/",
    ):
        problems[f"{path} (administrator)"] = serious_violations(page, base + path)
    page.goto(base + "/approvals/")
    page.locator("section", has_text="Two clinics opened").get_by_role(
        "button", name="Return with this reason"
    ).click()
    page.wait_for_load_state()
    problems["approvals with an error"] = axe_violations(page)
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state()
    sign_in(page, base, "lead")
    problems["/ (lead officer)"] = serious_violations(page, base + "/")
    assert {where: found for where, found in problems.items() if found} == {}
