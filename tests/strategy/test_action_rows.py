"""The action table drawn in Python (web/action_table.py) is the markup the Jinja macros drew,
for the pages' states and for the action list's light rows (listing.listed)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.delivery_world import World, add_actions
from tests.factories import OrganisationFactory
from tests.strategy.macro_table import MACRO_TABLE, draw
from wellboard.strategy.delivery_current import current_state
from wellboard.strategy.listing import ActionFilters
from wellboard.strategy.models import Action, ActionOrganisation

pytestmark = pytest.mark.django_db


def _varied(world: World) -> list[Action]:
    """Actions with markup-like text, no role type, two leads and a supporter, quiet ones."""
    made = add_actions(world.own_action.priority, 3)
    made[0].title = 'Stop <script>alert("x")</script> & "quote"'
    made[0].ref = "<1.1>"
    made[0].role_type = None
    made[0].due_text = "Q3 & Q4 <2027>"
    made[0].save()
    partnership = world.strategy.partnership
    for org, lead in ((OrganisationFactory(partnership=partnership, acronym="A&B"), True),
                      (OrganisationFactory(partnership=partnership), False)):  # fmt: skip
        ActionOrganisation.objects.create(action=made[1], organisation=org, is_lead=lead)
    Action.objects.filter(pk=made[2].pk).update(last_update_on=None)
    return made


def test_rows_match_the_macros_for_page_states_and_list_rows(world: World) -> None:
    _varied(world)
    today = dt.date.today()
    actions = list(
        Action.objects.in_strategy(world.strategy)
        .select_related("role_type", "current_update")
        .prefetch_related("organisation_links__organisation")
        .in_plan_order()
    )
    table = "{% include 'strategy/_action_table.jinja' %}"
    rows = ActionFilters(strategy=world.strategy.pk).page(world.admin, today, None).object_list
    assert [row.action.pk for row in rows] == [a.pk for a in actions]
    for states in ([current_state(a, today) for a in actions], rows):
        drawn = draw(table, states)
        assert drawn == draw(MACRO_TABLE, states)
        assert "&lt;script&gt;" in drawn and "<script>" not in drawn
        assert "(no update for 90 days)" in drawn and "A&amp;B" in drawn
    assert draw(table, []).strip() == "<p>No actions match.</p>"


def test_a_list_row_has_the_status_of_the_full_state(world: World) -> None:
    today = dt.date.today()
    made = _varied(world)
    rows = ActionFilters().page(world.admin, today, None).object_list
    by_pk = {row.action.pk: row for row in rows}
    for action in Action.objects.filter(pk__in=[a.pk for a in made]).select_related(
        "current_update"
    ):
        full, row = current_state(action, today), by_pk[action.pk]
        assert (row.status, row.stale, row.percent) == (full.status, full.stale, full.percent)
