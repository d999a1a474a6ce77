"""The whole story of issue #11, from an empty database, by clicking only.

`wellboard setup` makes the first partnership and its administrator; everything after that
is done in Chromium through the app's own pages: the administrator builds a strategy (two
themes, three priorities, five actions), invites a lead officer (the invitation arrives at
the real aiosmtpd server), turns on approval of updates; the lead sets a password from the
emailed link, signs in and adds an update; the administrator approves it from the queue and
downloads the delivery report as Word, which python-docx reads back. Django admin is never
opened: every URL the browser asks for is recorded and checked.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import docx
import pytest
from django.core.management import call_command

from tests.smtp import SmtpServer
from wellboard.strategy.models import Action, Priority, Strategy, Theme, UpdateReview

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ADMIN_PASSWORD = "Ridge walk at dawn 2026"
LEAD_PASSWORD = "Lantern by the canal 77"
LEAD_EMAIL = "sam.okafor@example.org"
UPDATE_TEXT = "Three walking groups started in Ashby and forty people joined them."
# The plan the administrator types in: (theme, [(priority, [action, ...]), ...]).
PLAN = [
    (
        "Starting well",
        [
            ("Healthy pregnancies", ["Offer stop-smoking help at booking", "Train midwives"]),
            ("Ready for school", ["Extend the toddler talk sessions"]),
        ],
    ),
    ("Living well", [("Active communities", ["Start walking groups", "Open the parks gyms"])]),
]


class Visits:
    """Every address the browser requests, so the test can say /admin/ was never opened."""

    def __init__(self, page: Any) -> None:
        self.paths: list[str] = []
        page.on("request", lambda request: self.paths.append(urlsplit(request.url).path))


def click_link(page: Any, name: str, *, exact: bool = True) -> None:
    page.get_by_role("link", name=name, exact=exact).first.click()
    page.wait_for_load_state()


def submit(page: Any, button: str) -> None:
    page.get_by_role("button", name=button, exact=True).click()
    page.wait_for_load_state()


def sign_in(page: Any, base: str, username: str, password: str) -> None:
    page.goto(base + "/")
    click_link(page, "Sign in")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    submit(page, "Sign in")
    assert page.get_by_role("button", name="Sign out").count() == 1, page.content()


def sign_out(page: Any) -> None:
    submit(page, "Sign out")


def menu(page: Any, name: str) -> None:
    """Click a header menu item, opening the header's "More" list first when it is there."""
    nav = page.get_by_role("navigation", name="Menu")
    link = nav.get_by_role("link", name=re.compile(f"^{re.escape(name)}")).first
    if not link.is_visible():
        nav.get_by_role("button", name="Browse More").click()
    link.click()
    page.wait_for_load_state()


def add_person(page: Any) -> None:
    """The lead officer in the partnership's directory, so an action can name them."""
    menu(page, "Partnership")
    click_link(page, "People")
    click_link(page, "Add a person")
    page.get_by_label("Name", exact=True).fill("Sam Okafor")
    page.get_by_label("Job title").fill("Public health officer")
    submit(page, "Save")


def build_strategy(page: Any) -> None:
    menu(page, "Strategies")
    click_link(page, "Add a strategy")
    page.get_by_label("Title").fill("Healthier Ashby 2026 to 2031")
    page.get_by_label("First year").fill("2026")
    page.get_by_label("Last year").fill("2031")
    submit(page, "Add")
    title = page.get_by_role("heading", level=1).inner_text()
    for theme, priorities in PLAN:
        click_link(page, "Add a theme")
        page.get_by_label("Title").fill(theme)
        submit(page, "Add")
        for priority, actions in priorities:
            click_link(page, "Add a priority")
            page.get_by_label("Title").fill(priority)
            submit(page, "Add")
            for action in actions:
                add_action(page, action)
                crumbs(page, priority)  # back up to the priority, as its officer would
            crumbs(page, theme)
        crumbs(page, title)


def crumbs(page: Any, name: str) -> None:
    """Go up the plan by the breadcrumb trail, or failing that by the link on the page."""
    trail = page.get_by_role("navigation", name="Breadcrumb").get_by_role("link", name=name)
    if trail.count():
        trail.first.click()
        page.wait_for_load_state()
    else:
        click_link(page, name)


