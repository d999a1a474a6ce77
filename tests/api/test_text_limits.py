"""A text over its limit sent to the API is refused as the page refuses it, naming the
field, the limit and its length, and nothing is stored (issue #12.9); the API's schema
states each limit, so clients know it before they send."""

from __future__ import annotations

import pytest
from django.utils import timezone

from tests.api.helpers import call, is_problem, token_for
from tests.delivery_world import World
from wellboard.core.limits import LONG_TEXT
from wellboard.strategy.models import Action, ProgressUpdate

pytestmark = pytest.mark.django_db

HUGE = "x" * 100_000
SAYS = f"at most {LONG_TEXT} characters (it has 100000)"


def _errors(response: object) -> str:
    assert is_problem(response, 400)
    return str(response.json()["errors"])  # type: ignore[attr-defined]


@pytest.mark.parametrize("role", ["admin", "lead"])
def test_an_action_description_of_100000_characters_is_refused(world: World, role: str) -> None:
    token = token_for(getattr(world, role), world.strategy.partnership)
    action = world.own_action
    response = call(
        "PATCH",
        f"/api/v1/actions/{action.pk}/",
        token,
        {"description": HUGE},
        **{"If-Match": f'"{action.version}"'},
    )
    errors = _errors(response)
    assert "description" in errors and SAYS in errors
    saved = Action.objects.get(pk=action.pk)
    assert (saved.description, saved.version) == (action.description, action.version)


def test_an_update_of_100000_characters_is_refused(world: World) -> None:
    token = token_for(world.lead, world.strategy.partnership)
    before = ProgressUpdate.objects.count()
    given = {"date": timezone.localdate().isoformat(), "rag": "green", "text": HUGE}
    errors = _errors(call("POST", f"/api/v1/actions/{world.own_action.pk}/updates/", token, given))
    assert "text" in errors and SAYS in errors
    assert ProgressUpdate.objects.count() == before


def test_the_schema_states_the_limits(client: object) -> None:
    schema = client.get("/api/v1/schema/").json()  # type: ignore[attr-defined]
    components = schema["components"]["schemas"]
    edit = components["PatchedActionEditInputRequest"]
    assert edit["properties"]["description"]["maxLength"] == LONG_TEXT
    assert edit["properties"]["ref"]["maxLength"] == 30
    assert components["UpdateInputRequest"]["properties"]["text"]["maxLength"] == LONG_TEXT
