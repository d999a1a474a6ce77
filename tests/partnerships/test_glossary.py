"""Acronym mark-up in plan text and the list of acronyms nobody has defined."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.template import engines

from wellboard.partnerships.glossary import markup, unknown_acronyms

TERMS = {"CCG": "Clinical Commissioning Group", "ICB": 'Integrated Care Board "ICB"'}


def test_acronym_becomes_an_abbreviation_with_its_meaning() -> None:
    html = str(markup("The CCG and the ICB agree", TERMS))
    assert '<abbr title="Clinical Commissioning Group">CCG</abbr>' in html
    assert '<abbr title="Integrated Care Board &#34;ICB&#34;">ICB</abbr>' in html


@pytest.mark.parametrize("text", ["The ACCG board", "CCGS are different", "accg", "ICBx"])
def test_no_acronym_is_marked_inside_a_word(text: str) -> None:
    assert "<abbr" not in str(markup(text, TERMS))


def test_plural_keeps_the_s_outside_the_abbreviation() -> None:
    assert str(markup("Both CCGs", TERMS)) == (
        'Both <abbr title="Clinical Commissioning Group">CCG</abbr>s'
    )


def test_text_with_markup_is_escaped_around_abbreviations() -> None:
    html = str(markup("<script>alert(1)</script> CCG & <b>ICB</b>", TERMS))
    assert "<script>" not in html and "<b>" not in html
    assert html.startswith("&lt;script&gt;alert(1)&lt;/script&gt; <abbr")
    assert "&amp; &lt;b&gt;<abbr" in html


def test_meaning_with_markup_is_escaped() -> None:
    html = str(markup("CCG", {"CCG": '<img src=x onerror="x">'}))
    assert "<img" not in html and "&lt;img" in html


def test_filter_in_a_template_autoescapes_and_accepts_records() -> None:
    template = engines["jinja2"].from_string("{{ text | glossary(terms) }}")
    records = [SimpleNamespace(term="CCG", meaning="Clinical Commissioning Group")]
    html = template.render({"text": "<i>CCG</i>", "terms": records})
    assert html == '&lt;i&gt;<abbr title="Clinical Commissioning Group">CCG</abbr>&lt;/i&gt;'


def test_no_terms_gives_escaped_text() -> None:
    assert str(markup("a < b", None)) == "a &lt; b"


def test_unknown_acronyms_from_organisation_names_and_acronyms() -> None:
    orgs = [
        SimpleNamespace(name="CSIP WM", acronym=""),
        SimpleNamespace(name="Clinical Commissioning Group", acronym="CCG"),
        SimpleNamespace(name="Arden Health Trust", acronym="AHT"),
        SimpleNamespace(name="Public health", acronym=""),
    ]
    found = unknown_acronyms(orgs, ["CCG"])
    assert [entry.term for entry in found] == ["AHT", "CSIP", "WM"]
    assert found[0].suggestion == "Arden Health Trust"
    assert found[1].suggestion == ""
