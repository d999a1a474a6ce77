"""Plan exchange documents -> Decidim CSV files: the results export layout and the layout
Decidim's accountability import reads (see decidim.py for the mapping rule)."""

from __future__ import annotations

import csv
import io
from typing import Any

from wellboard.core.decidim_columns import EXPORT_COLUMNS, IMPORT_COLUMNS, RAG_STATUS
from wellboard.core.spreadsheet_cells import csv_cell


def import_rows(document: dict[str, Any]) -> list[dict[str, str]]:
    """The main plan in Decidim's import layout: refs as external ids, ISO dates."""
    rows: list[dict[str, str]] = []
    for export in result_rows(document):
        ref = export.get("ref", "")
        rows.append(
            {
                **dict.fromkeys(IMPORT_COLUMNS, ""),
                "external_id": ref,
                "parent_external_id": export.get("parent_ref", ""),
                "start_date": export["start_date"],
                "end_date": export["end_date"],
                "progress": export["progress"],
                "title_en": export["title/en"],
                "description_en": export["description/en"],
            }
        )
    return rows


def write_import_csv(document: dict[str, Any]) -> str:
    """The document in the layout Decidim's accountability import reads."""
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=IMPORT_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows({k: csv_cell(v) for k, v in row.items()} for row in import_rows(document))
    return out.getvalue()


def _latest_rag(action: dict[str, Any]) -> str | None:
    """The rag of the newest update that has one (undated ones count as oldest)."""
    rated = [u for u in action.get("updates", []) if u.get("rag")]
    if not rated:
        return None
    return max(enumerate(rated), key=lambda p: (p[1].get("date") or "", p[0]))[1]["rag"]


def _action_percent(action: dict[str, Any]) -> int | None:
    if action.get("percent_complete") is not None:
        return int(action["percent_complete"])
    percents = [
        u["percent_complete"]
        for u in action.get("updates", [])
        if u.get("percent_complete") is not None
    ]
    return int(percents[-1]) if percents else None


def result_rows(document: dict[str, Any]) -> list[dict[str, str]]:
    """One row per priority and action of the main plan, ids numbered from 1."""
    rows: list[dict[str, str]] = []
    for theme in document.get("themes", []):
        for priority in theme.get("priorities", []):
            parent_id = str(len(rows) + 1)
            parent = dict.fromkeys(EXPORT_COLUMNS, "")
            parent_ref = priority.get("ref") or f"P{parent_id}"
            parent.update({"id": parent_id, "title/en": priority["title"], "ref": parent_ref})
            parent["description/en"] = priority.get("description", "")
            rows.append(parent)
            percents: list[int] = []
            for action in priority.get("actions", []):
                percent = _action_percent(action)
                if percent is not None:
                    percents.append(percent)
                rag = _latest_rag(action)
                rows.append(
                    {
                        "id": str(len(rows) + 1),
                        "parent/id": parent_id,
                        "title/en": action["title"],
                        "description/en": action.get("description", ""),
                        "start_date": action.get("due_start") or "",
                        "end_date": action.get("due_end") or "",
                        "status/name/en": RAG_STATUS[rag] if rag else "",
                        "progress": "" if percent is None else str(percent),
                        "ref": action.get("ref") or f"A{len(rows) + 1}",
                        "parent_ref": parent_ref,
                    }
                )
            if percents:
                parent["progress"] = str(round(sum(percents) / len(percents)))
    return rows


def write_results_csv(document: dict[str, Any]) -> str:
    """The document as a Decidim results CSV (comma-separated, as Decidim writes it)."""
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=EXPORT_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(
        {k: csv_cell(v) for k, v in row.items() if k in EXPORT_COLUMNS}
        for row in result_rows(document)
    )
    return out.getvalue()
