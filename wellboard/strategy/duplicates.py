"""Suspected duplicate actions in a strategy, and the two things an officer can do about them.

The text comparison is `wellboard.core.similarity`; this module feeds it a strategy's
actions with the partnership's glossary, forgets pairs already judged intended, and
carries out merges in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ManyToManyRel, QuerySet

from wellboard.base.scoping import partnership_id_of
from wellboard.core.similarity import DEFAULT_MIN_SIMILARITY, find_duplicates
from wellboard.partnerships.models import ActionMerge, IntendedPair, Partnership
from wellboard.strategy.delivery_cache import deferred_refresh, refresh_action
from wellboard.strategy.models import (
    Action,
    ActionBoard,
    ActionComment,
    ActionIndicator,
    ActionLink,
    ActionOrganisation,
    Milestone,
    ProgressUpdate,
    ProposedChange,
    Strategy,
)


@dataclass(frozen=True)
class DuplicatePair:
    first: Action
    second: Action
    similarity: float


def strategy_actions(strategy: Strategy) -> QuerySet[Action]:
    return Action.objects.in_strategy(strategy).active().with_plan().in_plan_order()


def glossary_meanings(partnership: Partnership) -> dict[str, str]:
    meanings = {term.term: term.meaning for term in partnership.glossary.all()}
    for organisation in partnership.organisations.exclude(acronym=""):
        meanings.setdefault(organisation.acronym, organisation.name)
    return meanings


def _ordered(a: Action, b: Action) -> tuple[Action, Action]:
    return (a, b) if a.pk < b.pk else (b, a)


def duplicate_pairs(
    strategy: Strategy, *, min_similarity: float = DEFAULT_MIN_SIMILARITY
) -> list[DuplicatePair]:
    """Near-duplicate pairs across all plans of a strategy, leaving out intended ones."""
    actions = list(strategy_actions(strategy))
    texts = [action.title for action in actions]
    meanings = glossary_meanings(strategy.partnership)
    intended = set(
        IntendedPair.objects.filter(first__in=actions).values_list("first_id", "second_id")
    )
    pairs = []
    for found in find_duplicates(texts, min_similarity=min_similarity, meanings=meanings):
        first, second = _ordered(actions[found.first], actions[found.second])
        if (first.pk, second.pk) not in intended:
            pairs.append(DuplicatePair(first, second, found.similarity))
    return pairs


def _same_partnership(partnership: Partnership, *actions: Action) -> None:
    for action in actions:
        if partnership_id_of(action) != partnership.pk:
            raise ValidationError("Both actions must belong to this partnership.")


def mark_intended(
    *, partnership: Partnership, first: Action, second: Action, user: Any, note: str = ""
) -> IntendedPair:
    """Remember that the pair is meant to be two actions, so it is not suggested again."""
    if first.pk == second.pk:
        raise ValidationError("Choose two different actions.")
    _same_partnership(partnership, first, second)
    low, high = _ordered(first, second)
    pair, _ = IntendedPair.objects.get_or_create(
        first=low,
        second=high,
        defaults={"partnership": partnership, "decided_by": user, "note": note},
    )
    return pair


def _move_links(model: Any, key: str, removed: Action, kept: Action) -> int:
    """Move link rows to the kept action, dropping any the kept action already has."""
    existing = set(model.objects.filter(action=kept).values_list(key, flat=True))
    rows = model.objects.filter(action=removed)
    rows.filter(**{f"{key}__in": existing}).delete()
    return int(rows.update(action=kept))


@transaction.atomic
@deferred_refresh()
def merge_actions(
    *,
    partnership: Partnership,
    kept: Action,
    removed: Action,
    user: Any,
    similarity: float | None = None,
) -> ActionMerge:
    """Fold `removed` into `kept`: its updates, milestones and links move, then it goes.

    Progress updates are append-only, so they are moved by a queryset update (which keeps
    them unchanged apart from the action they belong to) rather than re-saved.
    """
    if kept.pk == removed.pk:
        raise ValidationError("An action cannot be merged into itself.")
    _same_partnership(partnership, kept, removed)
    _lock_pair(kept, removed)
    moved = {
        "updates": ProgressUpdate.objects.filter(action=removed).update(action=kept),
        "milestones": Milestone.objects.filter(action=removed).update(action=kept),
        "comments": ActionComment.objects.filter(action=removed).update(action=kept),
        "proposed_changes": ProposedChange.objects.filter(action=removed).update(action=kept),
        "organisations": _move_links(ActionOrganisation, "organisation", removed, kept),
        "boards": _move_links(ActionBoard, "board", removed, kept),
        "indicators": _move_links(ActionIndicator, "indicator", removed, kept),
        "strategy_links": _move_links(ActionLink, "other_strategy", removed, kept),
        **_move_other_links(removed, kept),
    }
    refresh_action(kept.pk)  # its updates moved by an UPDATE, which sends no signal
    record = ActionMerge.objects.create(
        partnership=partnership,
        kept=kept,
        kept_ref=kept.ref,
        kept_title=kept.title,
        removed_id=removed.pk,
        removed_ref=removed.ref,
        removed_title=removed.title,
        similarity=similarity,
        moved=moved,
        merged_by=user,
    )
    removed.delete()
    return record


def _lock_pair(kept: Action, removed: Action) -> None:
    """Lock both actions, lower id first, so that two merges of one pair (in either
    direction) queue up instead of deadlocking; the second then finds one action gone."""
    found = list(
        Action.objects.select_for_update()
        .filter(pk__in=[kept.pk, removed.pk])
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    if len(found) < 2:
        raise ValidationError("These actions have already been merged: refresh the page.")


def _move_other_links(removed: Action, kept: Action) -> dict[str, int]:
    """Plain many-to-many links other records keep to actions (working groups, good
    practice, ...), found from the model's relations: some of those apps sit in layers
    above this one and are not named here, and a new one is moved without a change here."""
    moved = {}
    for relation in Action._meta.related_objects:
        if not isinstance(relation, ManyToManyRel) or relation.through is None:
            continue
        name = relation.get_accessor_name()
        if relation.through._meta.auto_created and name:
            moved[name] = _move_m2m(getattr(removed, name), getattr(kept, name))
    return moved


def _move_m2m(removed_side: Any, kept_side: Any) -> int:
    others = list(removed_side.all())
    kept_side.add(*others)
    removed_side.clear()
    return len(others)
