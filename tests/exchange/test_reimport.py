"""Re-importing a plan over a strategy keeps its delivery history (issue #12.1).

Updates, reviews, comments and change records belong to the board's record of delivery:
loading the same or a changed document again must update the plan in place, matching
records by reference and then by title, and never delete or re-create them.
"""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pytest
from django.contrib.auth.models import User

from wellboard.exchange.export import export_strategy
from wellboard.exchange.load import load_strategy
from wellboard.history.models import ChangeRecord
from wellboard.strategy.models import (
    Action,
    ActionComment,
    Plan,
    ProgressUpdate,
    Strategy,
    Theme,
    UpdateReview,
)

pytestmark = pytest.mark.django_db


def _first_action(document: dict[str, Any]) -> dict[str, Any]:
    action: dict[str, Any] = document["themes"][0]["priorities"][0]["actions"][0]
    return action


def _delivery_records(strategy: Strategy) -> dict[str, set[int]]:
    """Give every action a reviewed update, a comment and an edit; return their ids."""
    user = User.objects.create_user("reviewer")
    for action in Action.objects.in_strategy(strategy):
        update = ProgressUpdate.objects.create(
            action=action, date=dt.date(2025, 11, 30), text="On track.", rag="amber"
        )
        UpdateReview.objects.create(
            update=update, decision="returned", reason="Say which practices.", reviewer=user
        )
        ProgressUpdate.objects.create(
            action=action,
            date=dt.date(2025, 12, 1),
            text="Twelve practices.",
            rag="green",
            supersedes=update,
        )
        ActionComment.objects.create(action=action, author=user, text="Good progress.")
        action.outcome_measures += " (checked)"
        action.save()
    return _ids()


def _ids() -> dict[str, set[int]]:
    return {
        "actions": set(Action.objects.values_list("pk", flat=True)),
        "updates": set(ProgressUpdate.objects.values_list("pk", flat=True)),
        "reviews": set(UpdateReview.objects.values_list("pk", flat=True)),
        "comments": set(ActionComment.objects.values_list("pk", flat=True)),
        "history": set(ChangeRecord.objects.values_list("pk", flat=True)),
    }


def _kept(before: dict[str, set[int]]) -> None:
    after = _ids()
    for kind in ("updates", "reviews", "comments", "history"):
        assert before[kind] <= after[kind], f"{kind} lost: {before[kind] - after[kind]}"


def test_reloading_the_same_document_keeps_every_delivery_record(
    small_plan: dict[str, Any],
) -> None:
    strategy = load_strategy(copy.deepcopy(small_plan))
    before = _delivery_records(strategy)
    load_strategy(copy.deepcopy(small_plan), strategy=strategy)
    _kept(before)
    assert _ids()["actions"] == before["actions"]
    assert ProgressUpdate.objects.filter(supersedes__isnull=False).count() == 2


def test_reloading_an_export_adds_no_duplicate_updates(small_plan: dict[str, Any]) -> None:
    strategy = load_strategy(copy.deepcopy(small_plan))
    _delivery_records(strategy)
    count = ProgressUpdate.objects.count()
    load_strategy(export_strategy(strategy), strategy=strategy)
    assert ProgressUpdate.objects.count() == count


def test_a_changed_document_is_applied_in_place(small_plan: dict[str, Any]) -> None:
    strategy = load_strategy(copy.deepcopy(small_plan))
    before = _delivery_records(strategy)
    carers = Action.objects.get(ref="1.1.1")
    clinics = Action.objects.get(title="Run stop-smoking clinics")
    changed = copy.deepcopy(small_plan)
    action = _first_action(changed)
    action["title"] = "Offer a health check to every carer"  # same ref: matched by ref
    action["leads"] = ["BVC"]
    action["updates"].append({"date": "2026-01-31", "text": "Forty practices.", "rag": "green"})
    clinic = changed["plans"][0]["themes"][0]["priorities"][0]["actions"][0]
    clinic["ref"] = "T.1"  # a new ref, the same title: matched by title
    changed["themes"][0]["priorities"][0]["actions"].append(
        {"ref": "1.1.2", "title": "Train carers' champions"}
    )
    changed["plans"][0]["title"] = "Tobacco control plan 2026"
    changed["themes"][0]["priorities"][0]["sub_plan"] = ""
    changed["themes"][1]["priorities"][0]["sub_plan"] = "Tobacco control plan 2026"
    load_strategy(changed, strategy=strategy)

    _kept(before)
    carers.refresh_from_db()
    clinics.refresh_from_db()
    assert carers.title == "Offer a health check to every carer"
    assert carers.lead_labels() == ["BVC"] and carers.version > 1
    assert carers.updates.filter(text="Forty practices.").count() == 1
    assert clinics.ref == "T.1"
    assert Action.objects.filter(ref="1.1.2", priority=carers.priority).exists()
    assert Plan.objects.filter(strategy=strategy).count() == 2
    assert ChangeRecord.objects.filter(object_id=carers.pk, verb="changed").exists()


def test_actions_no_longer_in_the_file_are_kept_unless_archiving_is_asked(
    small_plan: dict[str, Any],
) -> None:
    strategy = load_strategy(copy.deepcopy(small_plan))
    before = _delivery_records(strategy)
    shorter = copy.deepcopy(small_plan)
    shorter["plans"] = []
    shorter["themes"] = shorter["themes"][:1]
    load_strategy(shorter, strategy=strategy)
    _kept(before)
    assert _ids()["actions"] == before["actions"]
    assert Theme.objects.filter(plan__strategy=strategy).count() == 3


def test_an_inserted_action_does_not_take_its_neighbours_history(
    small_plan: dict[str, Any],
) -> None:
    # Refs numbered by position shift when a row is inserted: the title decides.
    strategy = load_strategy(copy.deepcopy(small_plan))
    _delivery_records(strategy)
    carers = Action.objects.get(ref="1.1.1")
    updates = set(carers.updates.values_list("pk", flat=True))
    inserted = copy.deepcopy(small_plan)
    actions = inserted["themes"][0]["priorities"][0]["actions"]
    actions[0]["ref"] = "1.1.2"
    actions.insert(0, {"ref": "1.1.1", "title": "Map the carers' services"})
    load_strategy(inserted, strategy=strategy)
    carers.refresh_from_db()
    assert carers.ref == "1.1.2"
    assert updates <= set(carers.updates.values_list("pk", flat=True))
    assert not Action.objects.get(ref="1.1.1").updates.exists()


def test_archiving_missing_actions_only_when_asked_and_never_deleting(
    small_plan: dict[str, Any],
) -> None:
    strategy = load_strategy(copy.deepcopy(small_plan))
    before = _delivery_records(strategy)
    clinics = Action.objects.get(title="Run stop-smoking clinics")
    shorter = copy.deepcopy(small_plan)
    shorter["plans"] = []
    shorter["themes"][1]["priorities"][0]["sub_plan"] = ""
    load_strategy(shorter, strategy=strategy, archive_missing=True)
    _kept(before)
    assert _ids()["actions"] == before["actions"]  # nothing deleted
    clinics.refresh_from_db()
    assert clinics.archived_at is not None
    assert Plan.objects.get(title="Tobacco control plan").archived_at is not None
    assert Action.objects.get(ref="1.1.1").archived_at is None
    # Archived actions are not reported again, and come back when the file lists them.
    from wellboard.exchange.differences import reimport_preview

    assert reimport_preview(shorter, strategy)["missing"] == []
    load_strategy(copy.deepcopy(small_plan), strategy=strategy)
    clinics.refresh_from_db()
    assert clinics.archived_at is None
    assert clinics.updates.count() == 2
