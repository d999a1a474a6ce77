"""The strategy settings page writes the settings and the roll-up weights together or not at all."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.db import connection
from django.test import Client

from tests.delivery_world import World
from wellboard.strategy.models import Priority, Strategy, Theme

pytestmark = pytest.mark.django_db

SQLITE_TRIGGER = """
CREATE TRIGGER refuse_priority_weight BEFORE UPDATE OF weight ON strategy_priority
BEGIN SELECT RAISE(ABORT, 'priority weights refused'); END
"""
POSTGRES_TRIGGER = [
    """CREATE FUNCTION refuse_priority_weight() RETURNS trigger LANGUAGE plpgsql AS
    $$ BEGIN RAISE EXCEPTION 'priority weights refused'; END $$""",
    """CREATE TRIGGER refuse_priority_weight BEFORE UPDATE OF weight ON strategy_priority
    FOR EACH ROW EXECUTE FUNCTION refuse_priority_weight()""",
]


@pytest.fixture
def refused_priority_weights() -> Iterator[None]:
    """A database that fails the second write (a priority's weight) for real; the trigger is
    created in the test's transaction, so it goes with it."""
    statements = [SQLITE_TRIGGER] if connection.vendor == "sqlite" else POSTGRES_TRIGGER
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
    yield


def _post(world: World, client: Client) -> int:
    theme = Theme.objects.get(plan__strategy=world.strategy)
    priority = Priority.objects.get(theme=theme)
    client.force_login(world.admin)
    response = client.post(
        f"/strategies/{world.strategy.pk}/settings/",
        {
            "s-version": str(world.strategy.version),  # the form it was drawn from
            "s-published": "on",
            "s-requires_approval": "on",
            "s-locked_through": "",
            f"w-theme_{theme.pk}": "7",
            f"w-priority_{priority.pk}": "9",
        },
    )
    return response.status_code


def test_settings_and_weights_are_saved_together(world: World) -> None:
    assert _post(world, Client()) == 302
    strategy = Strategy.objects.get(pk=world.strategy.pk)
    theme = Theme.objects.get(plan__strategy=strategy)
    assert strategy.requires_approval
    assert (theme.weight, Priority.objects.get(theme=theme).weight) == (7, 9)


def test_a_failed_weight_leaves_the_settings_unwritten(
    world: World, refused_priority_weights: None
) -> None:
    assert _post(world, Client(raise_request_exception=False)) == 500
    strategy = Strategy.objects.get(pk=world.strategy.pk)
    theme = Theme.objects.get(plan__strategy=strategy)
    assert not strategy.requires_approval
    assert (theme.weight, Priority.objects.get(theme=theme).weight) == (1, 1)
