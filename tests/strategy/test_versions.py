"""Versions of a strategy's text: kept on demand and at every lifecycle step."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from tests.factories import (
    PlanFactory,
    PriorityFactory,
    StrategyFactory,
    ThemeFactory,
    UserFactory,
    add_deciding_bodies,
)
from wellboard.strategy.lifecycle import transition
from wellboard.strategy.models import StrategyVersion
from wellboard.strategy.versions import save_version

pytestmark = pytest.mark.django_db
MEETING = dt.date(2026, 9, 27)


def _strategy_with_text():  # type: ignore[no-untyped-def]
    strategy = StrategyFactory(status="draft", summary="Our plan.", vision="Healthy lives.")
    theme = ThemeFactory(plan=PlanFactory(strategy=strategy), ref="1", title="Start well")
    PriorityFactory(theme=theme, ref="1.1", title="Cut smoking", description="In pregnancy.")
    PriorityFactory(theme=theme, ref="1.2", title="Archived", archived_at=dt.datetime.now(dt.UTC))
    add_deciding_bodies(strategy.partnership)
    return strategy


def test_a_saved_version_keeps_the_words_as_they_stood() -> None:
    strategy = _strategy_with_text()
    officer = UserFactory()
    version = save_version(strategy, officer, "  Draft for the board  ")
    strategy.summary = "Changed afterwards."
    strategy.save()
    version.refresh_from_db()
    assert (version.number, version.created_by) == (1, officer)
    assert version.label == "Draft for the board"
    assert version.text["summary"] == "Our plan."
    assert version.text["vision"] == "Healthy lives."
    [theme] = version.text["themes"]
    assert theme["title"] == "Start well"
    assert theme["priorities"] == [
        {"ref": "1.1", "title": "Cut smoking", "description": "In pregnancy."}
    ]


def test_versions_are_numbered_per_strategy_and_latest_is_the_newest() -> None:
    strategy, other = _strategy_with_text(), StrategyFactory()
    save_version(strategy)
    save_version(other)
    second = save_version(strategy, label="second")
    assert second.number == 2
    assert strategy.versions.latest() == second
    assert other.versions.latest().number == 1


def test_each_lifecycle_step_keeps_a_version_tied_to_its_decision() -> None:
    strategy = _strategy_with_text()
    record = transition(strategy.pk, "consultation", body="HWB", meeting_date=MEETING)
    version = strategy.versions.latest()
    assert version.decision == record
    assert version.label == "In consultation: HWB, 27 Sep 2026"
    assert version.text["themes"][0]["priorities"][0]["title"] == "Cut smoking"


def test_a_refused_step_keeps_no_version() -> None:
    strategy = _strategy_with_text()
    with pytest.raises(ValidationError):
        transition(strategy.pk, "adopted", body="Council Cabinet", meeting_date=MEETING)
    assert not StrategyVersion.objects.filter(strategy=strategy).exists()


def test_a_strategy_without_a_plan_has_a_text_without_themes() -> None:
    version = save_version(StrategyFactory(title="Bare"))
    assert version.text["title"] == "Bare" and version.text["themes"] == []
