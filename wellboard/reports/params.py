"""What a report is asked for, parsed from the command line, a web form or a task's JSON.

Every name or id is resolved within the strategy's own partnership, so a parameter can
never reach another partnership's board, theme or organisation.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any, TypeVar

from django.db import models
from django.db.models import Q, QuerySet

from wellboard.partnerships.models import GovernanceBoard, Organisation
from wellboard.strategy.models import Strategy, Theme

M = TypeVar("M", bound=models.Model)

KINDS = {
    "delivery": "Delivery plan report",
    "annual": "Annual implementation report",
    "exceptions": "Exception report",
}


class ReportError(ValueError):
    """Bad report parameters, worded for the person who gave them."""


@dataclass(frozen=True)
class ReportParams:
    kind: str
    strategy: Strategy
    as_of: date
    year: int | None = None
    board: GovernanceBoard | None = None
    theme: Theme | None = None
    organisation: Organisation | None = None
    since: date | None = None  # the previous meeting (exceptions) or report (annual)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ReportError(f"unknown report {self.kind!r}: use {', '.join(KINDS)}")
        if self.since and self.since >= self.as_of:
            raise ReportError("the previous meeting must be before the report date")

    @property
    def title(self) -> str:
        return KINDS[self.kind]

    def with_as_of(self, as_of: date) -> ReportParams:
        return replace(self, as_of=as_of)

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "strategy": self.strategy.pk,
            "as_of": self.as_of.isoformat(),
            "year": self.year,
            "board": self.board.pk if self.board else None,
            "theme": self.theme.pk if self.theme else None,
            "organisation": self.organisation.pk if self.organisation else None,
            "since": self.since.isoformat() if self.since else None,
        }

    def describe_filters(self) -> list[tuple[str, str]]:
        filters = [
            ("Theme", self.theme.title if self.theme else ""),
            ("Governance board", self.board.name if self.board else ""),
            ("Lead organisation", self.organisation.name if self.organisation else ""),
        ]
        return [(label, value) for label, value in filters if value]


# Reports work out financial years and quarters around a date; far outside the years a
# plan can cover that arithmetic overflows (9999-12-31) or means nothing (0001-01-01).
FIRST_DATE = date(1990, 1, 1)
LAST_DATE = date(2100, 12, 31)
DATE_RANGE_MESSAGE = "Enter a date between 1990 and 2100"


def check_date(value: date | None, label: str) -> date | None:
    if value is not None and not FIRST_DATE <= value <= LAST_DATE:
        raise ReportError(f"{label} {value.isoformat()}: {DATE_RANGE_MESSAGE.lower()}")
    return value


def parse_date(text: str | None, label: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ReportError(f"{label} {text!r} is not a date: use YYYY-MM-DD") from None


def parse_year(value: str | int | None) -> int | None:
    if value is None or value == "":
        return None
    try:
        year = int(value)
    except (TypeError, ValueError):
        raise ReportError(f"year {value!r} is not a year: use YYYY") from None
    if not 1990 <= year <= 2100:
        raise ReportError(f"year {year} is out of range")
    return year


def _by_pk(queryset: QuerySet[M], pk: int, label: str) -> M:
    """Ids (from forms and task JSON) match by primary key only, never by name."""
    match = queryset.filter(pk=pk).first()
    if match is None:
        raise ReportError(f"no {label} with id {pk} here")
    return match


def find_board(strategy: Strategy, value: str | int | None) -> GovernanceBoard | None:
    """A board by id, name or short name, within the strategy's partnership."""
    if value in (None, ""):
        return None
    boards = GovernanceBoard.objects.filter(partnership_id=strategy.partnership_id)
    if isinstance(value, int):
        return _by_pk(boards, value, "governance board")
    text = str(value).strip()
    match = boards.filter(Q(name__iexact=text) | Q(short_name__iexact=text)).first()
    if match is None and text.isdigit():
        match = boards.filter(pk=int(text)).first()
    if match is None:
        raise ReportError(f"no governance board {text!r} in {strategy.partnership.name}")
    return match


def find_organisation(strategy: Strategy, value: str | int | None) -> Organisation | None:
    if value in (None, ""):
        return None
    organisations = Organisation.objects.filter(partnership_id=strategy.partnership_id)
    if isinstance(value, int):
        return _by_pk(organisations, value, "organisation")
    text = str(value).strip()
    match = organisations.filter(Q(name__iexact=text) | Q(acronym__iexact=text)).first()
    if match is None and text.isdigit():
        match = organisations.filter(pk=int(text)).first()
    if match is None:
        raise ReportError(f"no organisation {text!r} in {strategy.partnership.name}")
    return match


def find_theme(strategy: Strategy, value: str | int | None) -> Theme | None:
    """A theme of the strategy's main plan, by id or reference."""
    if value in (None, ""):
        return None
    themes = Theme.objects.in_strategy(strategy).active()
    if isinstance(value, int):
        return _by_pk(themes, value, "theme")
    text = str(value).strip()
    match = themes.filter(ref__iexact=text).first()
    if match is None and text.isdigit():
        match = themes.filter(pk=int(text)).first()
    if match is None:
        raise ReportError(f"no theme {text!r} in this strategy")
    return match


def build_params(
    *,
    kind: str,
    strategy: Strategy,
    today: date,
    as_of: str | date | None = None,
    year: str | int | None = None,
    board: str | int | None = None,
    theme: str | int | None = None,
    organisation: str | int | None = None,
    since: str | date | None = None,
) -> ReportParams:
    """Resolve raw values (strings from a form, the CLI or JSON) into parameters."""
    as_of_date = as_of if isinstance(as_of, date) else parse_date(as_of, "as-of date")
    since_date = since if isinstance(since, date) else parse_date(since, "previous meeting")
    check_date(as_of_date, "as-of date")
    check_date(since_date, "previous meeting")
    return ReportParams(
        kind=kind,
        strategy=strategy,
        as_of=as_of_date or today,
        year=parse_year(year),
        board=find_board(strategy, board),
        theme=find_theme(strategy, theme),
        organisation=find_organisation(strategy, organisation),
        since=since_date,
    )


def params_from_json(data: dict[str, Any], strategy: Strategy, today: date) -> ReportParams:
    return build_params(
        kind=str(data.get("kind", "")),
        strategy=strategy,
        as_of=data.get("as_of"),
        today=today,
        year=data.get("year"),
        board=data.get("board"),
        theme=data.get("theme"),
        organisation=data.get("organisation"),
        since=data.get("since"),
    )
