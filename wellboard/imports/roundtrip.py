"""Applying an edited plan spreadsheet to its strategy, and writing the sheets out.

The diff comes from `wellboard.core.spreadsheet_roundtrip`; this module turns it into
model changes. Progress is never edited in place: a changed update, RAG or percentage
in the sheet becomes a new ProgressUpdate, as the append-only rule requires. Actions
missing from the sheet are deleted only when the person confirming asked for it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from wellboard.core.decidim_writing import write_import_csv, write_results_csv
from wellboard.core.spreadsheet_roundtrip import ChangeSet, write_workbook
from wellboard.exchange.export import export_strategy
from wellboard.exchange.references import References
from wellboard.strategy.delivery_cache import deferred_refresh
from wellboard.strategy.models import (
    Action,
    ActionBoard,
    ActionIndicator,
    ActionOrganisation,
    Plan,
    Priority,
    ProgressUpdate,
    Strategy,
    Theme,
)

SHEET_AUTHOR = "Plan spreadsheet"


class ApplyError(Exception):
    """The plan changed since the sheet was read; the whole apply is rolled back."""


def export_workbook(strategy: Strategy) -> bytes:
    return write_workbook(export_strategy(strategy))


def export_results_csv(strategy: Strategy, layout: str = "export") -> str:
    """The main plan as Decidim results: its export layout, or ("import") its import layout."""
    document = export_strategy(strategy)
    return write_import_csv(document) if layout == "import" else write_results_csv(document)


class _Places:
    """Themes and priorities of the main plan by title, created when a sheet names new ones."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.themes = {t.title: t for t in reversed(list(plan.themes.all()))}
        self.priorities = {
            (p.theme.title, p.title): p
            for p in reversed(list(Priority.objects.in_plan(plan).select_related("theme")))
        }

    def priority(self, theme_title: str, priority_title: str) -> Priority:
        key = (theme_title, priority_title)
        if key not in self.priorities:
            theme = self.themes.get(theme_title)
            if theme is None:
                theme = Theme.objects.create(
                    plan=self.plan, title=theme_title, position=self.plan.themes.count()
                )
                self.themes[theme_title] = theme
            self.priorities[key] = Priority.objects.create(
                theme=theme, title=priority_title, position=theme.priorities.count()
            )
        return self.priorities[key]


def _set_links(action: Action, values: dict[str, Any], refs: References) -> None:
    """Rewrite whichever of leads/supporting, boards and codes the sheet changed."""
    if "leads" in values or "supporting" in values:
        leads = values.get("leads", action.lead_labels())
        supporting = values.get("supporting", action.supporting_labels())
        action.organisation_links.all().delete()
        pairs = [(label, True) for label in leads] + [(label, False) for label in supporting]
        ActionOrganisation.objects.bulk_create(
            ActionOrganisation(
                action=action, organisation=refs.organisation(label), is_lead=lead, position=i
            )
            for i, (label, lead) in enumerate(pairs)
        )
    if "boards" in values:
        action.board_links.all().delete()
        ActionBoard.objects.bulk_create(
            ActionBoard(action=action, board=refs.board(name), position=i)
            for i, name in enumerate(values["boards"])
        )
    if "indicator_codes" in values:
        action.indicator_links.all().delete()
        ActionIndicator.objects.bulk_create(
            ActionIndicator(action=action, indicator=refs.indicator(code), position=i)
            for i, code in enumerate(values["indicator_codes"])
        )


def _add_update(action: Action, update: dict[str, Any], user: Any, today: date) -> None:
    name = (user.get_full_name() or user.get_username()) if user is not None else SHEET_AUTHOR
    ProgressUpdate.objects.create(
        action=action,
        date=today,
        text=update["text"],
        rag=update.get("rag") or "",
        percent_complete=update.get("percent_complete"),
        author=user,
        author_name=name,
    )
    if update.get("percent_complete") is not None:
        action.percent_complete = update["percent_complete"]
        action.save(update_fields=["percent_complete", "updated_at"])


