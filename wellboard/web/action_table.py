"""The table of actions drawn in Python, for every page that lists actions (the list,
theme and priority pages through "strategy/_action_table.jinja"; "my actions" and the
dashboard through the Jinja global).

Through the template each row set a cell with a block, called two macros and `url()`
and went through `forms.table`: for a lead of a 400-action plan (180 rows) that was most
of "my actions"' time once its rows were read light (issue #17). This builds the same
cells, reverses the action address once per table, and fills them into the row that
`tables.table_html` (the NHS.UK table drawn in Python) draws around marker cells.
tests/web/test_action_table.py and tests/strategy/test_action_rows.py hold it to the
markup the macros drew (tests/strategy/macro_table.py), for model-backed states, the
action list's light rows and strategy/led.py's rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache
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


def _cells(state: Any, address: tuple[str, str]) -> list[str]:
    """The row's five cell contents, escaped and stripped as `tables.table_html` does."""
    action = state.action
    return [
        str(_action_cell(action, address)).strip(),
        str(escape(", ".join(action.lead_labels()))).strip(),
        str(escape(action.due_text or "")).strip(),
        str(status_tag(state.status, state.stale)).strip(),
        f"{state.percent}%",
    ]


def _marker_row(marks: list[str]) -> list[Any]:
    """A row of marker cells, the action and status cells as markup like the real ones."""
    action, status = Markup(marks[0]), Markup(marks[3])  # noqa: S704 - our own markers
    return [{"html": action}, marks[1], marks[2], {"html": status}, marks[4]]


@cache
def _pattern() -> tuple[str, tuple[str, ...], str]:
    """`table_html`'s table around one row of marker cells, cut into the part before the
    rows, the row's pieces between its cells, and the part after: each row is then the
    pieces and its cells interleaved, the same markup without drawing every cell's
    attributes again (most of the time a 180-row table took). Drawn once per process: it
    depends on nothing but the constants above (the theme page draws a table per
    priority, and drawing this was a third of each table's time)."""
    marks = [f"\x00{i}\x00" for i in range(len(HEAD))]
    drawn = table_html(
        HEAD,
        [_marker_row(marks)],
        caption="Actions",
        caption_classes="nhsuk-u-visually-hidden",
        responsive=True,
    )
    assert drawn is not None, "every cell above is one table_html draws"
    html = str(drawn)  # plain text from here, so adding cells never escapes them again
    start = html.rindex("<tr", 0, html.index(marks[0]))
    end = html.index("</tr>", html.index(marks[-1])) + len("</tr>")
    row = html[start:end]
    pieces = []
    for mark in marks:
        piece, row = row.split(mark)
        pieces.append(piece)
    return html[:start], (*pieces, row), html[end:]


def action_table(states: Iterable[Any]) -> Markup:
    """The table of the given action states (`ActionState` or strategy/led.py's
    `LedState`: each has `action`, `status`, `stale` and `percent`), or the line saying
    there are none."""
    chosen: Sequence[Any] = list(states)
    if not chosen:
        return NOTHING
    address = _address()
    before, pieces, after = _pattern()
    rows = []
    for state in chosen:
        cells = _cells(state, address)
        rows.append("".join(p + c for p, c in zip(pieces, [*cells, ""], strict=True)))
    return Markup(before + "\n".join(rows) + after)  # noqa: S704 - cells escaped in _cells
