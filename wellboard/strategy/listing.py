"""The action list: filters read from the query string, the matching actions, CSV export.

Every filter, status included, is applied in the database over each action's kept
delivery (wellboard/strategy/current.py), so the page reads one page of rows (PAGE_SIZE),
as values with the total counted in the same query (strategy/led.py's rows), and the CSV
streams the matching rows in chunks, whatever the size of the plans.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import QueryDict, StreamingHttpResponse

from wellboard.accounts.permissions import scoped
from wellboard.base.ids import is_id
from wellboard.core.delivery import status_words
from wellboard.core.spreadsheet_cells import csv_cell
from wellboard.strategy.current import status_filter
from wellboard.strategy.delivery import ActionState
from wellboard.strategy.delivery_current import current_state
from wellboard.strategy.led import LedState, first_states
from wellboard.strategy.models import (
    Action,
    ActionBoard,
    ActionOrganisation,
    DeliveryStatus,
    ProgressUpdate,
)
from wellboard.strategy.querysets import PlanPartQuerySet

PAGE_SIZE = 50
LAST_PAGE_ASKED = 1_000_000  # a page number above this is past the end of any list
CSV_CHUNK = 500

CSV_COLUMNS = [
    "id", "ref", "title", "theme", "priority", "lead organisations", "lead officer",
    "due", "due end", "role", "status", "percent", "suggested status", "latest update date",
    "latest update", "no update for 90 days", "url",
]  # fmt: skip


@dataclass
class ActionFilters:
    strategy: int | None = None
    theme: int | None = None
    board: int | None = None
    lead: int | None = None
    role_type: int | None = None  # "role" in the query string: a role type's id
    status: str = ""
    due_before: dt.date | None = None
    due_after: dt.date | None = None
    q: str = ""

    @classmethod
    def from_query(cls, query: QueryDict) -> tuple[ActionFilters, list[str]]:
        """Parse leniently: a bad value is reported and ignored, never a server error."""
        errors: list[str] = []
        found = cls(q=query.get("q", "").strip()[:200])
        for name in ("strategy", "theme", "board", "lead"):
            raw = query.get(name, "")
            if raw:
                if is_id(raw):
                    setattr(found, name, int(raw))
                else:
                    errors.append(f"{name} must be a number")
        for name in ("due_before", "due_after"):
            raw = query.get(name, "")
            if raw:
                try:
                    setattr(found, name, dt.date.fromisoformat(raw))
                except ValueError:
                    errors.append(f"{name.replace('_', ' ')} must be a date like 2027-03-31")
        role, status = query.get("role", ""), query.get("status", "")
        if role and not is_id(role):
            errors.append("role must be a number")
        elif role:
            found.role_type = int(role)
        if status and status not in [*DeliveryStatus.values, "stale"]:
            errors.append("status is not a known status")
        elif status:
            found.status = status
        return found, errors

    def matching(self, user: Any, on: dt.date) -> PlanPartQuerySet[Action]:
        """The matching actions, every filter in SQL (`on`: for status), in no order.

        Links (boards, lead organisations) and updates are asked about with EXISTS, never
        joined, so an action is one row however many links match: no DISTINCT, and the
        page's COUNT counts the actions' own rows.
        """
        actions = scoped(Action, user, Action.objects.filter(archived_at__isnull=True)).active()
        if self.status:
            actions = actions.filter(status_filter(self.status, on))
        if self.strategy is not None:
            actions = actions.in_strategy(self.strategy)
        if self.theme is not None:
            actions = actions.in_theme(self.theme)
        lookups = {"due_end__lt": self.due_before, "due_end__gt": self.due_after}
        actions = actions.filter(**{k: v for k, v in lookups.items() if v is not None})
        if self.board is not None:
            boards = ActionBoard.objects.filter(action=OuterRef("pk"), board_id=self.board)
            actions = actions.filter(Exists(boards))
        if self.lead is not None:
            leads = ActionOrganisation.objects.filter(
                action=OuterRef("pk"), organisation_id=self.lead, is_lead=True
            )
            actions = actions.filter(Exists(leads))
        if self.role_type:
            actions = actions.filter(role_type_id=self.role_type)
        return actions.filter(self._search()) if self.q else actions

    def _search(self) -> Q:
        in_updates = ProgressUpdate.objects.filter(action=OuterRef("pk"), text__icontains=self.q)
        return (
            Q(title__icontains=self.q)
            | Q(description__icontains=self.q)
            | Q(outcome_measures__icontains=self.q)
            | Q(ref__iexact=self.q)
            | Q(Exists(in_updates))
        )

    def queryset(self, user: Any, on: dt.date) -> QuerySet[Action]:
        """The matching actions in plan order, with what the CSV and the API show."""
        found = self.matching(user, on).select_related(
            "lead_officer", "role_type", "current_update", "priority__theme"
        )
        return found.prefetch_related("organisation_links__organisation").in_plan_order()

    def page(self, user: Any, on: dt.date, asked: str | None) -> Page:
        """The page of rows asked for (?page=N) as Django's paginator gives it (the first
        for a page that is not a number, the last for one past the end), each row read as
        values with only what the list's table shows (strategy/led.py) and the total in
        the same query: two queries, where a count, the rows and their links were three."""
        ordered = self.matching(user, on).in_plan_order()
        number = _page_number(asked)
        if 1 <= number <= LAST_PAGE_ASKED:
            rows, total = first_states(ordered[(number - 1) * PAGE_SIZE :], on, PAGE_SIZE)
            if rows or number == 1:
                return _page(rows, number, total)
        # Past the end (or below 1): the last page, as Paginator.get_page answers.
        last = max(1, -(-ordered.count() // PAGE_SIZE))
        rows, total = first_states(ordered[(last - 1) * PAGE_SIZE :], on, PAGE_SIZE)
        return _page(rows, last, total)

    def states(self, user: Any, on: dt.date) -> Iterator[ActionState]:
        """Every matching action's state, read a chunk at a time (for the CSV)."""
        for action in self.queryset(user, on).iterator(chunk_size=CSV_CHUNK):
            yield current_state(action, on)


