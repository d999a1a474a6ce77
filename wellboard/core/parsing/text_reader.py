"""Reading tables out of plain text and Markdown.

Four shapes are understood: tab-separated rows (what copying a Word table, or
a "text export" of one, gives; cells may still hold the HTML of a web editor),
Markdown pipe tables (``| a | b |`` with a ``|---|`` separator line), tables
whose columns are aligned by spaces (layout_text: ``pdftotext -layout``), and the
lines around them, which become paragraphs (``#`` lines are headings). Runs of
consecutive rows of one shape make a table; a blank line or a line of another
shape ends it.
"""

from __future__ import annotations

import re

from wellboard.core.parsing.cells import clean_cell, is_bulleted
from wellboard.core.parsing.checked import CheckedFile
from wellboard.core.parsing.layout_text import read_layout_table
from wellboard.core.parsing.safety import DEFAULT_LIMITS, Limits
from wellboard.core.parsing.table_model import Cell, Paragraph, SourceDocument, Table

_PIPE_SEPARATOR = re.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$")
_PIPE_SPLIT = re.compile(r"(?<!\\)\|")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*$")
_MD_BOLD = re.compile(r"^(\*\*|__)(.+)\1$")


def read_text(checked: CheckedFile) -> SourceDocument:
    text, limits = checked.text(), checked.limits
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return parse_lines(lines, limits)


def parse_lines(lines: list[str], limits: Limits = DEFAULT_LIMITS) -> SourceDocument:
    result = SourceDocument()
    rows: list[list[Cell]] = []
    kind = ""
    start = 0

    def flush() -> None:
        nonlocal rows, kind
        if rows:
            result.blocks.append(Table(rows=rows, label=f"the table at line {start}"))
        rows, kind = [], ""

    max_lines = limits.max_rows * 4
    if len(lines) > max_lines:
        result.warnings.append(f"lines after {max_lines} ignored")
    lines = lines[:max_lines]
    index = 0
    while index < len(lines):
        line, number = lines[index], index + 1
        index += 1
        line_kind = _row_kind(line)
        if line_kind != kind:
            flush()
            kind, start = line_kind, number
        if line_kind == "pipe" and _PIPE_SEPARATOR.match(line.strip()):
            continue
        if line_kind:
            rows.append(_cells(line, line_kind, limits))
        elif "  " in line.strip() and (
            laid_out := read_layout_table(lines, number - 1, f"the table at line {number}")
        ):
            result.blocks.append(laid_out[0])
            index = laid_out[1]
        else:
            result.blocks.extend(_paragraphs(line))
    flush()
    return result


def _row_kind(line: str) -> str:
    if "\t" in line and line.strip():
        return "tab"
    stripped = line.strip()
    if stripped.startswith("|") and stripped.count("|") >= 2:
        return "pipe"
    return ""


def _cells(line: str, kind: str, limits: Limits) -> list[Cell]:
    if kind == "tab":
        raw = line.split("\t")
    else:
        stripped = line.strip()
        stripped = stripped[1:] if stripped.startswith("|") else stripped
        stripped = (
            stripped[:-1] if stripped.endswith("|") and not stripped.endswith("\\|") else stripped
        )
        raw = [part.replace("\\|", "|") for part in _PIPE_SPLIT.split(stripped)]
    return [Cell(paragraphs=tuple(clean_cell(text))) for text in raw[: limits.max_columns]]


def _paragraphs(line: str) -> list[Paragraph]:
    stripped = line.strip()
    if not stripped:
        return []
    if heading := _MD_HEADING.match(stripped):
        texts = clean_cell(heading.group(2))
        level = len(heading.group(1))
        return [Paragraph(text=" ".join(texts), heading_level=level)] if texts else []
    bold = _MD_BOLD.match(stripped)
    if bold:
        stripped = bold.group(2)
    return [
        Paragraph(text=text, bold=bool(bold), list_item=is_bulleted(text), role="line")
        for text in clean_cell(stripped)
    ]
