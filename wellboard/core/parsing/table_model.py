"""A neutral model of a document: paragraphs and tables in reading order.

Each reader (Word, Excel, CSV, text) turns its format into this model, and the
plan builder reads only this model, so the rules about themes, priorities and
actions are written once for every format.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Cell:
    """One grid cell; ``spanned`` marks the extra grid columns of a merged cell.

    ``shade``: the cell's shading as six hex digits (Word's w:shd fill), "" for none.
    """

    paragraphs: tuple[str, ...] = ()
    spanned: bool = False
    shade: str = ""

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)

    @property
    def empty(self) -> bool:
        return not self.paragraphs


@dataclass(slots=True)
class Table:
    """Rows of cells; ``label`` says where the table came from, for warnings."""

    rows: list[list[Cell]]
    label: str


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph outside tables.

    ``heading_level``: 0 for a title, 1-9 for headings, None for body text.
    ``role``: "sheet" for a spreadsheet's sheet name, which may name a theme
    but is never the document's title.
    """

    text: str
    heading_level: int | None = None
    bold: bool = False
    list_item: bool = False
    role: str = ""


Block = Paragraph | Table


@dataclass(slots=True)
class SourceDocument:
    blocks: list[Block] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def row_is_empty(row: list[Cell]) -> bool:
    return all(cell.empty for cell in row)


def filled_cells(row: list[Cell]) -> list[tuple[int, Cell]]:
    """Non-empty cells with their column positions."""
    return [(index, cell) for index, cell in enumerate(row) if not cell.empty]
