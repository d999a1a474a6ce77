"""Parameters of the NHS.UK select and input macros for filter and search forms that are
not Django forms (web/forms.jinja's `select` and `text_input`).

They were built by loops in the templates and drawn by the macros on every request: the
action list's filter form (six drop-downs of a partnership's strategies, themes, boards,
organisations and role types) was about a quarter of the list page's CPU. Built here as
plain dicts of strings, they are what web/drawn_once.py keys its cache by, so each
distinct form field (its options, labels and the option chosen) is drawn by the macro
once and then reused; a field whose options or choice change is a different key.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from markupsafe import soft_str


def select_params(
    name: str,
    label: str,
    choices: Iterable[Sequence[Any]],
    current: Any,
    id: str | None = None,
    blank: str | None = None,
    classes: str | None = None,
) -> dict[str, Any]:
    """The select macro's parameters: (value, label) choices, `current` selected (compared
    as text, as the query string gives it), a first option `blank` with the value ""."""
    items: list[dict[str, Any]] = [] if blank is None else [{"value": "", "text": blank}]
    chosen = None if current is None else soft_str(current)
    for value, text in choices:
        shown = soft_str(value)
        items.append({"value": shown, "text": text, "selected": shown == chosen})
    return {
        "id": id or name,
        "name": name,
        "label": {"text": label},
        "items": items,
        "classes": classes,
    }


def input_params(
    name: str,
    label: str,
    value: Any = "",
    type: str = "text",
    id: str | None = None,
    hint: str | None = None,
    width: int | str | None = None,
    classes: str | None = None,
) -> dict[str, Any]:
    """The input macro's parameters; a search box is not spell-checked."""
    return {
        "id": id or name,
        "name": name,
        "type": type,
        "label": {"text": label},
        "value": value if value is not None else "",
        "hint": {"text": hint} if hint else None,
        "width": width,
        "classes": classes,
        "spellcheck": False if type == "search" else None,
    }
