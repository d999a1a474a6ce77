"""Telling the kinds of block apart: the title, headings, indicator list items, headerless tables.

Not every document marks its headings with a style, so length, boldness and the lack of
closing punctuation stand in for one.
"""

from __future__ import annotations

from wellboard.core.parsing.headers import HeaderMap
from wellboard.core.parsing.table_model import Cell, Paragraph, SourceDocument, Table, filled_cells

HEADING_MAX_CHARS = 100
HEADING_MAX_WORDS = 15
INDICATOR_MAX_CHARS = 150
_SENTENCE_PUNCTUATION = (".", ",", ";", ":", "?", "!")


def title_block(document: SourceDocument) -> Paragraph | None:
    before_table: list[Paragraph] = []
    for block in document.blocks:
        if isinstance(block, Table):
            break
        if block.role != "sheet" and block.text.strip():
            before_table.append(block)
    titles = [p for p in before_table if p.heading_level == 0]
    if titles:
        return titles[0]
    return before_table[0] if before_table else None


def heading_like(paragraph: Paragraph) -> bool:
    text = paragraph.text
    short = len(text) <= HEADING_MAX_CHARS and len(text.split()) <= HEADING_MAX_WORDS
    if paragraph.heading_level is not None or paragraph.role == "sheet":
        return True
    if paragraph.list_item:
        return False
    if paragraph.bold:
        return short
    return paragraph.role == "line" and short and not text.endswith(_SENTENCE_PUNCTUATION)


def indicator_item(paragraph: Paragraph, list_seen: bool) -> bool:
    """A list item, or a short plain paragraph while no list item has been seen.

    Once the indicators have come as a list, a plain paragraph is body text again.
    """
    if paragraph.list_item:
        return True
    plain = paragraph.heading_level is None and not paragraph.bold and paragraph.role == ""
    return plain and not list_seen and len(paragraph.text) <= INDICATOR_MAX_CHARS


def fits_header(row: list[Cell], header: HeaderMap) -> bool:
    """A headerless table continues the previous one if it is as wide as that header."""
    filled = filled_cells(row)
    width = len(row)
    while width and row[width - 1].empty:
        width -= 1
    return bool(filled) and abs(width - len(header.fields)) <= 1 and width <= len(header.fields) + 1
