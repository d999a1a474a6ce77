"""The cells an action contributes to a report table, worded as board papers word them."""

from __future__ import annotations

from wellboard.core.delivery import STATUS_WORDS
from wellboard.reports.document import Cell
from wellboard.strategy.delivery import ActionState
from wellboard.strategy.models import Action, ProgressUpdate

# One vocabulary on pages, reports and exports (wellboard.core.delivery.STATUS_WORDS).
STATUS_SHORT = STATUS_TEXT = STATUS_WORDS
UPDATES_SHOWN = 3  # the latest few updates tell the story; older ones are in the history


def format_date(value: object) -> str:
    return value.strftime("%-d %b %Y") if value else ""  # type: ignore[attr-defined]


def update_line(update: ProgressUpdate) -> str:
    when = format_date(update.date) or update.date_text or "Undated"
    return f"{when}: {update.text}".strip()


def latest_updates(action: Action, limit: int = UPDATES_SHOWN) -> list[ProgressUpdate]:
    updates = [u for u in action.updates.all() if u.text]
    return sorted(updates, key=ProgressUpdate.sort_key, reverse=True)[:limit]


def last_update(action: Action) -> ProgressUpdate | None:
    updates = latest_updates(action, 1)
    return updates[0] if updates else None


def number(state: ActionState) -> Cell:
    return Cell.of(state.action.ref)


def title(state: ActionState) -> Cell:
    return Cell.of(state.action.title)


def who(state: ActionState) -> Cell:
    action = state.action
    lines = []
    if leads := action.lead_labels():
        lines.append(f"Lead: {', '.join(leads)}")
    if supporting := action.supporting_labels():
        lines.append(f"Supported by: {', '.join(supporting)}")
    if action.lead_officer:
        lines.append(f"Officer: {action.lead_officer.name}")
    if action.role_type is not None:
        # In words, in every format: a role type is never a colour a reader could take
        # for a RAG status.
        lines.append(f"Partnership's role: {action.role_type.name}")
    return Cell(tuple(lines))


def due(state: ActionState) -> Cell:
    action = state.action
    return Cell.of(action.due_text or format_date(action.due_end) or "Not set")


def measures(state: ActionState) -> Cell:
    return Cell.of(state.action.outcome_measures)


def progress(state: ActionState) -> Cell:
    lines = tuple(update_line(u) for u in latest_updates(state.action))
    return Cell(lines or ("No update yet.",))


def status(state: ActionState) -> Cell:
    lines = [STATUS_TEXT.get(state.status, state.status)]
    if state.status != "complete":
        lines.append(f"{state.percent}% complete")
    if state.stale and state.status != "complete":
        lines.append("No update for 90 days")
    return Cell(tuple(lines), state.status)


def indicators(state: ActionState) -> Cell:
    return Cell(tuple(link.indicator.code for link in state.action.indicator_links.all()))


def lead_organisation(action: Action) -> str:
    leads = action.lead_labels()
    return leads[0] if leads else ""
