"""A plan through a spreadsheet and back: export to .xlsx, edit, re-import as changes.

Officers keep plans in Excel, so the board's administrator can send each lead the
sheet, collect it back and apply what changed. One row per action of the main
plan; actions are matched by their ``ref``, which is why the Ref column must be
left alone. Reading the sheet back never deletes or rewrites history: the diff
lists changed fields, new rows and actions missing from the sheet, and a changed
"Latest update", status or percentage becomes a *new* progress update.

Pure Python (openpyxl), so the diff is testable without a database; the Django
side (``wellboard.imports.roundtrip``) applies it.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypedDict

import openpyxl
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.datavalidation import DataValidation

from wellboard.core.delivery import STATUS_WORDS
from wellboard.core.indicator_codes import normalise_codes
from wellboard.core.parsing import PlanImportError
from wellboard.core.parsing.checked import CheckedFile, as_checked
from wellboard.core.parsing.safety import DEFAULT_LIMITS, Limits
from wellboard.core.spreadsheet_cells import fits_in_cell, xlsx_text

SHEET_TITLE = "Actions"
# (header, key, width): the header row is also how a round-trip sheet is recognised.
COLUMNS: tuple[tuple[str, str, int], ...] = (
    ("Ref", "ref", 10),
    ("Theme", "theme", 28),
    ("Priority", "priority", 36),
    ("Action", "title", 60),
    ("Leads", "leads", 22),
    ("Supporting", "supporting", 22),
    ("Due", "due_text", 16),
    ("Outcome measures", "outcome_measures", 40),
    ("Boards", "boards", 22),
    ("Indicator codes", "indicator_codes", 20),
    ("Latest update", "update_text", 60),
    ("Status", "rag", 18),
    ("Percent complete", "percent", 10),
)
HEADERS = tuple(header for header, _, _ in COLUMNS)
# Sheets written before the one vocabulary (issue #11.7) named the status column "RAG";
# officers may still send one back, so it is read as the same sheet.
OLD_HEADERS = tuple("RAG" if header == "Status" else header for header in HEADERS)
LIST_KEYS = ("leads", "supporting", "boards")
ACTION_FIELDS = ("title", "leads", "supporting", "due_text", "outcome_measures", "boards")
PLACE_FIELDS = ("theme", "priority")
# The statuses a lead can give, in the words every page and report uses.
RAG_LABELS = {
    rag: STATUS_WORDS[rag] for rag in ("red", "amber", "green", "complete", "not_started")
}
_RAG_READ = {label.lower(): rag for rag, label in RAG_LABELS.items()} | {
    # what officers type, and what sheets written before the one vocabulary said
    "red": "red",
    "amber": "amber",
    "green": "green",
    "off track": "red",
    "at risk": "amber",
    "on track": "green",
    "completed": "complete",
    "r": "red",
    "a": "amber",
    "g": "green",
    "not started": "not_started",
}
STATUS_ONLY_TEXT = "Status changed in the plan spreadsheet."


class Change(TypedDict):
    ref: str
    title: str
    fields: dict[str, list[Any]]
    update: dict[str, Any] | None


class NewAction(TypedDict):
    row: int
    theme: str
    priority: str
    action: dict[str, Any]


class Missing(TypedDict):
    ref: str
    title: str


class ChangeSet(TypedDict):
    changed: list[Change]
    new: list[NewAction]
    missing: list[Missing]
    warnings: list[str]


@dataclass
class SheetRow:
    number: int
    values: dict[str, Any] = field(default_factory=dict)


# --- writing -------------------------------------------------------------------------


def _latest(action: dict[str, Any]) -> tuple[dict[str, Any] | None, str | None]:
    """The newest update (undated ones count as oldest) and the newest RAG status."""
    updates = list(enumerate(action.get("updates", [])))
    newest = max(updates, key=lambda p: (p[1].get("date") or "", p[0]), default=None)
    rated = [p for p in updates if p[1].get("rag")]
    newest_rated = max(rated, key=lambda p: (p[1].get("date") or "", p[0]), default=None)
    return (newest[1] if newest else None, newest_rated[1]["rag"] if newest_rated else None)


def _percent(action: dict[str, Any]) -> int | None:
    if action.get("percent_complete") is not None:
        return int(action["percent_complete"])
    known = [
        u["percent_complete"]
        for u in action.get("updates", [])
        if u.get("percent_complete") is not None
    ]
    return int(known[-1]) if known else None


def action_row(
    theme: dict[str, Any], priority: dict[str, Any], action: dict[str, Any]
) -> dict[str, Any]:
    """The sheet's values for one action, as the officer sees them."""
    update, rag = _latest(action)
    return {
        "ref": action.get("ref", ""),
        "theme": theme["title"],
        "priority": priority["title"],
        "title": action["title"],
        "leads": list(action.get("leads", [])),
        "supporting": list(action.get("supporting", [])),
        "due_text": action.get("due_text", ""),
        "outcome_measures": action.get("outcome_measures", ""),
        "boards": list(action.get("boards", [])),
        "indicator_codes": list(action.get("indicator_codes", [])),
        "update_text": update["text"] if update else "",
        "rag": rag,
        "percent": _percent(action),
    }


