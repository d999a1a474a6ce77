"""Editing an action's milestone lines keeps each milestone's record, so the date it was
done (delivery evidence) survives a rewording, a reorder or a new line beside it."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.factories import ActionFactory
from wellboard.strategy.models import Action, Milestone
from wellboard.strategy.plan_editing import set_milestones

pytestmark = pytest.mark.django_db
DONE = dt.date(2027, 2, 14)


def _planned(*titles: str) -> Action:
    action = ActionFactory()
    set_milestones(action, [(title, "") for title in titles])
    Milestone.objects.filter(action=action, title=titles[0]).update(done_on=DONE)
    return action


def _rows(action: Action) -> list[tuple[str, dt.date | None]]:
    return [(m.title, m.done_on) for m in action.milestones.all()]


def test_a_milestone_reworded_where_it_stands_keeps_its_record_and_done_date() -> None:
    action = _planned("Venue booked", "Evaluation")
    before = list(action.milestones.values_list("pk", flat=True))
    set_milestones(action, [("Venue booked and paid", ""), ("Evaluation", "")])
    assert _rows(action) == [("Venue booked and paid", DONE), ("Evaluation", None)]
    assert list(action.milestones.values_list("pk", flat=True)) == before


def test_reordered_milestones_keep_their_done_dates_by_title() -> None:
    action = _planned("Venue booked", "Evaluation")
    set_milestones(action, [("Evaluation", ""), ("Launch", ""), ("Venue booked", "")])
    assert _rows(action) == [("Evaluation", None), ("Launch", None), ("Venue booked", DONE)]


def test_a_repeated_title_makes_two_milestones_and_a_left_out_one_goes() -> None:
    action = _planned("Venue booked", "Evaluation")
    set_milestones(action, [("Venue booked", ""), ("Venue booked", "")])
    assert _rows(action) == [("Venue booked", DONE), ("Venue booked", None)]
