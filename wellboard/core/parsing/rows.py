"""Turning one table row under a known header into themes, priorities and actions.

The rules are in plan_builder's docstring; actions.py shares a row's cells out among the
actions of its action cell.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from wellboard.core.parsing.actions import (
    build_actions,
    lead_groups,
    merge_continuation,
    row_codes,
)
from wellboard.core.parsing.as_above import AsAbove
from wellboard.core.parsing.cells import BULLET, is_as_above, is_bulleted
from wellboard.core.parsing.headers import HeaderMap
from wellboard.core.parsing.outline import Outline
from wellboard.core.parsing.role_colours import row_colour
from wellboard.core.parsing.table_model import Cell, filled_cells
from wellboard.core.parsing.text_rules import split_items, sub_plan_title

ACTION_DATA_FIELDS = (
    "ref",
    "lead",
    "lead_officer",
    "supporting",
    "due",
    "measures",
    "progress",
    "rag",
    "percent",
    "links",
    "indicator_codes",
)
REF_MAX_CHARS = 12


class RowReader:
    """Reads rows into the outline, carrying "as above" values from row to row."""

    def __init__(self, outline: Outline, warn: Callable[[str], None]) -> None:
        self.outline = outline
        self.warn = warn
        self.as_above = AsAbove()
        self.shaded: list[tuple[dict[str, Any], str]] = []  # actions and their row's colour
        self.colour = ""

    def read(self, row: list[Cell], header: HeaderMap) -> None:
        outline = self.outline
        filled = [(i, c) for i, c in filled_cells(row) if not c.spanned]
        if is_theme_row(filled, row, header):
            outline.new_theme(filled[0][1].text)
            return
        self.colour = row_colour(row)
        values = self.as_above.resolve(row_values(row, header), self.warn)
        theme_text = "\n".join(values.get("theme", []))
        if theme_text and not is_as_above(theme_text) and not outline.is_current_theme(theme_text):
            outline.new_theme(theme_text)
        priority_text = "\n".join(values.get("priority", []))
        if (
            priority_text
            and not is_as_above(priority_text)
            and not outline.is_current_priority(priority_text)
        ):
            outline.new_priority(priority_text)
        self._actions(values)

    def _actions(self, values: dict[str, list[str]]) -> None:
        paragraphs = values.get("action", [])
        has_data = any(values.get(key) for key in ACTION_DATA_FIELDS)
        if not paragraphs:
            if has_data or values.get("governance"):
                self._continuation(values)
            return
        priority = self.outline.ensure_priority()
        if not has_data and (plan := sub_plan_title(paragraphs)):
            priority.sub_plan = plan
            if plan not in self.outline.sub_plans:
                self.outline.sub_plans.append(plan)
            return
        if not has_data and paragraphs[-1].endswith(":") and not any(map(is_bulleted, paragraphs)):
            priority.description.append("\n".join(paragraphs))
            return
        introduction, items = split_items(paragraphs)
        if introduction:
            items = _with_lead_in(introduction, items, values)
        actions = build_actions(items, values, self.warn)
        for action in actions:
            self.as_above.remember(action["ref"], values)
            if self.colour:
                self.shaded.append((action, self.colour))
        self.as_above.remember(" ".join(values.get("ref", [])), values)
        priority.actions.extend(actions)
        if actions:
            self.outline.last_action = actions[-1]

    def _continuation(self, values: dict[str, list[str]]) -> None:
        outline = self.outline
        if (
            outline.last_action is not None
            and outline.priority
            and outline.last_action in outline.priority.actions
        ):
            merge_continuation(outline.last_action, values, self.warn)
            return
        priority = outline.ensure_priority()
        measures = "\n".join(values.get("measures", []))
        if measures:
            # A strategy's priorities table: indicators belong to the priority itself.
            priority.description.append(f"Indicators: {measures}")
            theme = outline.ensure_theme()
            theme.indicators.extend(
                c for c in row_codes(values, self.warn) if c not in theme.indicators
            )
        else:
            self.warn("data with no action above it, ignored")


def is_theme_row(filled: list[tuple[int, Cell]], row: list[Cell], header: HeaderMap) -> bool:
    """Only the first cell filled: a theme heading row inside the table.

    Under a priority or theme column (or an unrecognised one) that is enough.
    Under an action or "No." column the cell must also be merged across the
    row, or (for "No.") be too long for a ref, since an action may well have
    no other data yet.
    """
    if len(filled) != 1 or filled[0][0] != 0:
        return False
    first_field = header.fields[0] if header.fields else None
    if first_field in (None, "theme", "priority"):
        return True
    if len(row) > 1 and row[1].spanned:
        return True
    return first_field == "ref" and len(filled[0][1].text) > REF_MAX_CHARS


def row_values(row: list[Cell], header: HeaderMap) -> dict[str, list[str]]:
    values: dict[str, list[str]] = {}
    for index, cell in enumerate(row):
        if index >= len(header.fields) or cell.empty:
            continue
        name = header.fields[index]
        if name and name != "ignore":
            values.setdefault(name, []).extend(cell.paragraphs)
    return values


def _with_lead_in(
    introduction: str, items: list[list[str]], values: dict[str, list[str]]
) -> list[list[str]]:
    """A lead-in sentence and its sub-points ("... including:" then bullets) in one cell.

    They are one action, the sub-points staying in its description, unless the lead
    cell gives each sub-point its own lead (then each is an action that keeps the
    lead-in after its own text). The lead-in never goes to the priority's description.
    """
    lead_cells = [key for key in ("lead", "lead_officer", "due") if values.get(key)]
    if (
        len(items) > 1
        and lead_cells
        and all(len(lead_groups(values[key])) == len(items) for key in lead_cells)
    ):
        return [[*item, introduction] for item in items]
    points = [f"{BULLET} {' '.join(item)}" for item in items]
    return [[introduction, *points]]