def document_rows(document: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        action_row(theme, priority, action)
        for theme in document.get("themes", [])
        for priority in theme.get("priorities", [])
        for action in priority.get("actions", [])
    ]


def _cell_text(key: str, value: Any) -> Any:
    if key in LIST_KEYS:
        return "; ".join(value)
    if key == "indicator_codes":
        return "; ".join(value)
    if key == "rag":
        return RAG_LABELS.get(value or "", "")
    return "" if value is None else value


def write_workbook(document: dict[str, Any]) -> bytes:
    """The main plan's actions as an .xlsx workbook, one row each."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = SHEET_TITLE
    sheet.append(list(HEADERS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for number, row in enumerate(document_rows(document), start=2):
        for column, (_, key, _) in enumerate(COLUMNS, start=1):
            value = fits_in_cell(_cell_text(key, row[key]))  # never cut by openpyxl
            cell = sheet.cell(row=number, column=column, value=value)
            xlsx_text(cell)  # plan text, never a formula Excel would run
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for column, (_, _, width) in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[openpyxl.utils.get_column_letter(column)].width = width
    sheet.freeze_panes = "B2"
    rag_column = openpyxl.utils.get_column_letter(HEADERS.index("Status") + 1)
    choices = DataValidation(type="list", formula1=f'"{",".join(RAG_LABELS.values())}"')
    choices.add(f"{rag_column}2:{rag_column}{max(sheet.max_row, 2) + 200}")
    sheet.add_data_validation(choices)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# --- reading -------------------------------------------------------------------------


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return f"{value.day} {value:%B %Y}"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.replace("\n", ";").split(";") if part.strip()]


def _codes(text: str) -> list[str]:
    """National codes normalised ("ASCOF 1A, 1B" is two); a local indicator's name kept."""
    codes: list[str] = []
    for part in _split(text):
        for code in normalise_codes(part) or [part]:
            if code not in codes:
                codes.append(code)
    return codes


def _header(values: Iterable[Any]) -> tuple[str, ...]:
    return tuple(_text(v) for v in values)[: len(HEADERS)]


def looks_like_roundtrip(source: Path | CheckedFile, filename: str | None = None) -> bool:
    """Whether an .xlsx file is a plan sheet this module wrote (by its header row).

    A checked upload's workbook is opened once and left open for the reader tried next.
    """
    try:
        checked = as_checked(source, filename, kind="xlsx")
        if checked.kind != "xlsx":
            return False
        first = checked.workbook().worksheets[0]
        row = next(first.iter_rows(max_row=1, values_only=True), ())
        return _header(row) in (HEADERS, OLD_HEADERS)
    except Exception:
        return False


