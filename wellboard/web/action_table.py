"""The table of actions ("strategy/_action_table.jinja") drawn in Python, for the pages
that show a lead officer's whole list: "my actions" and the dashboard.

Through the template each row set a cell with a block, called two macros and `url()`
and went through `forms.table`: for a lead of a 400-action plan (180 rows) that was most
of "my actions"' time once its rows were read light (issue #17). This builds the same
cells, reverses the action address once per table, and hands them to `tables.table_html`,
the NHS.UK table drawn in Python. tests/web/test_action_table.py holds it to the
template's markup, for model-backed states and for strategy/led.py's rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.urls import reverse
from markupsafe import Markup, escape

from wellboard.core.delivery import status_words
from wellboard.web.tables import table_html

HEAD = ["Action", "Lead", "Due", "Status", "Progress"]
NOTHING = Markup("<p>No actions match.</p>")
_MARK = 987654321  # an id no action has, cut out of one reversed address


def _address() -> tuple[str, str]:
    """The action page's address around its id: reverse() once, not once per row."""
    before, _, after = reverse("strategy:action", args=[_MARK]).partition(str(_MARK))
    return before, after


def _action_cell(action: Any, address: tuple[str, str]) -> Markup:
    href = f"{address[0]}{action.pk}{address[1]}"
    cell = f'<a href="{escape(href)}">{escape(action.ref)} {escape(action.title)}</a>'
    role = action.role_type
    if role:
        cell += (
            f'<br><span class="wb-role-type nhsuk-body-s"><span class="wb-role wb-colour--'
            f'{escape(role.colour)}" aria-hidden="true"></span>{escape(role.name)}</span>'
        )
    return Markup(cell)  # noqa: S704 - every value above is escaped


def status_tag(status: str, stale: bool) -> Markup:
    """`status_tag` of strategy/_macros.jinja."""
    tag = f'<strong class="wb-rag wb-rag--{escape(status)}">{escape(status_words(status))}</strong>'
    if stale:
        tag += ' <span class="nhsuk-body-s">(no update for 90 days)</span>'
    return Markup(tag)  # noqa: S704 - the status and its words are escaped


def _row(state: Any, address: tuple[str, str]) -> list[Any]:
    action = state.action
    return [
        {"html": _action_cell(action, address)},
        ", ".join(action.lead_labels()),
        action.due_text or "",
        {"html": status_tag(state.status, state.stale)},
        f"{state.percent}%",
    ]


def action_table(states: Iterable[Any]) -> Markup:
    """The table of the given action states (`ActionState` or strategy/led.py's
    `LedState`: each has `action`, `status`, `stale` and `percent`), or the line saying
    there are none."""
    chosen: Sequence[Any] = list(states)
    if not chosen:
        return NOTHING
    address = _address()
    rows = [_row(state, address) for state in chosen]
    drawn = table_html(
        HEAD,
        rows,
        caption="Actions",
        caption_classes="nhsuk-u-visually-hidden",
        responsive=True,
    )
    assert drawn is not None, "every cell above is one table_html draws"
    return drawn
