"""A lead officer follows the link in the round's email, gives an update without signing
in, and the policy officer sees it on the round page."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone

from tests.browser.test_delivery_flows import AXE, axe_violations, sign_in
from tests.delivery_world import PASSWORD
from tests.rounds.mailbox import text_of
from tests.rounds.round_world import build_round_world, link_in
from tests.smtp import SmtpServer
from wellboard.rounds import delivery, services

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_lead_answers_from_the_email_and_the_officer_sees_it(
    local_page: Any, live_server: Any, smtp_server: SmtpServer, settings: Any
) -> None:
    settings.WELLBOARD_BASE_URL = live_server.url
    world = build_round_world()
    now = timezone.now()
    round = services.plan_round(
        partnership=world.partnership,
        board=world.board,
        meeting=timezone.localdate() + timezone.timedelta(days=14),
    )
    assert services.open_round(round, now)
    delivery.send_due_now(now)
    mail = next(m for m in smtp_server.deliveries if m.recipients == ["ada@example.org"])
    link = link_in(text_of(mail))
    assert link.startswith(live_server.url)

    page = local_page
    page.goto(link)
    assert page.get_by_role("heading", name="Your updates for the Staying Healthy Board").count()
    problems = {"link page": axe_violations(page)} if AXE.exists() else {}
    first = world.ada_actions[0]
    section = page.locator(f"section[aria-labelledby='action-{first.pk}']")
    section.get_by_label("Green").check()
    section.get_by_label("Progress since the last update").fill("Both clinics open on Saturdays.")
    section.get_by_label("Why this status?").fill("Ahead of the plan.")
    section.get_by_role("button", name=f"Save update on {first.ref}").click()
    page.wait_for_load_state()
    assert "Thank you: your update" in page.content()
    if AXE.exists():
        problems["link page after an update"] = axe_violations(page)
        page.goto(link.replace("/respond/", "/respond/x"))
        problems["refused link"] = axe_violations(page)
        page.goto(link)
    assert world.bo_action.title not in page.content()

    page.context.clear_cookies()
    world.officer.set_password(PASSWORD)
    world.officer.save()
    sign_in(page, live_server.url, "officer")
    page.goto(f"{live_server.url}/rounds/{round.pk}/")
    if AXE.exists():
        problems["round page"] = axe_violations(page)
        page.goto(f"{live_server.url}/rounds/{round.pk}/settings/")
        problems["round settings"] = axe_violations(page)
        page.goto(f"{live_server.url}/rounds/{round.pk}/")
    row = page.locator("#leads tr", has_text="Ada Lead")
    assert "Updated" in row.inner_text()
    assert "Partly answered" in row.inner_text()
    page.goto(f"{live_server.url}/actions/{first.pk}/")
    assert "Both clinics open on Saturdays." in page.content()
    assert {name: found for name, found in problems.items() if found} == {}
