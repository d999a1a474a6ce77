"""The consultation summary for the board paper: who responded, how far they agreed with
each priority, the themes of what they wrote with quotes, and "you said, we did".

Built as the neutral report document, so Word and PDF carry the same content as every
other board report. Quotes are taken only from people who agreed to publication and whose
response a moderator published, with names and contact details taken out: a board paper
is a public document.
"""

from __future__ import annotations

from django.utils import timezone

from wellboard.consultations import analysis
from wellboard.consultations.choices import Moderation
from wellboard.consultations.models import Answer, Consultation, ParagraphComment
from wellboard.consultations.you_said import you_said_rows
from wellboard.core.redaction import redact
from wellboard.reports.document import (
    BulletList,
    Cell,
    Heading,
    Paragraph,
    Report,
    Series,
    StackedBarChart,
    Table,
)
from wellboard.reports.renderers.docx_renderer import render_docx
from wellboard.reports.renderers.pdf_renderer import render_pdf
from wellboard.reports.rows import format_date

# Scale points (agreement first) -> the report palette's keys (renderers/rag.css).
SCALE_COLOURS = ("complete", "green", "not_started", "amber", "red")


def consultation_summary(consultation: Consultation) -> Report:
    today = timezone.localdate()
    report = Report(
        kind="consultation-summary",
        title=f"Consultation summary: {consultation.title}",
        subtitle=consultation.strategy.title,
        as_of=min(today, consultation.closes),
        landscape=False,
    )
    numbers = analysis.counts(consultation)
    report.meta = [
        ("Partnership", consultation.strategy.partnership.name),
        ("Open", f"{format_date(consultation.opens)} to {format_date(consultation.closes)}"),
        ("Responses", f"{numbers.responses:,}"),
    ]
    _who(report, consultation, numbers)
    _agreement(report, consultation)
    _themes(report, consultation)
    _you_said(report, consultation)
    return report


def _who(report: Report, consultation: Consultation, numbers: analysis.Counts) -> None:
    report.add(
        Heading("Who responded"),
        Paragraph(
            f"{numbers.responses:,} responses: {numbers.residents:,} from residents and "
            f"{numbers.organisations:,} from organisations; {numbers.with_comments:,} wrote "
            f"{numbers.comments:,} comments, and {numbers.paragraph_comments:,} comments "
            "were made on paragraphs of the draft."
        ),
        Table(
            columns=("Respondent type", "Responses", "Share"),
            rows=tuple(
                (Cell.of(t.label), Cell.of(f"{t.count:,}"), Cell.of(f"{100 * t.share:.0f}%"))
                for t in analysis.respondent_types(consultation)
            ),
            caption="Responses by respondent type",
        ),
    )


def _agreement(report: Report, consultation: Consultation) -> None:
    rows = analysis.agreement(consultation)
    if not rows:
        return
    report.add(
        Heading("Agreement with each priority"),
        StackedBarChart(
            title="How far respondents agree each should be a priority",
            categories=tuple(r.label for r in rows),
            series=tuple(
                Series(label, key, tuple(r.counts[i] for r in rows))
                for i, (label, key) in enumerate(
                    zip(analysis.SCALE_LABELS, SCALE_COLOURS, strict=True)
                )
            ),
        ),
        Table(
            columns=("Priority", *analysis.SCALE_LABELS, "Answered", "Agree", "95% interval"),
            rows=tuple(
                (
                    Cell.of(r.label),
                    *(Cell.of(str(n)) for n in r.counts),
                    Cell.of(str(r.answered)),
                    Cell.of(r.percent),
                    Cell.of(r.interval),
                )
                for r in rows
            ),
            widths=(30, 8, 8, 10, 8, 10, 8, 8, 10),
            caption="Agreement per priority (Agree: agree or strongly agree; Wilson interval)",
        ),
    )


def _publishable(consultation: Consultation) -> set[str]:
    """Comments that may be quoted, as the themes hold them (spaces collapsed)."""
    answers = Answer.objects.filter(
        response__consultation=consultation,
        response__consent_publish=True,
        response__moderation=Moderation.PUBLISHED,
    ).exclude(comment="")
    comments = ParagraphComment.objects.published().filter(consultation=consultation)
    texts = [a.comment for a in answers] + [c.text for c in comments]
    return {" ".join(t.split()) for t in texts}


def _themes(report: Report, consultation: Consultation) -> None:
    themes = analysis.current_themes(consultation)
    report.add(Heading("What people told us"))
    if not themes.themes:
        report.add(Paragraph("Nobody wrote a comment."))
        return
    report.add(
        Paragraph(
            f"{themes.comments:,} comments grouped into {len(themes.themes)} themes by "
            f"{themes.engine_name}. Quotes are from respondents who agreed to publication, "
            "with names and contact details removed."
        )
    )
    allowed = _publishable(consultation)
    for theme in themes.themes:
        report.add(Heading(f"{theme.label} ({theme.size:,} comments)", level=2))
        quotes = [redact(q) for q in theme.quotes if q in allowed]
        report.add(
            BulletList(tuple(f"“{q}”" for q in quotes))
            if quotes
            else Paragraph("No comment in this theme may be quoted.")
        )


def _you_said(report: Report, consultation: Consultation) -> None:
    rows = you_said_rows(consultation)
    report.add(Heading("You said, we did"))
    if not rows:
        report.add(Paragraph("The board has not yet recorded its response."))
        return
    report.add(
        Table(
            columns=("You said", "We did", "Where in the strategy"),
            rows=tuple(
                (Cell.of(r.row.you_said), Cell.of(r.row.we_did), Cell.of(r.where)) for r in rows
            ),
            widths=(35, 40, 25),
        )
    )


def write_summary(consultation: Consultation, format_name: str) -> tuple[bytes, str]:
    """The summary as Word or PDF bytes and its file name (consultations.summary_hook)."""
    report = consultation_summary(consultation)
    render = render_docx if format_name == "docx" else render_pdf
    return render(report), f"consultation-{consultation.pk}-summary.{format_name}"
