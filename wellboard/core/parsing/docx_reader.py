"""Reading a Word document's paragraphs and tables, in body order.

Tables are read from python-docx's oxml elements (``tbl.tr_lst``, ``tc``)
rather than through ``Table.rows``/``Table.cell``: the high-level API
recomputes the grid for every cell and is too slow on 300-row plans, and it
repeats a merged cell's text in every grid cell it covers. Here a vertically
merged cell's continuation comes out empty (so "empty first cell continues the
priority above" still works) and a horizontally merged cell's extra grid
columns come out as ``spanned`` empty cells (so columns stay aligned with the
header).
"""

from __future__ import annotations

from collections.abc import Iterator

import docx
from docx.oxml.ns import qn
from docx.oxml.table import CT_Tbl, CT_Tc
from docx.oxml.text.paragraph import CT_P
from docx.text.paragraph import Paragraph as DocxParagraph

from wellboard.core.parsing.cells import BULLET, clean_cell
from wellboard.core.parsing.checked import CheckedFile
from wellboard.core.parsing.safety import Limits
from wellboard.core.parsing.table_model import Block, Cell, Paragraph, SourceDocument, Table

_SDT = qn("w:sdt")
_SDT_CONTENT = qn("w:sdtContent")
_TC = qn("w:tc")
_SHD = qn("w:shd")
_FILL = qn("w:fill")
_P = qn("w:p")
_BR_TYPE = qn("w:type")
_PAGE_BREAKS = ("page", "column")
_TEXT_TAGS = {qn("w:t"): None, qn("w:tab"): "\t", qn("w:br"): "\n", qn("w:cr"): "\n"}
_BOLD_MAX_CHARS = 100


def read_docx(checked: CheckedFile) -> SourceDocument:
    document = docx.Document(checked.stream())
    limits = checked.limits
    result = SourceDocument()
    table_number = 0
    for element in _body_elements(document.element.body):
        if isinstance(element, CT_P):
            block: Block | None = _paragraph(DocxParagraph(element, document))
        else:
            table_number += 1
            block = _table(element, f"table {table_number}", limits, result.warnings)
        if block is not None:
            result.blocks.append(block)
    return result


def _body_elements(parent: object) -> Iterator[CT_P | CT_Tbl]:
    """Paragraphs and tables in reading order, looking inside content controls."""
    for child in parent.iterchildren():  # type: ignore[attr-defined]
        if isinstance(child, CT_P | CT_Tbl):
            yield child
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _body_elements(content)


def _paragraph(paragraph: DocxParagraph) -> Paragraph | None:
    texts = clean_cell(paragraph.text)
    if not texts:
        return None
    text = " ".join(texts)
    style = paragraph.style
    style_name = (style.name or "") if style is not None else ""
    level = _heading_level(style_name, paragraph)
    list_item = _is_list(paragraph._p, style_name)
    bold = level is None and len(text) <= _BOLD_MAX_CHARS and _all_bold(paragraph)
    return Paragraph(text=text, heading_level=level, bold=bold, list_item=list_item)


def _heading_level(style_name: str, paragraph: DocxParagraph) -> int | None:
    name = style_name.lower()
    if name == "title":
        return 0
    if name.startswith("heading"):
        digits = "".join(ch for ch in name if ch.isdigit())
        return int(digits) if digits else 1
    ppr = paragraph._p.pPr
    outline = ppr.find(qn("w:outlineLvl")) if ppr is not None else None
    if outline is not None:
        value = outline.get(qn("w:val"), "")
        if value.isdigit() and int(value) < 9:
            return int(value) + 1
    return None


def _is_list(p: CT_P, style_name: str) -> bool:
    ppr = p.pPr
    return (ppr is not None and ppr.numPr is not None) or style_name.lower().startswith("list")


def _all_bold(paragraph: DocxParagraph) -> bool:
    """Every run with text is bold, directly or through its paragraph's style."""
    style_font = paragraph.style.font.bold if paragraph.style is not None else None
    runs = [run for run in paragraph.runs if run.text.strip()]
    if not runs:
        return False
    return all(run.bold or (run.bold is None and style_font) for run in runs)


def _table(tbl: CT_Tbl, label: str, limits: Limits, warnings: list[str]) -> Table:
    rows: list[list[Cell]] = []
    tr_lst = tbl.tr_lst
    if len(tr_lst) > limits.max_rows:
        warnings.append(f"{label}: rows after {limits.max_rows} ignored")
    for tr in tr_lst[: limits.max_rows]:
        row: list[Cell] = [Cell()] * tr.grid_before
        for tc in _row_cells(tr):
            row.append(_cell(tc))
            row.extend(Cell(spanned=True) for _ in range(max(tc.grid_span, 1) - 1))
            if len(row) > limits.max_columns:
                break
        rows.append(row[: limits.max_columns])
    return Table(rows=rows, label=label)


def _row_cells(tr: object) -> Iterator[CT_Tc]:
    for child in tr.iterchildren():  # type: ignore[attr-defined]
        if isinstance(child, CT_Tc):
            yield child
        elif child.tag == _SDT:
            yield from (tc for tc in child.iter(_TC) if isinstance(tc, CT_Tc))


def _shade(tc: CT_Tc) -> str:
    """The cell's shading fill ("7030A0"), "" when none or automatic."""
    tc_pr = tc.tcPr
    shd = tc_pr.find(_SHD) if tc_pr is not None else None
    fill = (shd.get(_FILL) or "") if shd is not None else ""
    return "" if fill.lower() in ("", "auto", "ffffff") else fill.upper()


def _cell(tc: CT_Tc) -> Cell:
    if tc.vMerge == "continue":
        return Cell(shade=_shade(tc))
    paragraphs: list[str] = []
    for p in tc.iter(_P):
        if not isinstance(p, CT_P):
            continue
        texts = clean_cell(_p_text(p))
        if texts and _is_list(p, p.style or "") and not texts[0].startswith(BULLET):
            texts[0] = f"{BULLET} {texts[0]}"
        paragraphs.extend(texts)
    return Cell(paragraphs=tuple(paragraphs), shade=_shade(tc))


def _p_text(p: CT_P) -> str:
    """A paragraph's text from its w:t, w:tab and w:br elements, in one pass.

    Like ``CT_P.text`` (runs and hyperlinks, also tracked insertions and simple
    fields; deleted text and field codes are other elements and stay out; text
    boxes nested in a run are skipped) without its per-run XPath queries,
    which dominate the time on large plans.
    """
    parts: list[str] = []
    for element in p.iter(*_TEXT_TAGS):
        container = element.getparent().getparent()
        if container is not p and (container is None or container.getparent() is not p):
            continue  # inside a text box or drawing anchored in the run, not the line's text
        replacement = _TEXT_TAGS[element.tag]
        if replacement is None:
            parts.append(element.text or "")
        elif element.get(_BR_TYPE) not in _PAGE_BREAKS:
            parts.append(replacement)
    return "".join(parts)
