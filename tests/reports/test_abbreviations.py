"""Every report ends with the abbreviations it uses and their meanings (issue #11.4)."""

from __future__ import annotations

import datetime as dt
import io

import docx
import pytest
from pypdf import PdfReader

from tests.factories import OrganisationFactory, PartnershipFactory
from tests.reports.conftest import rendered
from wellboard.partnerships.models import GlossaryTerm
from wellboard.reports.abbreviations import add_abbreviations, meanings_for, used_in
from wellboard.reports.document import Cell, Heading, Paragraph, Report, Table
from wellboard.strategy.models import Strategy

MEANINGS = {
    "ICB": "Integrated Care Board",
    "VCSE": "Voluntary, community and social enterprise sector",
    "CO": "Carbon monoxide",
    "CCG": "Clinical Commissioning Group",
}


def _report(*texts: str) -> Report:
    report = Report("delivery", "Delivery plan", "", dt.date(2026, 11, 23))
    report.add(*(Paragraph(text) for text in texts))
    return report


def test_only_the_acronyms_used_are_listed_in_order() -> None:
    report = _report("The ICBs and VCSE partners co-ordinate.")
    report.add(Table(("Lead",), ((Cell.of("ICB"),),)))
    assert used_in(report, MEANINGS) == ["ICB", "VCSE"]  # not "CO" in "co-ordinate"
    add_abbreviations(report, MEANINGS)
    heading, table = report.blocks[-2:]
    assert heading == Heading("Abbreviations", 1)
    assert isinstance(table, Table)
    assert [tuple(c.text for c in row) for row in table.rows] == [
        ("ICB", "Integrated Care Board"),
        ("VCSE", "Voluntary, community and social enterprise sector"),
    ]


def test_a_report_that_uses_none_gets_no_section() -> None:
    report = _report("Walking groups in every town.")
    add_abbreviations(report, MEANINGS)
    assert report.blocks == [Paragraph("Walking groups in every town.")]


@pytest.mark.django_db
def test_meanings_come_from_organisations_and_the_glossary_which_wins() -> None:
    partnership = PartnershipFactory()
    OrganisationFactory(partnership=partnership, name="Tarnside Borough Council", acronym="TBC")
    OrganisationFactory(partnership=partnership, name="Healthwatch", acronym="Healthwatch")
    OrganisationFactory(partnership=partnership, name="Old name", acronym="ICB")
    GlossaryTerm.objects.create(
        partnership=partnership, term="ICB", meaning="Integrated Care Board"
    )
    OrganisationFactory(partnership=PartnershipFactory(), name="Elsewhere", acronym="ELS")
    assert meanings_for(partnership) == {
        "TBC": "Tarnside Borough Council",
        "ICB": "Integrated Care Board",
    }


@pytest.mark.django_db
def test_the_word_and_pdf_reports_end_with_their_abbreviations(demo: Strategy) -> None:
    meanings = meanings_for(demo.partnership)
    document = docx.Document(io.BytesIO(rendered(demo, "delivery", "docx").content))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[-1] == "Abbreviations"
    listed = {row.cells[0].text: row.cells[1].text for row in document.tables[-1].rows[1:]}
    assert len(listed) >= 3 and all(meanings[term] == m for term, m in listed.items())
    body = "\n".join(
        cell.text for table in document.tables[:-1] for row in table.rows for cell in row.cells
    )
    assert all(term in body for term in listed)  # each one is used by the report
    pdf = PdfReader(io.BytesIO(rendered(demo, "delivery", "pdf").content))
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in pdf.pages)
    assert "Abbreviations" in text
    term, meaning = next(iter(listed.items()))
    assert f"{term} {' '.join(meaning.split())}" in text
