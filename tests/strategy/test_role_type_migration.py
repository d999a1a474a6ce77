"""The migration that made role types the partnership's own keeps every action's role."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("partnerships", "0005_publish_names"), ("strategy", "0006_status_words")]
AFTER = [
    ("partnerships", "0006_role_types"),
    ("strategy", "0007_action_role_type_partnerships_own"),
]


# A transactional test: its flush empties the tables like every other transactional test's
# (pytest-django runs them after the others). No serialized_rollback: its restore at set-up
# collides with the content types another transactional test's flush has just re-created.
@pytest.mark.django_db(transaction=True)
def test_each_action_keeps_its_role_type_and_each_partnership_gets_the_five() -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    partnership = old.get_model("partnerships", "Partnership").objects.create(
        name="Old Vale HWB", slug="old-vale"
    )
    strategy = old.get_model("strategy", "Strategy").objects.create(
        partnership=partnership, title="Old strategy", period_start=2024, period_end=2027
    )
    plan = old.get_model("strategy", "Plan").objects.create(strategy=strategy, title="Plan")
    theme = old.get_model("strategy", "Theme").objects.create(plan=plan, title="Theme")
    priority = old.get_model("strategy", "Priority").objects.create(theme=theme, title="P")
    action_model = old.get_model("strategy", "Action")
    kept = action_model.objects.create(priority=priority, title="Lobby", role_type="advocacy")
    unset = action_model.objects.create(priority=priority, title="Unset", role_type="")

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps
    role_types = new.get_model("partnerships", "RoleType").objects.filter(
        partnership_id=partnership.pk
    )
    assert list(role_types.order_by("position").values_list("key", "colour")) == [
        ("advocacy", "purple"),
        ("scrutiny", "green"),
        ("direct", "blue"),
        ("capacity", "red"),
        ("partner_monitoring", "grey"),
    ]
    actions = new.get_model("strategy", "Action").objects
    assert actions.get(pk=kept.pk).role_type.key == "advocacy"
    assert actions.get(pk=unset.pk).role_type is None

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
