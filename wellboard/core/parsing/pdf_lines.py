"""A PDF page's text layer as lines, with their font size and weight (PDFium).

PDFium gives the text in runs (a line, or the part of one in a table cell) with their
boxes; runs that share a baseline are joined into lines. The font size and weight are
read at a character of each run: the plan's headings are told by them, as Word's styles
would tell them. The baseline, unlike the top of the glyphs, is spaced evenly from line to
line, so it is the line's position.
"""

from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass
from typing import Any

import pypdfium2.raw as pdfium_c

LINE_TOLERANCE = 3.0
NEW_PARAGRAPH = re.compile(r"^(?:[\u2022\u25cf\u25aa\u00b7\uf0b7*\-\u2013]\s|\(?\d{1,2}[.)]\s)")


@dataclass
class Line:
    text: str
    size: float
    bold: bool
    top: float  # the baseline, measured from the top of the page
    x0: float = 0.0
    x1: float = 0.0
    runs: tuple[Line, ...] = ()


def text_runs(text: Any, height: float) -> list[Line]:
    """PDFium's text runs (a line, or the part of one in a cell), top to bottom."""
    runs = []
    for index in range(text.count_rects()):
        left, bottom, right, top = text.get_rect(index)
        words = " ".join(text.get_text_bounded(left, bottom, right, top).split())
        if not words:
            continue
        xs = ((left + right) / 2, left + 1, right - 1)
        size, bold, baseline = _font(text, xs, (bottom + top) / 2, bottom)
        runs.append(Line(words, size, bold, height - baseline, left, right))
    runs.sort(key=lambda run: (round(run.top), run.x0))
    return runs


def text_lines(runs: list[Line]) -> list[Line]:
    """Runs that share a baseline joined into lines."""
    lines: list[list[Line]] = []
    for run in sorted(runs, key=lambda run: (round(run.top), run.x0)):
        if lines and abs(lines[-1][0].top - run.top) <= LINE_TOLERANCE:
            lines[-1].append(run)
        else:
            lines.append([run])
    return [_joined_line(sorted(group, key=lambda run: run.x0)) for group in lines]


def _joined_line(group: list[Line]) -> Line:
    first = group[0]
    return Line(
        " ".join(run.text for run in group),
        max(run.size for run in group),
        all(run.bold for run in group),
        first.top,
        first.x0,
        group[-1].x1,
        tuple(group),
    )


_NAME_BUFFER = ctypes.create_string_buffer(256)


def _font(text: Any, xs: tuple[float, ...], y: float, top: float) -> tuple[float, bool, float]:
    """Font size, boldness and baseline of the character at (x, y), trying each x: the
    baseline, unlike the top of the glyphs, is spaced evenly from line to line."""
    index = -1
    for at in xs:  # the middle may fall between two words
        index = pdfium_c.FPDFText_GetCharIndexAtPos(text.raw, at, y, 2, 2)
        if index >= 0:
            break
    if index < 0:
        return 0.0, False, top
    origin_x, origin_y = ctypes.c_double(0), ctypes.c_double(0)
    if pdfium_c.FPDFText_GetCharOrigin(
        text.raw, index, ctypes.byref(origin_x), ctypes.byref(origin_y)
    ):
        top = origin_y.value
    size = round(pdfium_c.FPDFText_GetFontSize(text.raw, index), 1)
    flags = ctypes.c_int(0)
    length = pdfium_c.FPDFText_GetFontInfo(text.raw, index, _NAME_BUFFER, 256, ctypes.byref(flags))
    name = _NAME_BUFFER.value.decode("latin-1", "replace").lower() if length else ""
    weight = pdfium_c.FPDFText_GetFontWeight(text.raw, index)
    return size, "bold" in name or weight >= 600, top
