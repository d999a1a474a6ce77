"""Which existing records a re-imported document's plans, themes, priorities and actions are.

A re-import must update a plan in place so that the updates, reviews, comments and history
hanging off its records survive (issue #12.1). Records are matched by reference and title,
then by title, then by reference (ignoring case and spacing), each existing record at most
once; plans, which have no reference, by title, then the main plan to the main plan and a
renamed plan to the one sharing most of its actions. The match is worked
out without writing anything, so the preview and the load agree on it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from wellboard.strategy.models import Action, Plan, Priority, Strategy, Theme

T = TypeVar("T", Plan, Theme, Priority, Action)
# What comparing and merging an action reads, fetched for the whole plan at once.
ACTION_PARTS = (
    "organisation_links__organisation",
    "board_links__board",
    "indicator_links__indicator",
    "strategy_links__other_strategy",
    "milestones",
    "updates",
)
Path = tuple[int, ...]


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


class _Pool(Generic[T]):
    """Existing records not yet claimed by a document item."""

    def __init__(self, records: Iterable[T]) -> None:
        # Active records first, so an archived namesake is claimed only when no active one is.
        self.left: list[T] = sorted(records, key=lambda r: r.archived_at is not None)

    def take(self, data: dict[str, Any], keys: tuple[str, ...]) -> T | None:
        """Claim the first record whose `keys` all equal the item's (none when one is blank)."""
        wanted = [_norm(data.get(key) or "") for key in keys]
        if not all(wanted):
            return None
        for record in self.left:
            if [_norm(getattr(record, key)) for key in keys] == wanted:
                self.left.remove(record)
                return record
        return None


# Reference and title together first, then the title, then the reference alone: refs that
# a parser numbered by position shift when a row is inserted, and matching those by ref
# before title would hand one action's history to its neighbour.
BY_REF_THEN_TITLE = (("ref", "title"), ("title",), ("ref",))


def _claim(
    pool: _Pool[T],
    items: list[tuple[Path, dict[str, Any]]],
    passes: tuple[tuple[str, ...], ...] = BY_REF_THEN_TITLE,
) -> dict[Path, T]:
    """Match every item, one pass at a time over all items (all exact pairs first)."""
    found: dict[Path, T] = {}
    for keys in passes:
        for path, data in items:
            if path not in found:
                record = pool.take(data, keys)
                if record is not None:
                    found[path] = record
    return found


@dataclass
class Match:
    """Document paths (plan, theme, priority, action indexes) -> the records they update."""

    plans: dict[Path, Plan] = field(default_factory=dict)
    themes: dict[Path, Theme] = field(default_factory=dict)
    priorities: dict[Path, Priority] = field(default_factory=dict)
    actions: dict[Path, Action] = field(default_factory=dict)
    missing_plans: list[Plan] = field(default_factory=list)
    missing_themes: list[Theme] = field(default_factory=list)
    missing_priorities: list[Priority] = field(default_factory=list)
    missing_actions: list[Action] = field(default_factory=list)


def document_plans(document: dict[str, Any]) -> list[dict[str, Any]]:
    """The document's plans in order, the main plan first (as `load.py` writes them)."""
    main = {
        "title": document["plan_title"] or document["title"],
        "kind": document["plan_kind"],
        "period": document["plan_period"],
        "themes": document["themes"],
    }
    return [main, *document["plans"]]


def walk(plans: list[dict[str, Any]], depth: int) -> Iterator[tuple[Path, dict[str, Any]]]:
    """Every item at `depth` (1 themes, 2 priorities, 3 actions) with its path."""
    children = ("themes", "priorities", "actions")
    for p, plan in enumerate(plans):
        level: list[tuple[Path, dict[str, Any]]] = [((p,), plan)]
        for step in children[:depth]:
            level = [
                ((*path, i), child)
                for path, parent in level
                for i, child in enumerate(parent[step])
            ]
        yield from level


def match_document(strategy: Strategy, plans: list[dict[str, Any]]) -> Match:
    """Match a document's tree (`document_plans`) to the strategy's records."""
    match = Match()
    existing = list(strategy.plans.all())
    pool = _Pool(existing)
    match.plans = _claim(pool, [((i,), p) for i, p in enumerate(plans)], (("title",),))
    if (0,) not in match.plans and existing and existing[0] in pool.left:
        match.plans[(0,)] = existing[0]
        pool.left.remove(existing[0])
    for index, data in enumerate(plans):
        if (index,) not in match.plans and pool.left:
            renamed = _most_alike(pool.left, data)
            if renamed is not None:
                match.plans[(index,)] = renamed
                pool.left.remove(renamed)
    match.missing_plans = pool.left
    for p, plan in match.plans.items():
        subtree = [plans[p[0]]]
        _match_within(match, plan, [((*p, *path[1:]), data) for path, data in walk(subtree, 1)])
    _match_children(match, plans)
    match.missing_themes += [t for pl in match.missing_plans for t in pl.themes.all()]
    match.missing_priorities += list(Priority.objects.filter(theme__plan__in=match.missing_plans))
    match.missing_actions += list(
        Action.objects.filter(priority__theme__plan__in=match.missing_plans)
    )
    return match


def _names(items: Iterable[Any]) -> set[str]:
    return {_norm(f"{kind}:{value}") for item in items for kind, value in item if value}


def _most_alike(candidates: list[Plan], data: dict[str, Any]) -> Plan | None:
    """A renamed plan: the unclaimed plan sharing the most action refs and titles, if any."""
    wanted = _names((("ref", a["ref"]), ("title", a["title"])) for _, a in walk([data], 3))
    best, best_score = None, 0
    for plan in candidates:
        actions = Action.objects.filter(priority__theme__plan=plan).values_list("ref", "title")
        score = len(wanted & _names((("ref", r), ("title", t)) for r, t in actions))
        if score > best_score:
            best, best_score = plan, score
    return best


def _match_within(match: Match, plan: Plan, themes: list[tuple[Path, dict[str, Any]]]) -> None:
    pool = _Pool(plan.themes.prefetch_related("indicator_links"))
    match.themes.update(_claim(pool, themes))
    match.missing_themes += pool.left


def _match_children(match: Match, plans: list[dict[str, Any]]) -> None:
    """Priorities and actions are matched across their whole plan, so they can move."""
    for p, plan in match.plans.items():
        subtree = [plans[p[0]]]
        priorities = [((p[0], *path[1:]), d) for path, d in walk(subtree, 2)]
        pool: _Pool[Priority] = _Pool(Priority.objects.filter(theme__plan=plan))
        match.priorities.update(_claim(pool, priorities))
        match.missing_priorities += pool.left
        actions = [((p[0], *path[1:]), d) for path, d in walk(subtree, 3)]
        action_pool: _Pool[Action] = _Pool(
            Action.objects.filter(priority__theme__plan=plan)
            .select_related("priority__theme", "lead_officer")
            .prefetch_related(*ACTION_PARTS)
        )
        match.actions.update(_claim(action_pool, actions))
        match.missing_actions += action_pool.left
