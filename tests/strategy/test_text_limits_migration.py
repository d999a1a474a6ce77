"""The migrations that gave every text a limit keep the texts written before it, however
long, and never fail on them (issue #12.9): long texts stay text columns with a validator,
so on PostgreSQL the migration changes no column (a varchar(n) would fail on a longer row)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.factories import PartnershipFactory
from wellboard.core.limits import LONG_TEXT

BEFORE = [("strategy", "0010_strategy_versions")]
OVER = 100_000


def _text(opening: str) -> str:
    return (opening + " Carers said what would help." * (OVER // 29 + 1))[:OVER]


# Transactional, as tests/strategy/test_role_type_migration.py (which says why).
@pytest.mark.django_db(transaction=True)
def test_texts_longer_than_the_new_limits_are_kept_whole() -> None:
    # The partnership with today's model: its table is not rolled back with the strategy
    # app, so a historical model would miss columns added since (and fail on them).
    partnership = PartnershipFactory()
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    strategy = old.get_model("strategy", "Strategy").objects.create(
        partnership_id=partnership.pk, title="Old strategy", summary=_text("Summary.")
    )
    plan = old.get_model("strategy", "Plan").objects.create(strategy=strategy, title="Plan")
    theme = old.get_model("strategy", "Theme").objects.create(plan=plan, title="Theme")
    priority = old.get_model("strategy", "Priority").objects.create(theme=theme, title="P")
    action = old.get_model("strategy", "Action").objects.create(
        priority=priority, title=_text("Title."), description=_text("Why.")
    )
    update = old.get_model("strategy", "ProgressUpdate").objects.create(
        action=action, text=_text("Progress.")
    )

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    new = executor.loader.project_state(executor.loader.graph.leaf_nodes()).apps
    kept = new.get_model("strategy", "Action").objects.get(pk=action.pk)
    assert (kept.title, kept.description) == (_text("Title."), _text("Why."))
    assert new.get_model("strategy", "ProgressUpdate").objects.get(pk=update.pk).text == (
        _text("Progress.")
    )
    assert new.get_model("strategy", "Strategy").objects.get(pk=strategy.pk).summary == (
        _text("Summary.")
    )
    assert len(kept.description) > LONG_TEXT