def _page_number(asked: str | None) -> int:
    """?page= as Paginator.validate_number reads it; not a whole number: the first page."""
    try:
        return int(asked)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 1


def _page(rows: list[LedState], number: int, total: int) -> Page:
    """A paginator's page of rows already read, its count the total counted with them."""
    paginator = Paginator(rows, PAGE_SIZE)
    # `count` is a cached property: given here instead of asked of the database.
    paginator.count = total
    return Page(rows, number, paginator)


class _Line:
    """What csv.writer writes to: hands back the line instead of keeping it."""

    def write(self, line: str) -> str:
        return line


def csv_response(states: Iterator[ActionState], base_url: str) -> StreamingHttpResponse:
    """The rows as they are read: a large list never sits whole in memory."""
    writer = csv.writer(_Line())
    lines = (writer.writerow(_csv_row(s, base_url)) for s in states)
    response = StreamingHttpResponse(
        _with_header(writer.writerow(CSV_COLUMNS), lines), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="actions.csv"'
    return response


def _with_header(header: str, lines: Iterator[str]) -> Iterator[str]:
    yield header
    yield from lines


def _csv_row(s: ActionState, base_url: str) -> list[str]:
    a, latest = s.action, s.latest
    return list(
        map(
            csv_cell,
            [
                a.pk,
                a.ref,
                a.title,
                a.priority.theme.title,
                a.priority.title,
                "; ".join(a.lead_labels()),
                a.lead_officer.name if a.lead_officer else "",
                a.due_text,
                a.due_end.isoformat() if a.due_end else "",
                a.role_type.name if a.role_type else "",
                status_words(s.status),
                s.percent,
                status_words(s.suggested) if s.suggested else "",
                latest.date.isoformat() if latest and latest.date else "",
                latest.text if latest else "",
                "yes" if s.stale else "no",
                base_url + a.get_absolute_url(),
            ],
        )
    )
