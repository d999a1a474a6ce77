"""The body of an action as the API reads it, written without a serializer per row.

The action list is read by integrations page after page; through `ActionSerializer`
each action cost a serializer's field lookups, attribute resolution and a nested
serializer for its milestones, a quarter of the list's CPU. `read_bodies` writes the same
fields in the same order with the same values: dates and times through the very DRF
fields the serializer uses (ISO 8601, times in the project's time zone), null where the
serializer gives null. ActionSerializer stays the definition (the schema, the writes);
tests/api/test_action_reads.py holds these bodies byte for byte to it.
"""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from wellboard.api.serializers import ActionSerializer
from wellboard.strategy.delivery import ActionState
from wellboard.strategy.models import Action

_DATE = serializers.DateField()
_TIME = serializers.DateTimeField()
FIELDS = (
    "id", "priority", "ref", "title", "description", "lead_officer",
    "lead_officer_name", "lead_organisations", "supporting_organisations", "boards",
    "due_text", "due_start", "due_end", "due_precision", "ongoing", "to_be_agreed",
    "outcome_measures", "role_type", "weight", "version", "status", "percent", "stale",
    "latest_update_date", "milestones", "archived_at", "updated_at",
)  # fmt: skip
assert tuple(ActionSerializer.Meta.fields) == FIELDS, "the body follows the serializer"


def _date(value: Any) -> Any:
    return None if value is None else _DATE.to_representation(value)


def _time(value: Any) -> Any:
    return None if value is None else _TIME.to_representation(value)


def read_bodies(actions: list[Action], states: dict[int, ActionState]) -> list[dict[str, Any]]:
    """Each action's body, as ActionSerializer(actions, many=True) writes it."""
    return [_body(action, states[action.pk]) for action in actions]


def _body(action: Action, state: ActionState) -> dict[str, Any]:
    links = action.organisation_links.all()
    officer = action.lead_officer
    latest = state.latest
    return {
        "id": action.pk,
        "priority": action.priority_id,
        "ref": action.ref,
        "title": action.title,
        "description": action.description,
        "lead_officer": action.lead_officer_id,
        "lead_officer_name": officer.name if officer else "",
        "lead_organisations": [link.organisation_id for link in links if link.is_lead],
        "supporting_organisations": [link.organisation_id for link in links if not link.is_lead],
        "boards": [link.board_id for link in action.board_links.all()],
        "due_text": action.due_text,
        "due_start": _date(action.due_start),
        "due_end": _date(action.due_end),
        "due_precision": action.due_precision,
        "ongoing": action.ongoing,
        "to_be_agreed": action.to_be_agreed,
        "outcome_measures": action.outcome_measures,
        "role_type": action.role_type.key if action.role_type else None,
        "weight": action.weight,
        "version": action.version,
        "status": state.status,
        "percent": state.percent,
        "stale": state.stale,
        "latest_update_date": latest.date if latest and latest.date else None,
        "milestones": [
            {
                "id": m.pk,
                "title": m.title,
                "due_text": m.due_text,
                "due_end": _date(m.due_end),
                "done_on": _date(m.done_on),
            }
            for m in action.milestones.all()
        ],
        "archived_at": _time(action.archived_at),
        "updated_at": _time(action.updated_at),
    }
