"""A member of the public finds an open consultation from the home page, responds without
an account, and the policy officer finds the response waiting in moderation; axe-core
finds no serious or critical problem on the public pages."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.test_delivery_flows import AXE, axe_violations
from tests.consultations.helpers import consultation_setting
from tests.delivery_world import PASSWORD
from wellboard.consultations.models import Answer, EqualityAnswers, Response

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _sign_in(page: Any, base: str, username: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


def test_a_resident_responds_and_the_officer_sees_it_in_moderation(
    local_page: Any, live_server: Any
) -> None:
    setting = consultation_setting()
    consultation, first = setting.consultation, setting.priorities[0]
    page, base, problems = local_page, live_server.url, {}
    page.goto(base)
    page.get_by_role("link", name=consultation.title).click()
    page.get_by_role("button", name="Respond to the consultation").click()
    page.wait_for_load_state()
    if AXE.exists():
        problems["form"] = axe_violations(page)
    page.get_by_role("button", name="Send my response").click()  # nothing filled in
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="There is a problem").count()
    if AXE.exists():
        problems["form with errors"] = axe_violations(page)

    page.get_by_label("A resident").check()
    page.get_by_label("Your name (optional)").fill("Priya Shah")
    priority = page.locator("fieldset", has_text=first.title)
    priority.get_by_label("Agree", exact=True).check()
    page.get_by_label(f"Why? Your comments on “{first.title}” (optional)").fill(
        "More play areas near schools."
    )
    page.locator("fieldset", has_text="Your age").get_by_label("25 to 34").check()
    page.get_by_label("You may publish my comments", exact=False).check()
    page.get_by_label("I have read the privacy notice", exact=False).check()
    page.get_by_role("button", name="Send my response").click()
    page.wait_for_load_state()
    assert page.get_by_text("Thank you: we have your response").count()

    response = Response.objects.get()
    assert (response.name, response.respondent_type, response.consent_publish) == (
        "Priya Shah",
        "resident",
        True,
    )
    answer = Answer.objects.get(response=response, question__priority=first)
    assert (answer.scale, answer.comment) == (4, "More play areas near schools.")
    assert EqualityAnswers.objects.get(response=response).age_band == "25_34"

    if AXE.exists():
        for name, path in (
            ("draft", f"/consultations/{consultation.pk}/draft/"),
            ("comment", f"/consultations/{consultation.pk}/draft/priority-1-1/comment/"),
            ("privacy", f"/consultations/{consultation.pk}/privacy/"),
            ("overview", f"/consultations/{consultation.pk}/"),
        ):
            page.goto(base + path)
            problems[name] = axe_violations(page)

    setting.admin.username = "officer"
    setting.admin.set_password(PASSWORD)
    setting.admin.save()
    _sign_in(page, base, "officer")
    assert page.locator("header a[href='/consultations/']").count()  # the header menu
    page.goto(f"{base}/consultations/")
    page.get_by_role("link", name=consultation.title).click()
    page.get_by_role("link", name="Moderation (1 waiting)").click()
    page.get_by_role("link", name=f"Response {response.pk}").click()
    assert "More play areas near schools." in page.content()
    if AXE.exists():
        problems["moderation"] = axe_violations(page)
    assert {name: found for name, found in problems.items() if found} == {}
