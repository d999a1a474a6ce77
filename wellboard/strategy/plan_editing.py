"""Building and rearranging a plan in the app: add, move up or down, move elsewhere, archive.

Each level keeps its records in the order the board chose (``position``); moving swaps a
record with its neighbour among the active records of the same parent, renumbering them so
that positions stay distinct even after an import that left them all at 0. Every save goes
through the model, so the change history records who moved what.
"""

from __future__ import annotations

from typing import Any

from django.db import models, transaction

from wellboard.strategy.models import (
    Action,
    ActionBoard,
    ActionIndicator,
    ActionLink,
    ActionOrganisation,
    Milestone,
    Plan,
    Priority,
    Strategy,
    Theme,
)

# The field that holds each level's parent, whose other children are its siblings.
PARENT_FIELD: dict[type[models.Model], str] = {
    Plan: "strategy",
    Theme: "plan",
    Priority: "theme",
    Action: "priority",
}


def siblings(obj: Any) -> list[Any]:
    """The active records beside `obj` under the same parent, in their order."""
    parent = PARENT_FIELD[type(obj)]
    manager = type(obj)._default_manager
    same = manager.filter(**{f"{parent}_id": getattr(obj, f"{parent}_id")})
    return list(same.filter(archived_at__isnull=True).order_by("position", "id"))


def end_position(model: type[models.Model], parent: Any) -> int:
    """Where a new record goes: after the last of its parent's records."""
    field = PARENT_FIELD[model]
    last = model._default_manager.filter(**{field: parent}).aggregate(models.Max("position"))
    top = last["position__max"]
    return 0 if top is None else int(top) + 1


@transaction.atomic
def move(obj: Any, direction: str) -> bool:
    """Swap `obj` with its neighbour ("up" or "down"); False at either end."""
    order = siblings(obj)
    index = next(i for i, sibling in enumerate(order) if sibling.pk == obj.pk)
    other = index - 1 if direction == "up" else index + 1
    if direction not in ("up", "down") or not 0 <= other < len(order):
        return False
    order[index], order[other] = order[other], order[index]
    for position, sibling in enumerate(order):
        if sibling.position != position:
            sibling.position = position
            sibling.save(update_fields=["position", "updated_at"])
    return True


def reparent(obj: Any, parent: Any) -> None:
    """Put `obj` under another parent (a theme in another plan, an action under another
    priority), at the end of its new siblings. The caller saves."""
    field = PARENT_FIELD[type(obj)]
    if getattr(obj, f"{field}_id") != parent.pk:
        setattr(obj, field, parent)
        obj.position = end_position(type(obj), parent)


def strategy_of_record(obj: Any) -> Strategy:
    if isinstance(obj, Strategy):
        return obj
    if isinstance(obj, Plan):
        return obj.strategy
    if isinstance(obj, Theme):
        return obj.plan.strategy
    if isinstance(obj, Priority):
        return obj.theme.plan.strategy
    return obj.priority.theme.plan.strategy


@transaction.atomic
def set_action_links(
    action: Action,
    *,
    leads: list[Any],
    supporting: list[Any],
    boards: list[Any],
    indicators: list[Any],
    links: list[Any],
) -> None:
    """Replace the action's ordered links with those chosen. Link rows carry no delivery
    record, so they are rewritten; the change history keeps the action's own fields."""
    action.organisation_links.all().delete()
    rows = [(org, True) for org in leads] + [(org, False) for org in supporting if org not in leads]
    ActionOrganisation.objects.bulk_create(
        ActionOrganisation(action=action, organisation=org, is_lead=lead, position=i)
        for i, (org, lead) in enumerate(rows)
    )
    action.board_links.all().delete()
    ActionBoard.objects.bulk_create(
        ActionBoard(action=action, board=board, position=i) for i, board in enumerate(boards)
    )
    action.indicator_links.all().delete()
    ActionIndicator.objects.bulk_create(
        ActionIndicator(action=action, indicator=indicator, position=i)
        for i, indicator in enumerate(indicators)
    )
    action.strategy_links.all().delete()
    ActionLink.objects.bulk_create(
        ActionLink(action=action, other_strategy=other, position=i) for i, other in enumerate(links)
    )


def milestone_lines(action: Action) -> str:
    """The action's milestones as the form shows them: "title | due", one a line."""
    return "\n".join(
        f"{m.title} | {m.due_text}" if m.due_text else m.title for m in action.milestones.all()
    )


@transaction.atomic
def set_milestones(action: Action, lines: list[tuple[str, str]]) -> None:
    """Make the action's milestones those listed. A milestone whose title is unchanged, or
    whose line was reworded where it stood, is the same record: its done date is delivery
    evidence and must survive a rewording. Milestones left out are removed."""
    from wellboard.core.dates import parse_due

    kept = []
    for position, milestone in _paired_milestones(action, [title for title, _ in lines]):
        title, due_text = lines[position]
        if milestone.due_text != due_text or milestone.pk is None:
            milestone.due_text = due_text
            milestone.due_end = parse_due(due_text).end if due_text else None
        milestone.title, milestone.position = title, position
        milestone.save()
        kept.append(milestone.pk)
    action.milestones.exclude(pk__in=kept).delete()


def _paired_milestones(action: Action, titles: list[str]) -> list[tuple[int, Milestone]]:
    """Each listed title with its milestone: the one of that title (once), else the unmatched
    one that stood at the same place in the old list, else a new one."""
    old = list(action.milestones.all())
    by_title: dict[str, Milestone] = {}
    for milestone in old:
        by_title.setdefault(milestone.title, milestone)
    same = [by_title.pop(title, None) for title in titles]
    taken = {m.pk for m in same if m is not None}
    free = {i: m for i, m in enumerate(old) if m.pk not in taken}
    return [
        (i, m or free.pop(i, None) or Milestone(action=action, title=title))
        for i, (title, m) in enumerate(zip(titles, same, strict=True))
    ]
