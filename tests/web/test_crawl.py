"""Every page a role may use is reached from the home page by following links, never a 500.

For each of the visitor, the administrator, a lead officer and a board member of the demo,
the crawler starts at "/" and follows <a href> links only (GET, same site). What it must
reach is worked out independently of the menus: every URL pattern with a GET guard whose
rule lets that person in, for at least one record of the demo (asked of the permission
layer with `can`). Pages reached only from outside the site's links are listed below
with the reason.
"""

from __future__ import annotations

import re
from collections import Counter, deque
from collections.abc import Iterator
from html import unescape
from typing import Any
from urllib.parse import urldefrag, urlsplit

import pytest
from django.contrib.auth.models import AnonymousUser, User
from django.test import Client
from django.urls import Resolver404, resolve

from tests.accounts.test_url_permissions import PAGES, Page
from tests.factories import UpdateFactory
from wellboard.accounts.permissions import can, partnerships_where
from wellboard.partnerships.models import WorkingGroup
from wellboard.strategy.models import Action, ProgressUpdate, Strategy, UpdateReview

pytestmark = pytest.mark.django_db

HREF = re.compile(r"""<a\b[^>]*\bhref=["']([^"']+)["']""", re.IGNORECASE)
# Reached by other means than a link on the site's pages, with the reason.
NOT_BY_LINK = {
    "web:healthz": "for load balancers and monitoring, not people",
    "rounds:respond": "opened from the link in a lead officer's email",
    "accounts:invitation": "opened from the link in an invitation email",
    "tasks:status": "shown after a form starts a background task (a POST)",
    "tasks:status_partial": "polled by htmx from the task's status page",
    "tasks:result": "linked from the task's status page once a POSTed task has run",
    "imports:status": "polled by htmx from the import's preview page",
    "consultations:thanks": "shown after a consultation response is sent (a POST)",
}
# The REST API's addresses are called by programs with a token, not clicked; its
# documentation is linked from the administrators' API tokens page (tests/api/test_docs.py).
NOT_BY_LINK_NAMESPACES = {"api"}
SIGNED_IN_ONLY_ELSEWHERE = {"accounts:login"}  # a signed-in person has no use for it
PER_PATTERN = 4  # pages fetched per URL pattern: enough to show it opens, and quick
SLOW = {"reports:download": 1, "imports:export_sheet": 1, "imports:export_decidim": 1}
ROLES = ("anonymous", "admin", "lead1", "board1")


def _user(name: str) -> Any:
    return AnonymousUser() if name == "anonymous" else User.objects.get(username=name)


def _records(page: Page) -> Iterator[Any]:
    """The demo's records a page can be about; updates only while they await review."""
    assert page.guard is not None and page.guard.model is not None
    found = page.guard.model._default_manager.all()
    if page.guard.model is ProgressUpdate:
        found = found.filter(review__decision=UpdateReview.Decision.PENDING)
    yield from found[:500]


def may_use(page: Page, user: Any) -> bool:
    """Whether the page's GET guard lets this person in for some record of the demo."""
    guard = page.guard
    assert guard is not None
    rule = guard.rule_for("GET")
    signed_in = user.is_authenticated
    if guard.model is None:
        if rule is None:
            return signed_in or not guard.signed_in
        return signed_in and bool(partnerships_where(user, rule))
    assert rule is not None
    return any(can(user, rule, record) and _has_parts(page, record) for record in _records(page))


def _has_parts(page: Page, record: Any) -> bool:
    """A page about a partnership's working group needs the partnership to have one."""
    if "group_pk" in page.kwargs:
        return WorkingGroup.objects.filter(partnership=record).exists()
    return True


def required(user: Any) -> set[str]:
    pages = [p for p in PAGES if p.guard is not None and "GET" in p.guard.methods]
    names = {
        p.name
        for p in pages
        if p.name not in NOT_BY_LINK
        and p.name.split(":")[0] not in NOT_BY_LINK_NAMESPACES
        and may_use(p, user)
    }
    return names - SIGNED_IN_ONLY_ELSEWHERE if user.is_authenticated else names


def _links(html: str) -> Iterator[str]:
    for raw in HREF.findall(html):
        href = urldefrag(unescape(raw))[0]
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not href.startswith("/"):
            continue  # another site, a fragment, mailto: or a relative "?copy=1" variant
        yield href


def crawl(client: Client) -> tuple[Counter[str], dict[str, int], list[str]]:
    """Breadth first from "/": pattern names reached, status by URL, and the URLs that
    answered 500, 403 or 404 (a link that should not have been shown)."""
    seen: Counter[str] = Counter()
    statuses: dict[str, int] = {}
    broken: list[str] = []
    queue = deque(["/"])
    queued = {"/"}
    while queue:
        url = queue.popleft()
        try:
            match = resolve(urlsplit(url).path)
        except Resolver404:
            broken.append(f"{url}: no such page")
            continue
        name = f"{match.namespace}:{match.url_name}" if match.namespace else str(match.url_name)
        if name.startswith("admin:") or seen[name] >= SLOW.get(name, PER_PATTERN):
            continue
        seen[name] += 1
        response = client.get(url)
        statuses[url] = response.status_code
        if response.status_code >= 500 or response.status_code in (403, 404):
            broken.append(f"{url}: {response.status_code}")
            continue
        if response.status_code == 200 and "html" in response.get("Content-Type", ""):
            for link in _links(response.content.decode()):
                if link not in queued:
                    queued.add(link)
                    queue.append(link)
    return seen, statuses, broken


@pytest.fixture
def awaiting_review(demo: Strategy) -> ProgressUpdate:
    """An update waiting for approval, so that the review pages have something to show."""
    action = Action.objects.in_strategy(demo).filter(lead_officer__isnull=False).first()
    update: ProgressUpdate = UpdateFactory(action=action, text="Waiting for the officer")
    UpdateReview.objects.create(update=update)
    return update


@pytest.mark.parametrize("role", ROLES)
def test_each_role_reaches_every_page_it_may_use_by_links(
    demo: Strategy, awaiting_review: ProgressUpdate, role: str
) -> None:
    user = _user(role)
    client = Client()
    if user.is_authenticated:
        client.force_login(user)
    seen, statuses, broken = crawl(client)
    assert broken == []
    assert required(user) - set(seen) == set(), f"{role} cannot click their way there"
    assert len(statuses) > (10 if role == "anonymous" else 40)


def test_the_roles_are_told_apart(demo: Strategy) -> None:
    """The requirement itself differs by role, so the crawl checks something per role."""
    anonymous, admin, lead, board = (required(_user(r)) for r in ROLES)
    assert "approvals:queue" in admin and "approvals:queue" not in lead | board
    assert "strategy:my_actions" in lead and "strategy:my_actions" not in board
    assert "strategy:add_update" in lead and "strategy:add_update" not in board
    assert "strategy:public" in anonymous and "strategy:overview" not in anonymous
    assert "accounts:login" in anonymous


def test_the_crawler_reports_a_broken_link(client: Client) -> None:
    assert list(_links('<a href="/x/">x</a><a href="https://nhs.uk/">y</a><a href="#a">')) == [
        "/x/"
    ]
