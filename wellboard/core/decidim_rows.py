"""Decidim results rows -> a plan's priorities and actions (export layout columns), with
warnings for what a row could not give rather than failing on it (see decidim.py)."""

from __future__ import annotations

import html
import re
from datetime import date
from typing import Any

from wellboard.core.decidim_columns import IGNORED_PREFIXES, STATUS_RAG, first_column

UPDATE_TEXT = "Imported from Decidim: {status}"

_TAG = re.compile(r"<[^<>]*>")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}")
_UK_DAY = re.compile(r"^(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})$")


def _plain(text: str) -> str:
    """Decidim stores descriptions as HTML from its editor; a plan holds plain text."""
    with_breaks = re.sub(r"</p>|<br\s*/?>", "\n", text, flags=re.IGNORECASE)
    lines = (
        " ".join(html.unescape(_TAG.sub(" ", line)).split()) for line in with_breaks.split("\n")
    )
    return "\n".join(line for line in lines if line)


class ResultsReader:
    """Builds the document from the rows; collects warnings rather than failing on a row."""

    def __init__(self, shown: str, headers: list[str]) -> None:
        self.shown = shown
        self.warnings: list[str] = []
        self.title_col = first_column(headers, "title", "title/en", prefix="title/") or ""
        self.description_col = first_column(
            headers, "description", "description/en", prefix="description/"
        )
        self.status_col = first_column(
            headers, "status/name/en", "status/name", "status", prefix="status/name/"
        )
        ignored = sorted({h for h in headers if h.startswith(IGNORED_PREFIXES)})
        if ignored:
            self.warnings.append(
                f"Decidim columns ignored (categories and scopes are not plan structure): "
                f"{', '.join(ignored)}"
            )

    def read(self, rows: list[dict[str, str]]) -> list[dict[str, Any]]:
        results: dict[str, dict[str, str]] = {}
        for number, row in enumerate(rows, start=2):
            rid = row.get("id", "").strip()
            if not rid or not row.get(self.title_col, "").strip():
                self.warnings.append(f"row {number}: no id or no title, skipped")
                continue
            if rid in results:
                self.warnings.append(f"row {number}: id {rid} repeated, skipped")
                continue
            results[rid] = row
        children: dict[str, list[str]] = {rid: [] for rid in results}
        tops: list[str] = []
        for rid in results:
            top = self._top_of(rid, results)
            (tops if top == rid else children[top]).append(rid)
        return [self._priority(n, rid, results, children[rid]) for n, rid in enumerate(tops, 1)]

    def _top_of(self, rid: str, results: dict[str, dict[str, str]]) -> str:
        seen = [rid]
        current = rid
        while parent := results[current].get("parent/id", "").strip():
            if parent not in results:
                self.warnings.append(f"result {current}: parent {parent} is not in the file")
                break
            if parent in seen:
                self.warnings.append(f"result {rid}: its parents form a loop")
                return rid
            seen.append(parent)
            current = parent
        if len(seen) > 2:
            self.warnings.append(f"result {rid}: nested {len(seen) - 1} deep, placed as an action")
        return current

    def _priority(
        self, number: int, rid: str, results: dict[str, dict[str, str]], kids: list[str]
    ) -> dict[str, Any]:
        row = results[rid]
        actions = [self._action(f"1.{number}.{i}", results[k]) for i, k in enumerate(kids, 1)]
        description = _plain(row.get(self.description_col or "", ""))
        if not actions and self._has_progress(row):
            description = "\n".join(filter(None, [description, self._progress_note(row)]))
        return {
            "ref": f"1.{number}",
            "title": row[self.title_col].strip(),
            "description": description,
            "actions": actions,
        }

    def _progress_note(self, row: dict[str, str]) -> str:
        """A childless result's dates, status and progress, as a line of its priority."""
        dates = " to ".join(row[k].strip() for k in ("start_date", "end_date") if row.get(k))
        status = row.get(self.status_col or "", "").strip()
        progress = row.get("progress", "").strip()
        parts = [dates, status, f"{progress.rstrip('%')}% complete" if progress else ""]
        return "In Decidim: " + ", ".join(p for p in parts if p)

    def _has_progress(self, row: dict[str, str]) -> bool:
        keys = ("start_date", "end_date", "progress", self.status_col or "")
        return any(row.get(key, "").strip() for key in keys if key)

    def _action(self, ref: str, row: dict[str, str]) -> dict[str, Any]:
        where = f"result {row['id'].strip()}"
        start = self._date(row.get("start_date", ""), where)
        end = self._date(row.get("end_date", ""), where)
        percent = self._percent(row.get("progress", ""), where)
        status = row.get(self.status_col or "", "").strip()
        rag = STATUS_RAG.get(" ".join(status.lower().replace("_", " ").split()))
        if status and rag is None:
            self.warnings.append(f"{where}: status {status!r} not understood, kept as a note")
        written = [t for t in (row.get("start_date", ""), row.get("end_date", "")) if t.strip()]
        action: dict[str, Any] = {
            "ref": ref,
            "title": row[self.title_col].strip(),
            "description": _plain(row.get(self.description_col or "", "")),
            "due_text": " to ".join(t.strip() for t in written),
            "due_start": start.isoformat() if start else None,
            "due_end": end.isoformat() if end else None,
            "due_precision": "range" if start and end and start != end else "day" if end else "",
            "percent_complete": percent,
            "updates": [],
        }
        if status or percent is not None:
            text = UPDATE_TEXT.format(status=status or "progress")
            action["updates"] = [{"text": text, "rag": rag, "percent_complete": percent}]
        return action

    def _date(self, text: str, where: str) -> date | None:
        text = text.strip()
        if not text:
            return None
        try:
            if _ISO.match(text):
                return date.fromisoformat(text[:10])
            if m := _UK_DAY.match(text):
                return date(int(m["y"]), int(m["m"]), int(m["d"]))
        except ValueError:
            pass
        self.warnings.append(
            f"{where}: date {text!r} is not a YYYY-MM-DD or dd/mm/yyyy date, ignored"
        )
        return None

    def _percent(self, text: str, where: str) -> int | None:
        text = text.strip().rstrip("%")
        if not text:
            return None
        try:
            value = float(text)
        except ValueError:
            value = -1.0
        if not 0 <= value <= 100:
            self.warnings.append(f"{where}: progress {text!r} is not 0-100, ignored")
            return None
        return round(value)
