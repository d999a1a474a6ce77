"""Every URL of the site, requested as every role, answers as the rules say.

The cases are generated from the URL configuration: each pattern's view declares its rule
with `wellboard.accounts.guards.guard`, and EXPECTED below says, independently of the
code, what each rule gives each kind of user. A pattern whose view declares nothing, a
rule missing from EXPECTED, or a URL part this test cannot fill in fails the test, so a
new page cannot be added without its permission being checked.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.accounts.url_world import (
    ACTORS,
    ADMIN,
    ANONYMOUS,
    BOARD,
    LEAD_LEADING,
    LEAD_OTHER,
    OUTSIDER,
    UrlWorld,
)
from wellboard.accounts.guards import Guard, guard_of
from wellboard.accounts.permissions import RULES, Decision, decide
from wellboard.partnerships.models import Partnership
from wellboard.strategy.models import Action, ProposedChange, Strategy

pytestmark = pytest.mark.django_db

OK, FORBIDDEN, NOT_FOUND, SIGN_IN = "ok", "403", "404", "sign-in page"

MEMBERS = {ADMIN: OK, LEAD_LEADING: OK, LEAD_OTHER: OK, BOARD: OK}
EVERYONE = {**MEMBERS, ANONYMOUS: OK, OUTSIDER: OK}  # when the partnership has published
MEMBERS_ONLY = {**MEMBERS, ANONYMOUS: SIGN_IN, OUTSIDER: NOT_FOUND}
ADMINISTRATORS = {
    **MEMBERS_ONLY,
    LEAD_LEADING: FORBIDDEN,
    LEAD_OTHER: FORBIDDEN,
    BOARD: FORBIDDEN,
}
OFFICERS = {**MEMBERS_ONLY, BOARD: FORBIDDEN}
ADMINISTRATOR_OR_LEAD = {**ADMINISTRATORS, LEAD_LEADING: OK}

# What each rule gives each user, for the world's records (the action is led by
# LEAD_LEADING; the outsider administers another partnership).
EXPECTED: dict[str, dict[str, str]] = {
    "strategy.view": MEMBERS_ONLY,
    "strategy.public": EVERYONE,
    "strategy.manage": ADMINISTRATORS,
    "strategy.transition": ADMINISTRATORS,
    "plan.edit": ADMINISTRATORS,
    "theme.view": MEMBERS_ONLY,
    "theme.outcomes": EVERYONE,
    "theme.public": EVERYONE,
    "priority.view": MEMBERS_ONLY,
    "action.view": MEMBERS_ONLY,
    "action.update": ADMINISTRATOR_OR_LEAD,
    "action.edit": ADMINISTRATOR_OR_LEAD,
    "action.propose": {**ADMINISTRATORS, ADMIN: FORBIDDEN, LEAD_OTHER: OK},
    "action.comment": MEMBERS_ONLY,
    "update.review": ADMINISTRATORS,
    "my_actions.view": OFFICERS,
    "change.review": ADMINISTRATORS,
    "partnership.view": EVERYONE,
    "partnership.manage": ADMINISTRATORS,
    "directory.people": MEMBERS_ONLY,
    "directory.groups": MEMBERS_ONLY,
    "directory.boards": MEMBERS_ONLY,
    "directory.view": MEMBERS_ONLY,
    "directory.edit": ADMINISTRATORS,
    "members.manage": ADMINISTRATORS,
    "glossary.edit": ADMINISTRATORS,
    "duplicates.find": OFFICERS,
    "duplicates.decide": ADMINISTRATORS,
    "indicator.view": EVERYONE,
    "indicator.manage": ADMINISTRATORS,
    "practice.view": EVERYONE,
    "practice.add": OFFICERS,
    "practice.edit": OFFICERS,
    "import.run": ADMINISTRATORS,
    "report.view": MEMBERS_ONLY,
    "report.snapshot": ADMINISTRATORS,
    "round.view": ADMINISTRATORS,
    "round.manage": ADMINISTRATORS,
    "consultation.view": EVERYONE,
    "consultation.respond": EVERYONE,
    "consultation.manage": ADMINISTRATORS,
    "consultation.moderate": ADMINISTRATORS,
    "consultation.analyse": ADMINISTRATORS,
    # The world's task was queued by the administrator: nobody else can find it.
    "task.view": {**{actor: NOT_FOUND for actor in ACTORS}, ADMIN: OK, ANONYMOUS: SIGN_IN},
    "api_token.manage": ADMINISTRATORS,
}
# The records each rule is asked about where no URL names it.
RULE_SUBJECTS = {
    "action.propose": Action,
    "report.snapshot": Strategy,
    "my_actions.view": Partnership,
    "plan.edit": Action,
    "change.review": ProposedChange,
}
EXCLUDED_NAMESPACES = {"admin"}


@dataclass(frozen=True)
class Page:
    name: str
    route: str
    view: Any
    kwargs: frozenset[str]

    @property
    def guard(self) -> Guard | None:
        return guard_of(self.view)


def _walk(
    patterns: list[Any], namespace: str = "", route: str = "", kwargs: frozenset[str] = frozenset()
) -> Iterator[Page]:
    for entry in patterns:
        names = kwargs | set(entry.pattern.regex.groupindex)
        if isinstance(entry, URLResolver):
            if (entry.namespace or "") in EXCLUDED_NAMESPACES:
                continue
            inner = f"{namespace}:{entry.namespace}" if entry.namespace else namespace
            yield from _walk(
                entry.url_patterns, inner.strip(":"), route + str(entry.pattern), names
            )
        elif isinstance(entry, URLPattern):
            assert entry.name, f"name the URL pattern {route}{entry.pattern}"
            name = f"{namespace}:{entry.name}" if namespace else entry.name
            yield Page(name, route + str(entry.pattern), entry.callback, names)


PAGES = sorted(_walk(get_resolver().url_patterns), key=lambda page: page.name)


def test_the_walk_finds_the_sites_pages() -> None:
    names = {page.name for page in PAGES}
    assert {"strategy:action", "reports:download", "partnerships:merge", "web:home"} <= names
    assert not any(name.startswith("admin:") for name in names)
    assert len(PAGES) > 50


def test_every_rule_has_its_expectations_and_nothing_more() -> None:
    assert set(EXPECTED) == set(RULES)
    for rule, answers in EXPECTED.items():
        assert set(answers) == set(ACTORS), rule


def _url(page: Page, world: UrlWorld) -> str:
    guard = page.guard
    assert guard is not None
    kwargs: dict[str, Any] = {}
    for name in page.kwargs:
        if guard.model is not None and name == guard.kwarg:
            subject = world.objects.get(guard.model)
            assert subject is not None, f"{page.name}: add a {guard.model.__name__} to url_world"
            kwargs[name] = subject.pk
        else:
            assert name in world.extra, f"{page.name}: url_world has no value for {name!r}"
            kwargs[name] = world.extra[name]
    return reverse(page.name, kwargs=kwargs)


def expected(guard: Guard, method: str, actor: str) -> str:
    rule = guard.rule_for(method)
    if rule is None:
        return SIGN_IN if guard.signed_in and actor == ANONYMOUS else OK
    assert rule in EXPECTED, f"add {rule!r} to EXPECTED"
    if guard.model is None:
        # A rule about some partnership of the user's: the outsider administers theirs.
        if actor == ANONYMOUS:
            return SIGN_IN
        answer = EXPECTED[rule][ADMIN if actor == OUTSIDER else actor]
        return FORBIDDEN if answer == NOT_FOUND else answer
    return EXPECTED[rule][actor]


def outcome(response: Any) -> str:
    if response.status_code == 302 and response["Location"].startswith("/accounts/login/"):
        return SIGN_IN
    if response.status_code == 401:  # the API's "sign in first" (it redirects nobody)
        return SIGN_IN
    if response.status_code in (403, 404):
        return str(response.status_code)
    assert response.status_code < 500 and response.status_code != 405, response.status_code
    return OK


def request(world: UrlWorld, actor: str, method: str, url: str) -> Any:
    client = Client()
    user = world.users[actor]
    if user is not None:
        client.force_login(user)
    return client.generic(method, url)


# Not "page": that is pytest-playwright's fixture, and sharing its name regroups the tests.
@pytest.mark.parametrize("view", PAGES, ids=[page.name for page in PAGES])
def test_every_url_answers_each_role_as_the_rules_say(view: Page, url_world: UrlWorld) -> None:
    page, world = view, url_world
    assert page.guard is not None, (
        f"{page.name} ({page.route}): declare who may open it with "
        "@guard(...) from wellboard.accounts.guards"
    )
    url = _url(page, world)
    wrong = [
        f"{method} {url} as {actor}: expected {want}, got {got}"
        for method in page.guard.methods
        for actor in ACTORS
        if (want := expected(page.guard, method, actor))
        != (got := outcome(request(world, actor, method, url)))
    ]
    assert wrong == []
    undeclared = next(m for m in ("POST", "PUT") if m not in page.guard.methods)
    assert request(world, ADMIN, undeclared, url).status_code == 405


PUBLIC_PAGES = [
    page
    for page in PAGES
    if page.guard is not None
    and page.guard.model is not None
    and any(rule is not None and RULES[rule].public for rule in page.guard.rules.values())
]


@pytest.mark.parametrize("view", PUBLIC_PAGES, ids=[page.name for page in PUBLIC_PAGES])
def test_public_pages_vanish_when_nothing_is_published(view: Page, url_world: UrlWorld) -> None:
    """Pages the public may read exist for them only while the partnership publishes."""
    page, world = view, url_world
    assert page.guard is not None
    world.unpublish()
    url = _url(page, world)
    for actor in (ANONYMOUS, OUTSIDER):
        for method in page.guard.methods:
            rule = page.guard.rule_for(method)
            want = NOT_FOUND if rule and RULES[rule].public else expected(page.guard, method, actor)
            got = outcome(request(world, actor, method, url))
            assert got == want, f"{method} {url} as {actor}"


def test_public_pages_are_found_by_the_walk() -> None:
    names = {page.name for page in PUBLIC_PAGES}
    assert {"strategy:public", "indicators:detail", "partnerships:overview"} <= names


def _subject_model(rule: str) -> Any:
    """The kind of record the rule is asked about: from the pages that use it."""
    for page in PAGES:
        if page.guard and page.guard.model and rule in page.guard.rules.values():
            return page.guard.model
    assert rule in RULE_SUBJECTS, f"add the record {rule!r} is about to RULE_SUBJECTS"
    return RULE_SUBJECTS[rule]


@pytest.mark.parametrize("rule", sorted(RULES))
def test_every_rule_decides_for_each_role(rule: str, url_world: UrlWorld) -> None:
    """The same table asked of the permission layer directly, for rules no URL names too:
    a 404 is HIDDEN, a 403 FORBIDDEN, and a visitor sent to sign in is HIDDEN."""
    world = url_world
    subject = world.objects[_subject_model(rule)]
    as_decision = {OK: Decision.ALLOWED, FORBIDDEN: Decision.FORBIDDEN}
    for actor in ACTORS:
        want = as_decision.get(EXPECTED[rule][actor], Decision.HIDDEN)
        user = world.users[actor] or AnonymousUser()
        assert decide(user, rule, subject) is want, actor
