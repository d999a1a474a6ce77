"""What integrations expect of HTTP: conditional GETs, pages, the web list's filters,
problem documents for every error, and a rate limit with Retry-After."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from tests.api.helpers import call, is_problem, token_for
from tests.delivery_world import World, add_actions
from tests.factories import PriorityFactory, ThemeFactory
from wellboard.api.models import RequestCount
from wellboard.strategy.models import Action
from wellboard.strategy.plan_editing import set_milestones

pytestmark = pytest.mark.django_db


def test_an_unchanged_record_answers_304_and_a_changed_one_its_new_body(world: World) -> None:
    token = token_for(world.admin, world.strategy.partnership)
    url = f"/api/v1/actions/{world.own_action.pk}/"
    first = call("GET", url, token)
    etag = first["ETag"]
    assert first.status_code == 200 and etag.startswith('"')
    again = call("GET", url, token, **{"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b"" and again["ETag"] == etag
    Action.objects.filter(pk=world.own_action.pk).update(title="Changed")
    changed = call("GET", url, token, **{"If-None-Match": etag})
    assert changed.status_code == 200 and changed["ETag"] != etag
    assert changed.json()["title"] == "Changed"
    assert "Authorization" in first["Vary"]


def test_lists_come_in_pages_with_count_next_and_previous(world: World) -> None:
    add_actions(world.own_action.priority, 3)
    token = token_for(world.board, world.strategy.partnership)
    first = call("GET", "/api/v1/actions/?page_size=2", token).json()
    assert first["count"] == 5 and len(first["results"]) == 2 and first["previous"] is None
    second = call("GET", first["next"].replace("http://testserver", ""), token).json()
    third = call("GET", second["next"].replace("http://testserver", ""), token).json()
    assert third["next"] is None and len(third["results"]) == 1
    ids = [row["id"] for page in (first, second, third) for row in page["results"]]
    assert len(set(ids)) == 5
    assert is_problem(call("GET", "/api/v1/actions/?page=99", token), 404)


def test_the_action_list_takes_the_web_lists_filters(world: World) -> None:
    partnership = world.strategy.partnership
    theme = ThemeFactory(plan=world.own_action.priority.theme.plan, title="Live well")
    elsewhere = add_actions(PriorityFactory(theme=theme), 1)[0]
    Action.objects.filter(pk=elsewhere.pk).update(title="Smoke-free homes")
    token = token_for(world.admin, partnership)

    def ids(query: str) -> set[int]:
        response = call("GET", f"/api/v1/actions/?{query}", token)
        assert response.status_code == 200, response.content
        return {row["id"] for row in response.json()["results"]}

    assert ids(f"theme={theme.pk}") == {elsewhere.pk}
    assert ids("q=smoke-free") == {elsewhere.pk}
    lead = world.own_action.organisation_links.get(is_lead=True).organisation_id
    assert world.own_action.pk in ids(f"lead={lead}") and elsewhere.pk not in ids(f"lead={lead}")
    board = world.own_action.board_links.first().board_id  # type: ignore[union-attr]
    assert world.own_action.pk in ids(f"board={board}")
    statuses = {row["status"] for row in call("GET", "/api/v1/actions/", token).json()["results"]}
    for status in statuses:
        chosen = call("GET", f"/api/v1/actions/?status={status}", token).json()["results"]
        assert chosen and {row["status"] for row in chosen} == {status}
    refused = call("GET", "/api/v1/actions/?theme=first&status=purple", token)
    assert is_problem(refused, 400)
    assert "theme must be a number" in refused.json()["detail"]


def test_every_error_is_a_problem_document(world: World) -> None:
    token = token_for(world.board, world.strategy.partnership)
    assert is_problem(call("GET", "/api/v1/no-such-thing/", token), 404)
    assert is_problem(call("GET", f"/api/v1/actions/{world.foreign_action.pk}/", token), 404)
    assert is_problem(call("GET", "/api/v1/actions/", None), 401)
    assert is_problem(call("GET", "/api/v1/actions/", "wb_nothing_here"), 401)
    assert call("GET", "/api/v1/actions/", None)["WWW-Authenticate"] == 'Bearer realm="api"'
    assert is_problem(call("DELETE", f"/api/v1/actions/{world.own_action.pk}/", token), 405)
    assert is_problem(
        call("POST", f"/api/v1/actions/{world.own_action.pk}/updates/", token, {}), 403
    )
    bad_json = Client().post(
        f"/api/v1/actions/{world.own_action.pk}/updates/",
        data="{not json",
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token_for(world.admin, world.strategy.partnership)}",
    )
    assert is_problem(bad_json, 400)


def test_a_token_over_its_rate_is_told_when_to_come_back(world: World, settings: object) -> None:
    settings.WELLBOARD_API_RATE = "3/min"  # type: ignore[attr-defined]
    token = token_for(world.board, world.strategy.partnership)
    other = token_for(world.admin, world.strategy.partnership)
    # 20 seconds into a minute, held there: the four requests fall in one window.
    with time_machine.travel(dt.datetime(2027, 3, 1, 9, 30, 20, tzinfo=dt.UTC), tick=False):
        answers = [call("GET", "/api/v1/strategies/", token).status_code for _ in range(4)]
        assert answers == [200, 200, 200, 429]
        refused = call("GET", "/api/v1/strategies/", token)
        assert is_problem(refused, 429)
        assert refused["Retry-After"] == "40"  # the window ends at 9:31
        assert call("GET", "/api/v1/strategies/", other).status_code == 200  # per token
    with time_machine.travel(dt.datetime(2027, 3, 1, 9, 31, 0, tzinfo=dt.UTC), tick=False):
        assert call("GET", "/api/v1/strategies/", token).status_code == 200  # a new window
    assert RequestCount.objects.count() == 2  # the token's earlier window is gone


def test_signed_in_browsers_use_the_session_and_its_csrf_check(world: World) -> None:
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(world.lead)
    assert browser.get("/api/v1/actions/").status_code == 200
    url = f"/api/v1/actions/{world.own_action.pk}/updates/"
    body = {"date": timezone.localdate().isoformat(), "rag": "green", "text": "x"}
    refused = browser.post(url, body, content_type="application/json")
    assert is_problem(refused, 403) and "CSRF" in refused.json()["detail"]


def test_the_list_and_the_record_agree_and_the_list_costs_the_same_for_more_actions(
    world: World,
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from wellboard.strategy.models import Strategy

    Strategy.objects.filter(pk=world.strategy.pk).update(requires_approval=True)
    token = token_for(world.admin, world.strategy.partnership)
    body = {"date": timezone.localdate().isoformat(), "rag": "red", "text": "Stalled"}
    body["override_reason"] = "The venue closed"
    posted = call("POST", f"/api/v1/actions/{world.own_action.pk}/updates/", token, body)
    assert posted.status_code == 201 and posted.json()["review"] == "pending"
    listed = {
        row["id"]: row["status"] for row in call("GET", "/api/v1/actions/", token).json()["results"]
    }
    alone = call("GET", f"/api/v1/actions/{world.own_action.pk}/", token).json()["status"]
    assert listed[world.own_action.pk] == alone != "red"  # a pending update does not count yet

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert call("GET", "/api/v1/actions/", token).status_code == 200
        return len(captured)

    few = queries()
    for made in add_actions(world.own_action.priority, 6):
        set_milestones(made, [("Venue booked", "March 2027"), ("Report", "")])
    assert queries() == few  # milestones too are fetched once for the page


@pytest.mark.parametrize("value", ["78599198971118551040", "²", "1e3"])
def test_an_id_no_database_holds_is_a_refused_filter_not_a_server_error(
    world: World, value: str
) -> None:
    """Found by Schemathesis: a 20-digit strategy id overflowed the database's integer."""
    token = token_for(world.board, world.strategy.partnership)
    refused = call("GET", f"/api/v1/actions/?strategy={value}&role={value}", token)
    assert is_problem(refused, 400)
    assert "strategy must be a number" in refused.json()["detail"]