def _change_action(
    action: Action, fields: dict[str, list[Any]], refs: References, places: _Places
) -> None:
    new = {key: pair[1] for key, pair in fields.items()}
    if "theme" in new or "priority" in new:
        theme = new.get("theme", action.priority.theme.title)
        target = places.priority(theme, new.get("priority", action.priority.title))
        if target != action.priority:
            action.priority = target
            action.position = target.actions.count()
    if "title" in new:
        action.title = new["title"]
    if "due_text" in new:
        action.set_due(new["due_text"])
    if "outcome_measures" in new:
        action.outcome_measures = new["outcome_measures"]
    action.version += 1
    action.save()
    _set_links(action, new, refs)


def _edited_since_preview(action: Action, fields: dict[str, list[Any]]) -> list[str]:
    """The fields the sheet changes whose value in the plan is no longer the one the
    preview compared against: someone edited them between preview and confirm."""
    now: dict[str, Any] = {
        "title": action.title,
        "due_text": action.due_text,
        "outcome_measures": action.outcome_measures,
        "theme": action.priority.theme.title,
        "priority": action.priority.title,
        "leads": action.lead_labels(),
        "supporting": action.supporting_labels(),
        "boards": [link.board.name for link in action.board_links.all()],
        "indicator_codes": [link.indicator.code for link in action.indicator_links.all()],
    }
    return [key for key, (old, _) in fields.items() if key in now and now[key] != old]


def _free_ref(priority: Priority, taken: set[str]) -> str:
    number = priority.actions.count() + 1
    while f"{priority.ref or 'new'}.{number}" in taken:
        number += 1
    return f"{priority.ref or 'new'}.{number}"


def _create_action(
    priority: Priority, data: dict[str, Any], refs: References, taken: set[str]
) -> Action:
    action = Action(
        priority=priority,
        ref=data["ref"] or _free_ref(priority, taken),
        title=data["title"],
        outcome_measures=data["outcome_measures"],
        percent_complete=data["percent_complete"],
        position=priority.actions.count(),
    )
    action.set_due(data["due_text"])
    action.save()
    taken.add(action.ref)
    _set_links(action, data, refs)
    return action


@deferred_refresh()
def apply_changes(
    strategy: Strategy, changes: ChangeSet, *, delete_missing: bool, user: Any, today: date
) -> dict[str, int]:
    """Apply a sheet's changes to the strategy's main plan (call inside a transaction)."""
    main = strategy.main_plan
    if main is None:
        raise ApplyError("the strategy has no plan to update")
    refs = References(strategy.partnership)
    found = Action.objects.in_plan(main).active().select_related("priority__theme")
    by_ref = {a.ref: a for a in reversed(list(found.order_by("id"))) if a.ref}
    places = _Places(main)
    for change in changes["changed"]:
        action = by_ref.get(change["ref"])
        if action is None:
            raise ApplyError(
                f"action {change['ref']} is no longer in the plan: read the sheet again"
            )
        moved = _edited_since_preview(action, change["fields"])
        if moved:
            raise ApplyError(
                f"action {change['ref']} was edited after the preview ({', '.join(moved)}): "
                "upload the sheet again to see the changes against the plan as it is now"
            )
        if change["fields"]:
            _change_action(action, change["fields"], refs, places)
        if change["update"]:
            _add_update(action, change["update"], user, today)
    taken = set(by_ref)
    for new in changes["new"]:
        action = _create_action(
            places.priority(new["theme"], new["priority"]), new["action"], refs, taken
        )
        for update in new["action"]["updates"]:
            _add_update(action, update, user, today)
    deleted = 0
    if delete_missing:
        # Archived, never deleted: their updates, reviews and comments stay (issue #12).
        for missing in changes["missing"]:
            if missing["ref"] in by_ref:
                by_ref[missing["ref"]].archive(user)
                deleted += 1
    return {"changed": len(changes["changed"]), "new": len(changes["new"]), "deleted": deleted}
