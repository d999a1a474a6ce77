"""Good practice from the library (wellboard.practice) beside the plan it supports.

Plans commit to sharing good practice, so reports name the examples linked to their
actions and priorities. Reports are board papers: they go into meeting packs that councils
publish, and reports draw no line between a public and an internal version, so a report
shows only entries marked published, the same ones the public library shows. An entry
still being written up stays out of every report until an officer publishes it.

The library keeps no history of its links, so a report for a past date shows the links
as they stand today.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from wellboard.practice.models import GoodPractice
from wellboard.reports.document import Cell, Heading, Paragraph, Table
from wellboard.reports.selection import PrioritySlice, Selection
from wellboard.strategy.models import Action, Priority

COLUMNS = ("Good practice", "Place", "Organisation", "Evidence of impact", "Supports")
WIDTHS = (22, 12, 16, 34, 16)
NO_EVIDENCE = "Not recorded"


@dataclass
class PracticeIndex:
    """The published entries linked to each action and priority of a selection."""

    by_action: dict[int, list[GoodPractice]] = field(default_factory=dict)
    by_priority: dict[int, list[GoodPractice]] = field(default_factory=dict)

    def for_action(self, action: Action) -> list[GoodPractice]:
        return self.by_action.get(action.pk, [])

    def for_priority(self, priority: Priority) -> list[GoodPractice]:
        return self.by_priority.get(priority.pk, [])


def _links(
    through: type, key: str, ids: list[int], partnership_id: int
) -> dict[int, list[GoodPractice]]:
    """One query: the published entries of the partnership linked to each id."""
    found: dict[int, list[GoodPractice]] = defaultdict(list)
    if not ids:
        return found
    rows = (
        through.objects.filter(  # type: ignore[attr-defined]
            **{f"{key}_id__in": ids},
            goodpractice__published=True,
            goodpractice__partnership_id=partnership_id,
        )
        .select_related("goodpractice__organisation")
        .order_by("goodpractice__name", "goodpractice_id")
    )
    for row in rows:
        found[getattr(row, f"{key}_id")].append(row.goodpractice)
    return found


def practice_index(selection: Selection, partnership_id: int) -> PracticeIndex:
    """Two queries whatever the size of the plan: one for actions, one for priorities.

    Entries are limited to the strategy's own partnership, so a link made in error to
    another partnership's record can never carry its practice into this report.
    """
    actions = [state.action.pk for state in selection.actions()]
    priorities = [p.state.priority.pk for t in selection.themes for p in t.priorities]
    return PracticeIndex(
        by_action=_links(GoodPractice.actions.through, "action", actions, partnership_id),
        by_priority=_links(GoodPractice.priorities.through, "priority", priorities, partnership_id),
    )


def organisation_name(entry: GoodPractice) -> str:
    organisation = entry.organisation
    if organisation is None:
        return ""
    if organisation.acronym and organisation.acronym != organisation.name:
        return f"{organisation.name} ({organisation.acronym})"
    return organisation.name


def label(entry: GoodPractice) -> str:
    """ "Name (place, organisation)": enough to find the entry in the library."""
    where = ", ".join(part for part in (entry.place, organisation_name(entry)) if part)
    return f"{entry.name} ({where})" if where else entry.name


def labels(entries: list[GoodPractice]) -> str:
    return "; ".join(label(e) for e in entries)


def with_practice(cell: Cell, entries: list[GoodPractice]) -> Cell:
    """An action's cell with a line naming each example linked to the action."""
    extra = tuple(f"Good practice: {label(e)}" for e in entries)
    return Cell(cell.lines + extra, cell.status)


def plan_ref(obj: Action | Priority, noun: str) -> str:
    return f"{noun} {obj.ref}" if obj.ref else f"{noun}: {obj.title}"


def gather(
    index: PracticeIndex, priorities: list[PrioritySlice]
) -> dict[int, tuple[GoodPractice, list[str]]]:
    """Each entry once, in plan order, with the priorities and actions it supports."""
    gathered: dict[int, tuple[GoodPractice, list[str]]] = {}
    for priority in priorities:
        p = priority.state.priority
        for entry in index.for_priority(p):
            gathered.setdefault(entry.pk, (entry, []))[1].append(plan_ref(p, "Priority"))
        for state in priority.actions:
            for entry in index.for_action(state.action):
                supports = gathered.setdefault(entry.pk, (entry, []))[1]
                supports.append(plan_ref(state.action, "Action"))
    return gathered


def practice_table(
    index: PracticeIndex,
    priorities: list[PrioritySlice],
    *,
    context_columns: tuple[str, ...] = (),
    context: tuple[str, ...] = (),
    caption: str = "",
) -> Table:
    """The examples in full: name, place, organisation, evidence, and what they support."""
    gathered = gather(index, priorities)
    rows = tuple(
        (
            Cell.of(entry.name),
            Cell.of(entry.place),
            Cell.of(organisation_name(entry)),
            Cell.of(entry.evidence_of_impact or NO_EVIDENCE),
            Cell(tuple(supports)),
        )
        for entry, supports in gathered.values()
    )
    return Table(
        columns=COLUMNS,
        rows=rows,
        kind="practice",
        context_columns=context_columns,
        context=tuple(context for _ in rows) if context_columns else (),
        widths=WIDTHS,
        caption=caption,
    )


def annual_practice_blocks(
    selection: Selection, index: PracticeIndex
) -> list[Heading | Paragraph | Table]:
    priorities = [p for t in selection.themes for p in t.priorities]
    return [
        Heading("Examples of good practice", 2),
        Paragraph(
            "Published examples from the partnership's good practice library that support "
            "the actions and priorities in this report."
        ),
        practice_table(
            index,
            priorities,
            caption="No published good practice is linked to these actions.",
        ),
    ]
