"""Every API address, as every role holding a token (and as a token of another
partnership), answers as tests/accounts/test_url_permissions.py's EXPECTED says; that test
asks the same addresses with the browser's session. A read-only token is refused every
write, whatever its user's role."""

from __future__ import annotations

from typing import Any

import pytest

from tests.accounts.test_url_permissions import PAGES, Page, _url, expected, outcome
from tests.accounts.url_world import ACTORS, ADMIN, ANONYMOUS, OUTSIDER, UrlWorld
from tests.api.helpers import call, is_problem, token_for
from wellboard.accounts.models import Membership

pytestmark = pytest.mark.django_db

API_PAGES = [page for page in PAGES if page.name.startswith("api:")]
WRITES = [page for page in API_PAGES if page.guard and set(page.guard.methods) - {"GET"}]


def _token(world: UrlWorld, actor: str, *, write: bool = True) -> str | None:
    user = world.users[actor]
    if user is None:
        return None
    membership: Any = Membership.objects.get(user=user)
    return token_for(user, membership.partnership, write=write)


def test_the_api_addresses_are_all_found() -> None:
    names = {page.name for page in API_PAGES}
    assert {"api:actions", "api:action", "api:action_updates", "api:indicator_values"} <= names
    assert len(API_PAGES) == 24  # schema, docs, 10 lists, 10 records, 2 nested lists


@pytest.mark.parametrize("view", API_PAGES, ids=[page.name for page in API_PAGES])
def test_every_api_address_answers_each_tokens_role_as_the_rules_say(
    view: Page, url_world: UrlWorld
) -> None:
    assert view.guard is not None
    url = _url(view, url_world)
    tokens = {actor: _token(url_world, actor) for actor in ACTORS}
    wrong = []
    for method in view.guard.methods:
        for actor in ACTORS:
            response = call(method, url, tokens[actor])
            want, got = expected(view.guard, method, actor), outcome(response)
            if want != got:
                wrong.append(f"{method} {url} as {actor}'s token: expected {want}, got {got}")
            elif response.status_code >= 400:
                assert is_problem(response, response.status_code), (method, url, actor)
    assert wrong == []


@pytest.mark.parametrize("view", WRITES, ids=[page.name for page in WRITES])
def test_a_read_only_token_is_refused_every_write(view: Page, url_world: UrlWorld) -> None:
    assert view.guard is not None
    url = _url(view, url_world)
    token = _token(url_world, ADMIN, write=False)
    for method in set(view.guard.methods) - {"GET"}:
        response = call(method, url, token, {})
        assert is_problem(response, 403)
        assert "reads only" in response.json()["detail"]
    assert call("GET", url, token).status_code == 200


def test_anonymous_and_outsiders_find_nothing_of_the_partnership_in_lists(
    url_world: UrlWorld,
) -> None:
    outsider = _token(url_world, OUTSIDER)
    for name in ("actions", "strategies", "updates", "organisations", "boards", "indicators"):
        assert call("GET", f"/api/v1/{name}/", None).status_code == 401
        mine = {row["id"] for row in call("GET", f"/api/v1/{name}/", outsider).json()["results"]}
        theirs = {
            row["id"]
            for row in call("GET", f"/api/v1/{name}/", _token(url_world, ADMIN)).json()["results"]
        }
        assert theirs and not mine & theirs, name
    assert url_world.users[ANONYMOUS] is None
