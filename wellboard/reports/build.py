"""Build a report and render it in a format: the one entry point for views, the command
and the background task."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from wellboard.core.spreadsheet_cells import CellTooLong
from wellboard.reports.abbreviations import add_abbreviations, meanings_for
from wellboard.reports.annual_report import annual_report
from wellboard.reports.collection import collector_paused
from wellboard.reports.delivery_report import delivery_report
from wellboard.reports.document import Report
from wellboard.reports.exception_report import exception_report
from wellboard.reports.params import ReportError, ReportParams
from wellboard.reports.renderers.docx_renderer import render_docx
from wellboard.reports.renderers.html_renderer import render_html
from wellboard.reports.renderers.pdf_renderer import render_pdf
from wellboard.reports.renderers.xlsx_renderer import render_xlsx

BUILDERS: dict[str, Callable[[ReportParams], Report]] = {
    "delivery": delivery_report,
    "annual": annual_report,
    "exceptions": exception_report,
}


@dataclass(frozen=True)
class Format:
    extension: str
    content_type: str
    render: Callable[[Report], bytes]


FORMATS: dict[str, Format] = {
    "docx": Format(
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        render_docx,
    ),
    "pdf": Format("pdf", "application/pdf", render_pdf),
    "xlsx": Format(
        "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", render_xlsx
    ),
    "html": Format("html", "text/html; charset=utf-8", render_html),
}


@dataclass(frozen=True)
class RenderedReport:
    report: Report
    content: bytes
    filename: str
    content_type: str


def get_format(name: str) -> Format:
    try:
        return FORMATS[name]
    except KeyError:
        raise ReportError(f"unknown format {name!r}: use {', '.join(FORMATS)}") from None


def build_report(params: ReportParams) -> Report:
    """The report with the abbreviations it uses listed at its end, in every format.

    Built with the garbage collector paused (collection.py): a long plan's model
    instances would otherwise trigger full collections for nothing to free."""
    with collector_paused():
        report = BUILDERS[params.kind](params)
        add_abbreviations(report, meanings_for(params.strategy.partnership))
    return report


def produce(params: ReportParams, format_name: str) -> RenderedReport:
    fmt = get_format(format_name)
    report = build_report(params)
    try:
        content = fmt.render(report)
    except CellTooLong as exc:
        raise ReportError(str(exc)) from None
    return RenderedReport(
        report=report,
        content=content,
        filename=f"{report.filename_stem}.{fmt.extension}",
        content_type=fmt.content_type,
    )