def add_action(page: Any, title: str) -> None:
    click_link(page, "Add an action")
    page.get_by_label("Title").fill(title)
    page.get_by_label("Lead officer").select_option(label="Sam Okafor")
    page.get_by_label("Due", exact=True).fill("March 2027")
    submit(page, "Add")
    assert page.get_by_role("heading", name=title).count() == 1


def ask_for_approval(page: Any) -> None:
    menu(page, "Settings")
    click_link(page, "Settings of Healthier Ashby 2026 to 2031")
    page.get_by_label("Updates need an administrator's approval").check()
    submit(page, "Save settings")


def invite_lead(page: Any, smtp_server: SmtpServer) -> str:
    menu(page, "Members")
    page.get_by_label("Email address").fill(LEAD_EMAIL)
    page.get_by_label("Their name").fill("Sam Okafor")
    page.get_by_label("Lead officer").check()
    page.get_by_label("Person in the directory").select_option(label="Sam Okafor")
    submit(page, "Send invitation")
    assert page.get_by_text(f"Invitation sent to {LEAD_EMAIL}").count() == 1
    [message] = smtp_server.wait_for(1)
    assert message["To"] == LEAD_EMAIL
    found = re.search(r"http\S+/accounts/invitation/\S+/", smtp_server.text(message))
    assert found, smtp_server.text(message)
    return found.group(0)


def lead_adds_update(page: Any, base: str, link: str) -> None:
    page.goto(link)
    page.get_by_label("New password", exact=True).fill(LEAD_PASSWORD)
    page.get_by_label("The same password again").fill(LEAD_PASSWORD)
    submit(page, "Set password and sign in")
    sign_out(page)
    sign_in(page, base, LEAD_EMAIL, LEAD_PASSWORD)
    menu(page, "My actions")
    click_link(page, "Start walking groups")
    submit(page, "Add an update")
    page.get_by_label("On track (green)").check()
    page.get_by_label("Why this status?").fill("The groups began a month early.")
    page.get_by_label("Progress since the last update").fill(UPDATE_TEXT)
    page.get_by_label("Percent complete").fill("40")
    submit(page, "Add update")
    assert UPDATE_TEXT in page.content()


def approve(page: Any) -> None:
    menu(page, "Approvals")
    section = page.locator("section", has_text=UPDATE_TEXT)
    section.get_by_role("button", name="Approve").click()
    page.wait_for_load_state()
    assert page.get_by_text("Approved: the update on").is_visible()


def download_delivery_report(page: Any, folder: Path) -> Path:
    menu(page, "Reports")
    click_link(page, "Healthier Ashby 2026 to 2031")
    click_link(page, "Delivery plan report")
    if page.get_by_role("link", name="DOCX").count() == 0:
        submit(page, "Show report")
    with page.expect_download() as waiting:
        page.get_by_role("link", name="DOCX").click()
    target = folder / "delivery.docx"
    waiting.value.save_as(target)
    return target


def document_text(path: Path) -> str:
    document = docx.Document(str(path))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_an_officer_runs_a_partnership_from_setup_to_the_board_report(
    local_page: Any,
    live_server: Any,
    smtp_server: SmtpServer,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    assert not Strategy.objects.exists()
    monkeypatch.setenv("WELLBOARD_SETUP_PASSWORD", ADMIN_PASSWORD)
    call_command(
        "setup",
        partnership="Ashby Health and Wellbeing Board",
        username="officer",
        email="officer@example.org",
    )
    page, base = local_page, live_server.url
    visits = Visits(page)
    sign_in(page, base, "officer", ADMIN_PASSWORD)
    add_person(page)
    build_strategy(page)
    assert (Theme.objects.count(), Priority.objects.count(), Action.objects.count()) == (2, 3, 5)
    ask_for_approval(page)
    link = invite_lead(page, smtp_server)
    sign_out(page)

    lead_adds_update(page, base, link)
    assert UpdateReview.objects.filter(decision="pending").count() == 1
    sign_out(page)

    sign_in(page, base, "officer", ADMIN_PASSWORD)
    approve(page)
    assert UpdateReview.objects.get().decision == "approved"
    report = download_delivery_report(page, tmp_path)
    assert UPDATE_TEXT in document_text(report)
    assert visits.paths and not [p for p in visits.paths if p.startswith("/admin")]
