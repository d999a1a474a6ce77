"""Exchange document -> strategy, in one transaction. The inverse of `export.py`.

Loading over an existing strategy updates it in place: plans, themes, priorities and
actions are matched to the records they were (matching.py), their fields and links are
rewritten where they differ, and nothing that records delivery is deleted or re-created.
Updates, reviews, comments and change records therefore survive any re-import (#12.1).
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from wellboard.core.exchange import ExchangeError, validate, with_defaults
from wellboard.exchange.archiving import archive_missing as archive_records
from wellboard.exchange.archiving import restore_returning
from wellboard.exchange.links import set_action_links, set_theme_indicators
from wellboard.exchange.matching import Match, document_plans, match_document
from wellboard.exchange.progress import add_new_updates, merge_approvals, merge_milestones
from wellboard.exchange.references import References
from wellboard.exchange.values import assign, parse_date
from wellboard.partnerships import role_types
from wellboard.partnerships.models import Partnership
from wellboard.strategy.delivery_cache import deferred_refresh
from wellboard.strategy.models import Action, Plan, Priority, Strategy, Theme

STRATEGY_FIELDS = ("title", "summary", "period_start", "period_end", "status", "published")


def _partnership_for(document: dict[str, Any], given: Partnership | None) -> Partnership:
    if given is not None:
        return given
    block = document.get("partnership")
    if block:
        partnership, _ = Partnership.objects.get_or_create(
            name=block["name"], defaults={"kind": block["kind"], "area": block["area"]}
        )
        return partnership
    only = list(Partnership.objects.all()[:2])
    if len(only) == 1:
        return only[0]
    raise ExchangeError("the document names no partnership: give one with --partnership")


@transaction.atomic
@deferred_refresh()
def load_strategy(
    document: dict[str, Any],
    *,
    strategy: Strategy | None = None,
    partnership: Partnership | None = None,
    archive_missing: bool = False,
    user: Any = None,
) -> Strategy:
    """Create a strategy from a document, or bring `strategy` in line with it in place.

    Records of `strategy` that the document no longer has are kept as they are, or
    archived when `archive_missing` is asked; never deleted. Archived records the document
    lists again are restored. Everything happens in one
    transaction, so a document that fails half-way leaves the database as it was; the
    actions' kept delivery is refreshed once at its end, not row by row.
    """
    validate(document)
    document = with_defaults(document)
    if strategy is not None:
        partnership = strategy.partnership
    partnership = _partnership_for(document, partnership)
    refs = References(partnership)
    refs.merge(document)

    plans = document_plans(document)
    if strategy is None:
        strategy, match = Strategy(partnership=partnership), Match()
    else:
        match = match_document(strategy, plans)
    _save(strategy, assign(strategy, {field: document[field] for field in STRATEGY_FIELDS}))
    merge_approvals(strategy, document["approvals"])
    _PlanWriter(strategy, refs, match).write(plans)
    for matched in (match.plans, match.themes, match.priorities, match.actions):
        restore_returning(list(matched.values()))
    if archive_missing:
        archive_records(match, user=user)
    return strategy


def _save(record: Any, changed: bool) -> bool:
    """Save a new or changed record (so history records it); say whether it was new.

    A changed record's version is raised, so an edit form opened before the import is
    refused as stale rather than saved over it."""
    created = record.pk is None
    if changed and not created and hasattr(record, "version"):
        record.version += 1
    if created or changed:
        record.save()
    return created


class _PlanWriter:
    """Writes plans in document order; sub-plan references are resolved once all exist."""

    def __init__(self, strategy: Strategy, refs: References, match: Match) -> None:
        self.strategy = strategy
        self.refs = refs
        self.match = match
        self.sub_plan_wanted: list[tuple[Priority, str]] = []
        self.role_types: dict[str, int | None] = {}

    def _person_id(self, name: str) -> int | None:
        person = self.refs.person_or_none(name)
        return person.pk if person else None

    def _role_type_id(self, value: str) -> int | None:
        """The partnership's role type by key or name; a new one for words it lacks."""
        if value not in self.role_types:
            found = role_types.resolve(self.refs.partnership.pk, value)
            self.role_types[value] = found.pk if found else None
        return self.role_types[value]

    def write(self, plans: list[dict[str, Any]]) -> None:
        by_title: dict[str, Plan] = {}
        for position, data in enumerate(plans):
            plan = self.match.plans.get((position,)) or Plan(strategy=self.strategy)
            values = {"title": data["title"], "kind": data["kind"], "period": data["period"]}
            _save(plan, assign(plan, {**values, "position": position}))
            by_title.setdefault(plan.title, plan)
            for theme_position, theme in enumerate(data["themes"]):
                self._theme(plan, theme, (position, theme_position))
        for priority, title in self.sub_plan_wanted:
            if title and title not in by_title:
                raise ExchangeError(f"priority {priority.title[:40]!r}: no plan titled {title!r}")
            wanted = by_title[title].pk if title else None
            if priority.sub_plan_id != wanted:
                priority.sub_plan_id = wanted
                priority.save()

    def _theme(self, plan: Plan, data: dict[str, Any], path: tuple[int, ...]) -> None:
        theme = self.match.themes.get(path) or Theme()
        values = {
            "plan_id": plan.pk,
            "ref": data["ref"],
            "title": data["title"],
            "description": data["description"],
            "lead_member_id": self._person_id(data["lead_member"]),
            "position": path[-1],
        }
        created = _save(theme, assign(theme, values))
        codes = [self.refs.indicator(code).pk for code in data["indicators"]]
        set_theme_indicators(theme, codes, created=created)
        for priority_position, priority in enumerate(data["priorities"]):
            self._priority(theme, priority, (*path, priority_position))

    def _priority(self, theme: Theme, data: dict[str, Any], path: tuple[int, ...]) -> None:
        priority = self.match.priorities.get(path) or Priority()
        values = {
            "theme_id": theme.pk,
            "ref": data["ref"],
            "title": data["title"],
            "description": data["description"],
            "lead_officer_id": self._person_id(data["lead_officer"]),
            "position": path[-1],
        }
        _save(priority, assign(priority, values))
        self.sub_plan_wanted.append((priority, data["sub_plan"]))
        for action_position, action in enumerate(data["actions"]):
            self._action(priority, action, (*path, action_position))

    def _action(self, priority: Priority, data: dict[str, Any], path: tuple[int, ...]) -> None:
        action = self.match.actions.get(path) or Action()
        values = {
            "priority_id": priority.pk,
            "ref": data["ref"],
            "title": data["title"],
            "description": data["description"],
            "lead_officer_id": self._person_id(data["lead_officer"]),
            "due_text": data["due_text"],
            "due_start": parse_date(data["due_start"]),
            "due_end": parse_date(data["due_end"]),
            "due_precision": data["due_precision"],
            "ongoing": data["ongoing"],
            "to_be_agreed": data["to_be_agreed"],
            "outcome_measures": data["outcome_measures"],
            "role_type_id": self._role_type_id(data["role_type"]),
            "percent_complete": data["percent_complete"],
            "position": path[-1],
        }
        created = _save(action, assign(action, values))
        set_action_links(action, data, self.refs, created=created)
        merge_milestones(action, data["milestones"], created=created)
        add_new_updates(action, data["updates"], created=created)
