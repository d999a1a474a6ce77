"""The neutral shape of a report, which every renderer (HTML, PDF, Word, Excel) draws.

Report services decide *what* a board paper says; renderers decide only how each block
looks in their format. A new report therefore needs no renderer changes, and the four
formats cannot drift apart in content.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from importlib import resources

_RAG_RULE = re.compile(r"\.wb-rag--(\w+) \{ background: #(\w{6}); color: #(\w{6}); \}")


def _status_colours() -> dict[str, tuple[str, str]]:
    """Status -> (tint, ink) as hex, read from renderers/rag.css, the one place they are
    written, so that Word, Excel, the PDF and the web pages cannot disagree."""
    css = resources.files("wellboard.reports").joinpath("renderers/rag.css").read_text("utf-8")
    return {name: (tint.upper(), ink.upper()) for name, tint, ink in _RAG_RULE.findall(css)}


STATUS_COLOURS: dict[str, tuple[str, str]] = _status_colours()
# Bar colours for charts, stronger than the cell tints so thin segments stay visible.
CHART_COLOURS: dict[str, str] = {
    "complete": "005EB8",
    "green": "007F3B",
    "amber": "FFB81C",
    "red": "D5281B",
    "not_started": "AEB7BD",
    "overdue": "6B140E",
}


@dataclass(frozen=True)
class Cell:
    """A table cell: lines of text, and a status when the cell is RAG-coloured."""

    lines: tuple[str, ...] = ()
    status: str = ""

    @classmethod
    def of(cls, text: str, status: str = "") -> Cell:
        return cls((text,) if text else (), status)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class BulletList:
    items: tuple[str, ...]


@dataclass(frozen=True)
class HeaderBlock:
    """Label/value pairs above a table: THEME, LEAD HWB MEMBER, PRIORITY ACTION, ..."""

    items: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Table:
    """A table; an "actions" table has one row per action and `context` naming where
    each row sits in the plan, so a spreadsheet can list every action on one sheet."""

    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    kind: str = "summary"
    context_columns: tuple[str, ...] = ()
    context: tuple[tuple[str, ...], ...] = ()
    widths: tuple[int, ...] = ()  # relative column widths; renderers scale them
    caption: str = ""


@dataclass(frozen=True)
class Series:
    name: str
    key: str  # a status, for its colour
    values: tuple[int, ...]


@dataclass(frozen=True)
class StackedBarChart:
    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]

    def total(self, index: int) -> int:
        return sum(s.values[index] for s in self.series)


Block = Heading | Paragraph | BulletList | HeaderBlock | Table | StackedBarChart


@dataclass
class Report:
    kind: str
    title: str
    subtitle: str
    as_of: date
    meta: list[tuple[str, str]] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    landscape: bool = True

    def add(self, *blocks: Block) -> None:
        self.blocks.extend(blocks)

    def tables(self, kind: str | None = None) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table) and kind in (None, b.kind)]

    @property
    def filename_stem(self) -> str:
        return f"{self.kind}-report-{self.as_of.isoformat()}"
