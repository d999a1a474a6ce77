"""The exchange format's maxLength for each text is the length of the column it is stored
in (issue #12.9), so `wellboard load` and the importers refuse a longer text in one line
naming it, instead of PostgreSQL failing the load on a too-long varchar.

Every string the schema describes must be mapped here: a property added to the schema
fails the test until it says where it is stored.
"""

from __future__ import annotations

from typing import Any

from django.db import models

from wellboard.core.exchange.schema import resolve, schema
from wellboard.core.limits import LONG_TEXT, PERSON_NAME
from wellboard.indicators.models import Indicator
from wellboard.partnerships.models import (
    GlossaryTerm,
    GovernanceBoard,
    Organisation,
    OtherStrategy,
    Partnership,
    Person,
)
from wellboard.partnerships.role_types import RoleType
from wellboard.strategy.models import (
    Action,
    ApprovalDecision,
    Milestone,
    Plan,
    Priority,
    ProgressUpdate,
    Strategy,
    Theme,
)

Stored = tuple[type[models.Model], str]
ORG, PERSON, BOARD = (Organisation, "name"), (Person, "name"), (GovernanceBoard, "name")
INDICATOR_CODE, OTHER_STRATEGY = (Indicator, "code"), (OtherStrategy, "title")

# Schema property ("def.property", "[]" for a list's items) -> the model field it fills.
STORED_IN: dict[str, Stored] = {
    "document.title": (Strategy, "title"),
    "document.summary": (Strategy, "summary"),
    "document.plan_title": (Plan, "title"),
    "document.plan_period": (Plan, "period"),
    "approval.body": (ApprovalDecision, "body"),
    "approval.note": (ApprovalDecision, "note"),
    "partnership.name": (Partnership, "name"),
    "partnership.area": (Partnership, "area"),
    "board.name": BOARD,
    "board.short_name": (GovernanceBoard, "short_name"),
    "board.description": (GovernanceBoard, "description"),
    "organisation.name": ORG,
    "organisation.acronym": (Organisation, "acronym"),
    "organisation.website": (Organisation, "website"),
    "member.name": PERSON,
    "member.job_title": (Person, "job_title"),
    "member.organisation": ORG,
    "member.email": (Person, "email"),
    "glossary_term.term": (GlossaryTerm, "term"),
    "glossary_term.meaning": (GlossaryTerm, "meaning"),
    "indicator.code": INDICATOR_CODE,
    "indicator.name": (Indicator, "name"),
    "indicator.unit": (Indicator, "unit"),
    "indicator.baseline_period": (Indicator, "baseline_period"),
    "indicator.target_text": (Indicator, "target_text"),
    "other_strategy.title": OTHER_STRATEGY,
    "other_strategy.owner": (OtherStrategy, "owner"),
    "other_strategy.url": (OtherStrategy, "url"),
    "plan.title": (Plan, "title"),
    "plan.period": (Plan, "period"),
    "theme.ref": (Theme, "ref"),
    "theme.title": (Theme, "title"),
    "theme.description": (Theme, "description"),
    "theme.lead_member": PERSON,
    "theme.indicators[]": INDICATOR_CODE,
    "priority.ref": (Priority, "ref"),
    "priority.title": (Priority, "title"),
    "priority.description": (Priority, "description"),
    "priority.lead_officer": PERSON,
    "priority.sub_plan": (Plan, "title"),
    "action.ref": (Action, "ref"),
    "action.title": (Action, "title"),
    "action.description": (Action, "description"),
    "action.leads[]": ORG,
    "action.lead_officer": PERSON,
    "action.supporting[]": ORG,
    "action.due_text": (Action, "due_text"),
    "action.due_precision": (Action, "due_precision"),
    "action.outcome_measures": (Action, "outcome_measures"),
    "action.boards[]": BOARD,
    "action.indicator_codes[]": INDICATOR_CODE,
    "action.links[]": OTHER_STRATEGY,
    "action.role_type": (RoleType, "name"),
    "milestone.title": (Milestone, "title"),
    "milestone.due_text": (Milestone, "due_text"),
    "update.date_text": (ProgressUpdate, "date_text"),
    "update.text": (ProgressUpdate, "text"),
    "update.author": (ProgressUpdate, "author_name"),
    "update.evidence_url": (ProgressUpdate, "evidence_url"),
}


def _is_string(spec: dict[str, Any]) -> bool:
    kind = spec.get("type")
    return kind == "string" or (isinstance(kind, list) and "string" in kind)


def schema_strings() -> dict[str, dict[str, Any]]:
    """Every string property of the format (and list of strings), by "def.property"."""
    found: dict[str, dict[str, Any]] = {}
    nodes = {"document": schema(), **schema()["$defs"]}
    for name, node in nodes.items():
        for key, raw in node.get("properties", {}).items():
            spec = resolve(raw)
            if spec.get("type") == "array":
                spec, key = resolve(spec.get("items", {})), key + "[]"
            if _is_string(spec) and not spec.get("enum"):
                found[f"{name}.{key}"] = spec
    return found


def test_every_text_of_the_format_says_where_it_is_stored() -> None:
    strings = schema_strings()
    assert len(strings) > 50
    assert sorted(set(strings) - set(STORED_IN)) == []
    assert sorted(set(STORED_IN) - set(strings)) == []


def test_each_texts_limit_is_its_columns() -> None:
    wrong = []
    for name, spec in schema_strings().items():
        model, field_name = STORED_IN[name]
        column = model._meta.get_field(field_name).max_length
        if spec.get("maxLength") != column:
            wrong.append(
                f"{name}: schema {spec.get('maxLength')}, {model.__name__}.{field_name} {column}"
            )
    assert not wrong, "; ".join(wrong)


def test_long_texts_share_the_one_limit() -> None:
    assert schema()["$defs"]["text"]["maxLength"] == LONG_TEXT
    assert schema_strings()["action.description"]["maxLength"] == LONG_TEXT


def test_a_persons_name_limit_is_the_person_column_the_importers_check_against() -> None:
    """core/parsing/headers.kv_pairs refuses a longer "Lead officer" value by PERSON_NAME."""
    assert Person._meta.get_field("name").max_length == PERSON_NAME
    assert resolve(schema()["$defs"]["priority"]["properties"]["lead_officer"]) == {
        "type": "string",
        "default": "",
        "maxLength": PERSON_NAME,
    }