def read_sheet(
    source: Path | CheckedFile, filename: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> list[SheetRow]:
    """The sheet's rows as values by key; PlanImportError when it is not a plan sheet."""
    checked = as_checked(source, filename, kind="xlsx", limits=limits)
    shown, limits = checked.name, checked.limits
    try:
        book = checked.workbook()
    except Exception as exc:
        raise PlanImportError(
            shown, f"the Excel workbook is damaged ({type(exc).__name__})"
        ) from exc
    try:
        rows = book.worksheets[0].iter_rows(values_only=True)
        if _header(next(rows, ())) not in (HEADERS, OLD_HEADERS):
            raise PlanImportError(
                shown, f"not a Wellboard plan sheet: the first row must be {', '.join(HEADERS)}"
            )
        result: list[SheetRow] = []
        for number, values in enumerate(rows, start=2):
            if number > limits.max_rows:
                break
            texts = [_text(v) for v in values[: len(COLUMNS)]]
            texts += [""] * (len(COLUMNS) - len(texts))
            if any(texts):
                keys = [key for _, key, _ in COLUMNS]
                result.append(SheetRow(number, dict(zip(keys, texts, strict=True))))
        return result
    except PlanImportError:
        raise
    except Exception as exc:
        raise PlanImportError(
            shown, f"the Excel workbook is damaged ({type(exc).__name__})"
        ) from exc


def _sheet_values(row: SheetRow, warnings: list[str]) -> dict[str, Any]:
    """A row's values in the document's types; bad status or percent are warned and dropped."""
    values = dict(row.values)
    for key in LIST_KEYS:
        values[key] = _split(values[key])
    values["indicator_codes"] = _codes(values["indicator_codes"])
    rag_text = values["rag"].strip().lower()
    values["rag"] = _RAG_READ.get(rag_text) if rag_text else None
    if rag_text and values["rag"] is None:
        warnings.append(
            f"row {row.number}: status {row.values['rag']!r} not understood, ignored "
            f"(use one of: {', '.join(RAG_LABELS.values())})"
        )
    percent_text = values["percent"].rstrip("%").strip()
    values["percent"] = None
    if percent_text:
        try:
            number = round(float(percent_text))
        except ValueError:
            number = -1
        if 0 <= number <= 100:
            values["percent"] = number
        else:
            warnings.append(f"row {row.number}: percent {percent_text!r} is not 0-100, ignored")
    return values


# --- comparing -----------------------------------------------------------------------


def _compare(old: dict[str, Any], new: dict[str, Any], number: int, warnings: list[str]) -> Change:
    fields: dict[str, list[Any]] = {}
    for key in (*ACTION_FIELDS, *PLACE_FIELDS, "indicator_codes"):
        if key in ("title", *PLACE_FIELDS) and not new[key]:
            if old[key]:
                warnings.append(f"row {number}: {key} left blank, kept as it was")
            continue
        if old[key] != new[key]:
            fields[key] = [old[key], new[key]]
    text_changed = bool(new["update_text"]) and new["update_text"] != old["update_text"]
    rag_changed = new["rag"] is not None and new["rag"] != old["rag"]
    percent_changed = new["percent"] is not None and new["percent"] != old["percent"]
    update = None
    if text_changed or rag_changed or percent_changed:
        update = {
            "text": new["update_text"] if text_changed else STATUS_ONLY_TEXT,
            "rag": new["rag"] if new["rag"] is not None else old["rag"],
            "percent_complete": new["percent"],
        }
    return Change(ref=old["ref"], title=old["title"], fields=fields, update=update)


def _new_action(values: dict[str, Any]) -> dict[str, Any]:
    action = {key: values[key] for key in (*ACTION_FIELDS, "indicator_codes")}
    action["ref"] = values["ref"]
    action["percent_complete"] = values["percent"]
    action["updates"] = []
    if values["update_text"] or values["rag"] or values["percent"] is not None:
        text = values["update_text"] or STATUS_ONLY_TEXT
        action["updates"] = [
            {"text": text, "rag": values["rag"], "percent_complete": values["percent"]}
        ]
    return action


def diff_sheet(document: dict[str, Any], rows: list[SheetRow]) -> ChangeSet:
    """What the edited sheet changes in the document's main plan, matched by action ref.

    A row whose ref is blank or unknown is a new action, placed under the theme and
    priority it names (or those of the row above when left blank); an action of the
    plan whose ref is absent from the sheet is reported as missing, never deleted here.
    """
    warnings: list[str] = []
    current: dict[str, dict[str, Any]] = {}
    for row in document_rows(document):
        if row["ref"] and row["ref"] in current:
            warnings.append(f"ref {row['ref']} is used by two actions: only the first is matched")
        if row["ref"]:
            current.setdefault(row["ref"], row)
    seen: set[str] = set()
    changeset = ChangeSet(changed=[], new=[], missing=[], warnings=warnings)
    place = ("", "")
    for sheet_row in rows:
        values = _sheet_values(sheet_row, warnings)
        place = (values["theme"] or place[0], values["priority"] or place[1])
        ref = values["ref"]
        if ref in seen:
            warnings.append(f"row {sheet_row.number}: ref {ref} appears twice, row ignored")
            continue
        if ref in current:
            seen.add(ref)
            change = _compare(current[ref], values, sheet_row.number, warnings)
            if change["fields"] or change["update"]:
                changeset["changed"].append(change)
            continue
        if not values["title"] or not all(place):
            warnings.append(f"row {sheet_row.number}: no action, theme or priority, row ignored")
            continue
        if ref:
            warnings.append(f"row {sheet_row.number}: ref {ref} is not in the plan, added as new")
            seen.add(ref)
        changeset["new"].append(
            NewAction(
                row=sheet_row.number, theme=place[0], priority=place[1], action=_new_action(values)
            )
        )
    changeset["missing"] = [
        Missing(ref=ref, title=row["title"]) for ref, row in current.items() if ref not in seen
    ]
    return changeset


def is_empty(changeset: ChangeSet) -> bool:
    return not (changeset["changed"] or changeset["new"] or changeset["missing"])
