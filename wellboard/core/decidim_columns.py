"""Decidim CSV columns: both layouts' headers, how a file is recognised by its header, and
council status names <-> RAG (the mapping rule is in decidim.py)."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

from wellboard.core.parsing.checked import CheckedFile, decode_text

EXPORT_COLUMNS = (
    "id",
    "parent/id",
    "title/en",
    "description/en",
    "start_date",
    "end_date",
    "status/name/en",
    "progress",
)
IGNORED_PREFIXES = ("category", "scope")
IGNORED_PREFIXES = ("category", "scope")

# Decidim statuses are named by each council; these are the common names.
STATUS_RAG: dict[str, str] = {
    "completed": "complete",
    "complete": "complete",
    "finished": "complete",
    "done": "complete",
    "executed": "complete",
    "delivered": "complete",
    "not started": "not_started",
    "planned": "not_started",
    "pending": "not_started",
    "to do": "not_started",
    "in progress": "green",
    "ongoing": "green",
    "on going": "green",
    "on track": "green",
    "started": "green",
    "in execution": "green",
    "at risk": "amber",
    "delayed": "amber",
    "behind schedule": "amber",
    "on hold": "amber",
    "off track": "red",
    "cancelled": "red",
    "canceled": "red",
    "stopped": "red",
    "blocked": "red",
}
RAG_STATUS = {
    "complete": "Completed",
    "green": "In progress",
    "amber": "At risk",
    "red": "Off track",
    "not_started": "Not started",
}

IMPORT_COLUMNS = (
    "result_id",
    "decidim_category_id",
    "decidim_scope_id",
    "parent_id",
    "external_id",
    "parent_external_id",
    "start_date",
    "end_date",
    "decidim_accountability_status_id",
    "progress",
    "proposal_ids",
    "title_en",
    "description_en",
)


def header_key(header: str) -> str:
    return header.strip().lstrip("\ufeff").lower()


def first_column(headers: Iterable[str], *names: str, prefix: str = "") -> str | None:
    present = list(headers)
    for name in names:
        if name in present:
            return name
    if prefix:
        return next((h for h in present if h.startswith(prefix)), None)
    return None


def is_import_layout(headers: Iterable[str]) -> bool:
    """Decidim's import layout: result or external ids, a parent column, title_<locale>."""
    keys = [header_key(h) for h in headers]
    has_id = "result_id" in keys or "external_id" in keys
    has_parent = "parent_id" in keys or "parent_external_id" in keys
    return has_id and has_parent and any(k.startswith("title_") for k in keys)


def is_decidim_header(headers: Iterable[str]) -> bool:
    """True for a results export (id, parent/id, title) or Decidim's import layout."""
    keys = [header_key(h) for h in headers]
    title = first_column(keys, "title", prefix="title/")
    return ("id" in keys and "parent/id" in keys and title is not None) or is_import_layout(keys)


def looks_like_decidim(source: Path | CheckedFile) -> bool:
    """Whether a CSV file's header row is a Decidim results header (cheap: first line only)."""
    if isinstance(source, CheckedFile):
        first = source.data[:8192]
    else:
        try:
            with source.open("rb") as handle:
                first = handle.read(8192)
        except OSError:
            return False
    line = decode_text(first).splitlines()[0] if first else ""
    for delimiter in ",;\t":
        if is_decidim_header(next(csv.reader([line], delimiter=delimiter), [])):
            return True
    return False
