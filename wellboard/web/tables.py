"""The NHS.UK data table drawn in Python, for `forms.table` in web/forms.jinja.

The NHS.UK frontend's table macro builds every cell through three nested macros, an
attribute macro and indent filters: on the first page of the action list (50 rows) it
took three quarters of the server's time (issue #17). This writes the same elements,
classes and roles for the keys the project's tables use (a cell's "text", "html",
"href", "format" and "colspan"; a heading's "text", "html", "format" and "colspan"), in
one pass. Anything else returns None and the template falls back to the NHS.UK macro, so
a new kind of cell is drawn correctly before it is drawn fast. tests/web/test_tables.py
holds the two to the same markup.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from markupsafe import Markup, escape

KNOWN = frozenset({"text", "html", "href", "format", "colspan"})


def _cell(item: Any) -> Mapping[str, Any] | None:
    """A cell as the NHS.UK macro reads it; None for a value it leaves out."""
    if isinstance(item, Mapping):
        return item
    if isinstance(item, str):
        return {"text": item, "html": item if isinstance(item, Markup) else None}
    return None


def _value(cell: Mapping[str, Any]) -> str:
    """Its markup (trusted) or its text (escaped), stripped as the macro strips it."""
    html, text = cell.get("html"), cell.get("text")
    if html:
        return str(html).strip()
    return str(escape(text)).strip() if text else ""


def _content(cell: Mapping[str, Any]) -> str:
    value = _value(cell)
    href = cell.get("href")
    return f'<a class="nhsuk-link" href="{escape(href)}">{value}</a>' if href else value


def _attributes(pairs: Iterable[tuple[str, Any]]) -> str:
    return "".join(f' {name}="{escape(value)}"' for name, value in pairs if value)


def _head(items: list[Mapping[str, Any]], responsive: bool) -> str:
    cells = []
    for item in items:
        numeric = " nhsuk-table__header--numeric" if item.get("format") == "numeric" else ""
        attributes = _attributes(
            [
                ("class", f"nhsuk-table__header{numeric}"),
                ("scope", "col"),
                ("role", "columnheader" if responsive else None),
                ("colspan", None if responsive else item.get("colspan")),
            ]
        )
        cells.append(f"<th{attributes}>{_content(item)}</th>")
    role = ' role="rowgroup"' if responsive else ""
    row_role = ' role="row"' if responsive else ""
    return (
        f'<thead class="nhsuk-table__head"{role}><tr class="nhsuk-table__row"{row_role}>'
        + "\n".join(cells)
        + "</tr></thead>"
    )


def _body_cell(
    cell: Mapping[str, Any], header: Mapping[str, Any], first: bool, flags: tuple[bool, bool]
) -> str:
    first_is_header, responsive = flags
    as_header = first and first_is_header
    base = "nhsuk-table__header" if as_header else "nhsuk-table__cell"
    classes = base
    if (cell.get("format") or header.get("format")) == "numeric":
        classes += f" {base}--numeric"
    if cell.get("format") == "string" and header.get("format") == "numeric":
        classes += " nhsuk-u-text-align-right"
    role = ("rowheader" if as_header else "cell") if responsive else None
    attributes = _attributes(
        [
            ("class", classes),
            ("scope", "row" if as_header else None),
            ("role", role),
            ("colspan", None if responsive else cell.get("colspan")),
        ]
    )
    content = _content(cell)
    if responsive:
        heading = f'<span class="nhsuk-table__heading" aria-hidden="true">{_value(header)} </span>'
        content = heading + (f"<span>{content}</span>" if cell.get("html") else content)
    element = "th" if as_header else "td"
    return f"<{element}{attributes}>{content}</{element}>"


def table_html(
    head: list[Any],
    rows: list[list[Any]],
    *,
    caption: Any = None,
    caption_classes: str = "",
    first_cell_is_header: bool = False,
    responsive: bool = False,
    id: str | None = None,  # the macro's own name for it
    classes: str | None = None,
) -> Markup | None:
    """The table, or None when a cell or heading uses a key this does not draw."""
    headers = [_cell(item) for item in head]
    body = [[_cell(item) for item in row] for row in rows]
    given = [c for c in headers if c is not None] + [c for r in body for c in r if c is not None]
    if any(not KNOWN.issuperset(c) for c in given):
        return None
    table_classes = "nhsuk-table" + (" nhsuk-table--responsive" if responsive else "")
    table_classes += f" {classes}" if classes else ""
    attributes = _attributes(
        [("class", table_classes), ("id", id), ("role", "table" if responsive else None)]
    )
    parts = [f"<table{attributes}>"]
    if caption:
        caption_class = f"nhsuk-table__caption {caption_classes}".strip()
        parts.append(f'<caption class="{escape(caption_class)}">{escape(caption)}</caption>')
    if head:
        parts.append(_head([c for c in headers if c is not None], responsive))
    parts.append('<tbody class="nhsuk-table__body">')
    row_role = ' role="row"' if responsive else ""
    flags = (first_cell_is_header, responsive)
    for row in body:
        cells = [
            _body_cell(cell, _header_of(head, index), index == 0, flags)
            for index, cell in enumerate(row)
            if cell is not None
        ]
        parts.append(f'<tr class="nhsuk-table__row"{row_role}>' + "\n".join(cells) + "</tr>")
    parts.append("</tbody></table>")
    return Markup("\n".join(parts))  # noqa: S704 - every text above is escaped


def _header_of(head: list[Any], index: int) -> Mapping[str, Any]:
    """The heading above a column, as the macro reads it for the responsive label."""
    found = _cell(head[index]) if index < len(head) else None
    return found or {}
