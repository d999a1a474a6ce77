"""Decidim's import layout (result_id, parent_id, external ids, title_<locale>) as the
results export layout's columns, so that one reader reads both (see decidim.py)."""

from __future__ import annotations


def _locale_column(headers: list[str], stem: str) -> str | None:
    return next((h for h in (f"{stem}_en", *headers) if h in headers and h.startswith(stem)), None)


def from_import_layout(
    headers: list[str], rows: list[dict[str, str]]
) -> tuple[list[str], list[dict[str, str]], list[str]]:
    """Decidim's import layout as the export layout's columns, with what was left out.

    Rows are keyed by result id, or by external id when a row has none; a parent is
    looked up by its result id, else by its external id.
    """
    title = _locale_column(headers, "title_") or "title_en"
    description = _locale_column(headers, "description_")
    by_external = {
        row.get("external_id", "").strip(): _row_id(row) for row in rows if row.get("external_id")
    }
    converted = []
    for row in rows:
        parent = row.get("parent_id", "").strip()
        external_parent = row.get("parent_external_id", "").strip()
        if not parent and external_parent:
            parent = by_external.get(external_parent, f"external {external_parent}")
        converted.append(
            {
                "id": _row_id(row),
                "parent/id": parent,
                "title": row.get(title, ""),
                "description": row.get(description or "", ""),
                "start_date": row.get("start_date", ""),
                "end_date": row.get("end_date", ""),
                "progress": row.get("progress", ""),
            }
        )
    notes = []
    left_out = [
        h
        for h in ("decidim_category_id", "decidim_scope_id", "proposal_ids")
        if any(r.get(h, "").strip() for r in rows)
    ]
    if left_out:
        notes.append(f"Decidim columns ignored (not plan structure): {', '.join(left_out)}")
    if any(r.get("decidim_accountability_status_id", "").strip() for r in rows):
        notes.append(
            "Decidim status ids are numbers only your Decidim can name: statuses not imported"
        )
    columns = ["id", "parent/id", "title", "description", "start_date", "end_date", "progress"]
    return columns, converted, notes


def _row_id(row: dict[str, str]) -> str:
    rid = row.get("result_id", "").strip()
    external = row.get("external_id", "").strip()
    return rid or (f"external {external}" if external else "")
