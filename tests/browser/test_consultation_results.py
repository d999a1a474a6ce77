"""A resident sends a response through the public form and the policy officer, clicking
from the home page, finds it counted on the consultation's results page (with its
agreement chart and data table); axe-core finds no serious or critical problem there."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.test_delivery_flows import AXE, axe_violations
from tests.consultations.analysis_world import consultation_world
from tests.delivery_world import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _counted(page: Any, label: str) -> str:
    row = page.locator("#counts tr", has_text=label).first
    return row.locator("td").last.inner_text().strip()


def test_a_public_response_is_counted_on_the_results_page(
    local_page: Any, live_server: Any
) -> None:
    world = consultation_world(4)
    consultation, first = world.consultation, world.priorities[0]
    page, base = local_page, live_server.url

    page.goto(f"{base}/consultations/{consultation.pk}/respond/")
    page.get_by_label("A resident").check()
    priority = page.locator("fieldset", has_text=first.title)
    priority.get_by_label("Strongly agree", exact=True).check()
    page.get_by_label(f"Why? Your comments on “{first.title}” (optional)").fill(
        "Counsellors in every school, please."
    )
    page.get_by_label("I have read the privacy notice", exact=False).check()
    page.get_by_role("button", name="Send my response").click()
    page.wait_for_load_state()
    assert page.get_by_text("Thank you: we have your response").count()

    world.admin.username = "officer"
    world.admin.set_password(PASSWORD)
    world.admin.save()
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Username").fill("officer")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    # The header menu links to the consultations (the narrow menu folds it away).
    assert page.locator("header a[href='/consultations/']").count()
    page.goto(f"{base}/consultations/")
    page.get_by_role("link", name=consultation.title).first.click()
    page.wait_for_url(f"**/consultations/{consultation.pk}/**")
    page.get_by_role("link", name="Results").first.click()
    # A click starts the navigation; waiting for the new address, not for the load state
    # (which the page being left already has), holds on a busy machine.
    page.wait_for_url(f"**/consultations/{consultation.pk}/results/")

    assert page.get_by_role("heading", name=f"Results: {consultation.title}").count()
    assert _counted(page, "Responses") == "5"
    assert page.locator("svg#agreement[role=img]").count() == 1
    table = page.locator("#agreement")
    assert table.locator("tr", has_text=first.title).count() == 1
    if AXE.exists():
        assert axe_violations(page) == []
