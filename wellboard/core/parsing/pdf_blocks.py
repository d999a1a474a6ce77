"""A PDF's pages as one stream of headings, paragraphs and tables, as Word would give.

Running headers and footers (page numbers, a line repeated on most pages) are left out;
a line set larger than the body text is a heading (the larger, the higher); wrapped lines
are one paragraph again; a table running over several pages is one table (each page's
part is appended to the part before when it has as many columns, its repeated header row
dropped, and a row cut by the page break joined to the row it started on).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from wellboard.core.parsing.cells import clean_cell
from wellboard.core.parsing.pdf_lines import NEW_PARAGRAPH, Line
from wellboard.core.parsing.table_model import Block, Cell, Paragraph, Table

HEADING_RATIO = 1.12
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d{1,4}(?:\s+of\s+\d{1,4})?$", re.IGNORECASE)
_CONTINUES = re.compile(r"^[a-z(,;:\-\u2013]")


@dataclass
class Page:
    items: list[tuple[float, Line | Block]] = field(default_factory=list)
    sizes: Counter[float] = field(default_factory=Counter)  # characters set in each size


def running_lines(pages: list[Page]) -> set[str]:
    """Texts repeated on most pages (running headers and footers)."""
    if len(pages) < 3:
        return set()
    counts: Counter[str] = Counter()
    for page in pages:
        counts.update({item.text for _, item in page.items if isinstance(item, Line)})
    return {text for text, count in counts.items() if count * 2 >= len(pages)}


def body_size(pages: list[Page]) -> float:
    """The size most of the text is set in, tables included."""
    sizes: Counter[float] = Counter()
    for page in pages:
        sizes.update(page.sizes)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def heading_levels(lines: list[Line], body: float) -> dict[float, int]:
    larger = sorted({line.size for line in lines if line.size > body * HEADING_RATIO}, reverse=True)
    return {size: level for level, size in enumerate(larger[:6], start=1)}


def page_blocks(pages: list[Page], running: set[str], levels: dict[float, int]) -> list[Block]:
    blocks: list[Block] = []
    previous: Line | None = None
    for page in pages:
        first_on_page = True
        for _, item in page.items:
            if isinstance(item, Table):
                if not (first_on_page and _continue_table(blocks, item)):
                    blocks.append(item)
                previous, first_on_page = None, False
                continue
            if not isinstance(item, Line):
                blocks.append(item)
                previous, first_on_page = None, False
                continue
            if item.text in running or _PAGE_NUMBER.match(item.text):
                continue
            first_on_page = False
            if previous is not None and _same_paragraph(previous, item, blocks):
                last = blocks[-1]
                assert isinstance(last, Paragraph)
                blocks[-1] = Paragraph(
                    text=f"{last.text} {item.text}",
                    heading_level=last.heading_level,
                    bold=last.bold,
                    list_item=last.list_item,
                )
            else:
                blocks.append(_paragraph(item, levels))
            previous = item
    return blocks


def _paragraph(line: Line, levels: dict[float, int]) -> Paragraph:
    text = " ".join(clean_cell(line.text)) or line.text
    return Paragraph(
        text=text,
        heading_level=levels.get(line.size),
        bold=line.bold and line.size not in levels,
        list_item=bool(NEW_PARAGRAPH.match(line.text)),
    )


def _same_paragraph(previous: Line, line: Line, blocks: list[Block]) -> bool:
    """A wrapped line of the paragraph above: same type, close below, not a new item."""
    if not blocks or not isinstance(blocks[-1], Paragraph):
        return False
    close = 0 < line.top - previous.top <= previous.size * 1.6
    same_type = (previous.size, previous.bold) == (line.size, line.bold)
    return close and same_type and not NEW_PARAGRAPH.match(line.text)


def _continue_table(blocks: list[Block], table: Table) -> bool:
    """Append a page's table to the table ending the previous page, if it carries on."""
    if not blocks or not isinstance(blocks[-1], Table):
        return False
    before = blocks[-1]
    width = len(before.rows[0])
    if any(len(row) != width for row in table.rows[:1]):
        return False
    rows = list(table.rows)
    if rows and _texts(rows[0]) == _texts(before.rows[0]):
        rows = rows[1:]
    if rows and _carries_on(before.rows[-1], rows[0]):
        before.rows[-1] = _joined(before.rows[-1], rows[0])
        rows = rows[1:]
    before.rows.extend(rows)
    return True


def _texts(row: list[Cell]) -> list[str]:
    return [" ".join(cell.text.split()) for cell in row]


def _carries_on(above: list[Cell], row: list[Cell]) -> bool:
    """The rest of a row cut by the page break: either no first cell and text carrying on
    mid-sentence, or cells filled only where the part above left them empty (a row whose
    long cells moved to the next page whole)."""
    filled = [cell for cell in row if not cell.empty]
    if not filled:
        return False
    if row[0].empty and any(_CONTINUES.match(cell.paragraphs[0]) for cell in filled):
        return True
    return all(a.empty or b.empty for a, b in zip(above, row, strict=False))


def _joined(top: list[Cell], rest: list[Cell]) -> list[Cell]:
    cells = []
    for upper, lower in zip(top, rest, strict=False):
        if lower.empty:
            cells.append(upper)
        elif upper.empty:
            cells.append(lower)
        elif _CONTINUES.match(lower.paragraphs[0]) or not NEW_PARAGRAPH.match(lower.paragraphs[0]):
            merged = (*upper.paragraphs[:-1], f"{upper.paragraphs[-1]} {lower.paragraphs[0]}")
            cells.append(Cell(paragraphs=merged + lower.paragraphs[1:]))
        else:
            cells.append(Cell(paragraphs=upper.paragraphs + lower.paragraphs))
    return cells
