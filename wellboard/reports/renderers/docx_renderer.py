"""The report as a Word document: real headings and tables that boards can edit.

python-docx has no API for cell shading or repeated header rows, so those two are set
with the WordprocessingML elements Word itself writes (w:shd, w:tblHeader; ECMA-376
Part 1, 17.4.32 and 17.4.50).
"""

from __future__ import annotations

import io

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import _Cell

from wellboard.reports.document import (
    STATUS_COLOURS,
    BulletList,
    Cell,
    HeaderBlock,
    Heading,
    Paragraph,
    Report,
    StackedBarChart,
    Table,
)

HEADER_FILL = "005EB8"
LABEL_FILL = "E8EDEE"
TABLE_FONT = Pt(8)


def shade(cell: _Cell, fill: str) -> None:
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    properties.append(shading)


def repeat_as_header(row: object) -> None:
    properties = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    properties.append(marker)


def write_cell(
    cell: _Cell, lines: tuple[str, ...], *, bold: bool = False, colour: str = ""
) -> None:
    paragraph = cell.paragraphs[0]
    for index, line in enumerate(lines or ("",)):
        if index:
            paragraph = cell.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(2)
        run = paragraph.add_run(line)
        run.font.size = TABLE_FONT
        run.bold = bold
        if colour:
            run.font.color.rgb = RGBColor.from_string(colour)


def add_table(doc: DocumentObject, block: Table, usable_cm: float) -> None:
    if block.caption and not block.rows:
        doc.add_paragraph(block.caption).runs[0].italic = True
        return
    table = doc.add_table(rows=1, cols=len(block.columns))
    table.style = "Table Grid"
    table.autofit = False
    header = table.rows[0]
    repeat_as_header(header)
    for cell, name in zip(header.cells, block.columns, strict=True):
        shade(cell, HEADER_FILL)
        write_cell(cell, (name,), bold=True, colour="FFFFFF")
    for row in block.rows:
        add_row(table, row)
    if block.widths:
        total = sum(block.widths)
        for column, width in zip(table.columns, block.widths, strict=True):
            for cell in column.cells:
                cell.width = Cm(usable_cm * width / total)


def add_row(table: object, row: tuple[Cell, ...]) -> None:
    cells = table.add_row().cells  # type: ignore[attr-defined]
    for cell, value in zip(cells, row, strict=True):
        if value.status:
            fill, ink = STATUS_COLOURS.get(value.status, ("FFFFFF", "212B32"))
            shade(cell, fill)
            write_cell(cell, value.lines, colour=ink)
        else:
            write_cell(cell, value.lines)


def add_header_block(doc: DocumentObject, block: HeaderBlock) -> None:
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value in block.items:
        cells = table.add_row().cells
        shade(cells[0], LABEL_FILL)
        write_cell(cells[0], (label.upper(),), bold=True)
        write_cell(cells[1], (value,), bold=True)
        cells[0].width, cells[1].width = Cm(5), Cm(20)
    doc.add_paragraph().paragraph_format.space_after = Pt(0)


def add_chart(doc: DocumentObject, chart: StackedBarChart, usable_cm: float) -> None:
    """The chart's data as a table with each status column in its bar colour's tint."""
    doc.add_paragraph(chart.title, style="Caption")
    columns = ("Theme", *(s.name for s in chart.series), "Total")
    rows = tuple(
        (
            Cell.of(category),
            *(Cell.of(str(s.values[i]), s.key) for s in chart.series),
            Cell.of(str(chart.total(i))),
        )
        for i, category in enumerate(chart.categories)
    )
    widths = (30, *(8 for _ in chart.series), 7)
    add_table(doc, Table(columns=columns, rows=rows, widths=widths), usable_cm)


def new_document(report: Report) -> tuple[DocumentObject, float]:
    doc = Document()
    section = doc.sections[0]
    if report.landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))
    style = doc.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(10)
    usable = (29.7 if report.landscape else 21.0) - 3.0
    return doc, usable


def render_docx(report: Report) -> bytes:
    doc, usable = new_document(report)
    doc.core_properties.title = report.title
    doc.add_heading(report.title, level=0)
    doc.add_paragraph(report.subtitle)
    doc.add_paragraph(" · ".join(f"{label}: {value}" for label, value in report.meta))
    for block in report.blocks:
        if isinstance(block, Heading):
            doc.add_heading(block.text, level=min(block.level, 9))
        elif isinstance(block, Paragraph):
            doc.add_paragraph(block.text)
        elif isinstance(block, BulletList):
            for item in block.items:
                doc.add_paragraph(item, style="List Bullet")
        elif isinstance(block, HeaderBlock):
            add_header_block(doc, block)
        elif isinstance(block, Table):
            add_table(doc, block, usable)
        elif isinstance(block, StackedBarChart):
            add_chart(doc, block, usable)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
