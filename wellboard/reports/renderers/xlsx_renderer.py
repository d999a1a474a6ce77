"""The report as an Excel workbook: a summary sheet, then one sheet per kind of table with
one row per action, filters on and the header frozen, for officers who sort and chase."""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from wellboard.core.spreadsheet_cells import cells_that_fit, xlsx_sheet_text
from wellboard.reports.document import (
    CHART_COLOURS,
    STATUS_COLOURS,
    BulletList,
    HeaderBlock,
    Heading,
    Paragraph,
    Report,
    StackedBarChart,
    Table,
)

HEADER_FILL = PatternFill("solid", fgColor="005EB8")
HEADER_FONT = Font(bold=True, color="FFFFFF")
WRAP = Alignment(wrap_text=True, vertical="top")
EXCEL_WIDTH = 220  # characters across all columns of a sheet
FORBIDDEN = str.maketrans({c: " " for c in "[]:*?/\\"})


@dataclass
class SheetGroup:
    """Tables with the same columns, written to one sheet one row after another."""

    name: str
    columns: tuple[str, ...]
    context_columns: tuple[str, ...]
    tables: list[Table] = field(default_factory=list)
    widths: tuple[int, ...] = ()


def sheet_name(text: str, taken: set[str]) -> str:
    base = text.translate(FORBIDDEN).strip()[:28] or "Sheet"
    name, n = base, 2
    while name.lower() in taken:
        name, n = f"{base[:25]} {n}", n + 1
    taken.add(name.lower())
    return name


def group_tables(report: Report) -> list[SheetGroup]:
    groups: dict[tuple[tuple[str, ...], tuple[str, ...]], SheetGroup] = {}
    heading = "Actions"
    headings: dict[tuple[tuple[str, ...], tuple[str, ...]], set[str]] = {}
    for block in report.blocks:
        if isinstance(block, Heading):
            heading = block.text
        if not isinstance(block, Table) or not block.rows:
            continue
        key = (block.context_columns, block.columns)
        group = groups.setdefault(
            key, SheetGroup(heading, block.columns, block.context_columns, widths=block.widths)
        )
        group.tables.append(block)
        headings.setdefault(key, set()).add(heading)
    for key, group in groups.items():
        if len(headings[key]) > 1:
            group.name = "Actions"
    return list(groups.values())


def write_group(sheet: Worksheet, group: SheetGroup) -> None:
    header = (*group.context_columns, *group.columns)
    sheet.append(header)
    for cell in sheet[1]:
        cell.fill, cell.font, cell.alignment = HEADER_FILL, HEADER_FONT, WRAP
    for table in group.tables:
        contexts = table.context or tuple(() for _ in table.rows)
        for context, row in zip(contexts, table.rows, strict=True):
            sheet.append(cells_that_fit([*context, *(cell.text for cell in row)]))
            offset = len(context)
            for index, cell in enumerate(row):
                target = sheet.cell(row=sheet.max_row, column=offset + index + 1)
                target.alignment = WRAP
                if cell.status in STATUS_COLOURS:
                    fill, ink = STATUS_COLOURS[cell.status]
                    target.fill = PatternFill("solid", fgColor=fill)
                    target.font = Font(color=ink, bold=True)
    widths = (*(12 for _ in group.context_columns), *(group.widths or (10,) * len(group.columns)))
    total = sum(widths)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(
            8, EXCEL_WIDTH * width / total
        )
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{sheet.max_row}"


def write_chart(sheet: Worksheet, chart: StackedBarChart) -> None:
    """The chart's data as a table, and a native stacked bar chart drawn from it."""
    sheet.append([])
    sheet.append([chart.title])
    sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True)
    first = sheet.max_row + 1
    sheet.append(["Theme", *(s.name for s in chart.series)])
    for i, category in enumerate(chart.categories):
        sheet.append([category, *(s.values[i] for s in chart.series)])
    last = sheet.max_row
    bars = BarChart()
    bars.type, bars.grouping, bars.overlap = "bar", "stacked", 100
    bars.title = chart.title
    data = Reference(sheet, min_col=2, max_col=1 + len(chart.series), min_row=first, max_row=last)
    bars.add_data(data, titles_from_data=True)
    bars.set_categories(Reference(sheet, min_col=1, min_row=first + 1, max_row=last))
    for series, spec in zip(bars.series, chart.series, strict=True):
        series.graphicalProperties.solidFill = CHART_COLOURS.get(spec.key, "768692")
    bars.height, bars.width = 3 + 1.2 * len(chart.categories), 24
    sheet.add_chart(bars, f"D{first}")
    for _ in range(int(bars.height * 2)):
        sheet.append([])


def write_summary(sheet: Worksheet, report: Report) -> None:
    sheet.append([report.title])
    sheet.cell(row=1, column=1).font = Font(bold=True, size=14)
    sheet.append([report.subtitle])
    for label, value in report.meta:
        sheet.append([label, value])
    for block in report.blocks:
        if isinstance(block, Heading) and block.level == 1:
            sheet.append([])
            sheet.append([block.text])
            sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True, size=12)
        elif isinstance(block, Paragraph):
            sheet.append(cells_that_fit([block.text]))
        elif isinstance(block, BulletList):
            for item in block.items:
                sheet.append([f"• {item}"])
        elif isinstance(block, HeaderBlock):
            continue  # the action sheets carry theme and priority on every row
        elif isinstance(block, StackedBarChart):
            write_chart(sheet, block)
    sheet.column_dimensions["A"].width = 40
    sheet.column_dimensions["B"].width = 60


def render_xlsx(report: Report) -> bytes:
    book = Workbook()
    summary = book.active
    assert summary is not None
    taken = {"summary"}
    summary.title = "Summary"
    write_summary(summary, report)
    for group in group_tables(report):
        write_group(book.create_sheet(sheet_name(group.name, taken)), group)
    for sheet in book.worksheets:
        xlsx_sheet_text(sheet.iter_rows())  # plan text is never a live formula
    book.properties.title = report.title
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
