"""The status colours are written once (reports/renderers/rag.css) and reach every format."""

from __future__ import annotations

from pathlib import Path

from wellboard.reports.document import STATUS_COLOURS
from wellboard.reports.renderers.html_renderer import print_css

STATUSES = {"red", "amber", "green", "complete", "not_started", "overdue"}
WEB_CSS = Path(__file__).resolve().parents[2] / "wellboard/web/static/wellboard/build/wellboard.css"


def test_word_and_excel_read_every_status_colour_from_the_stylesheet() -> None:
    assert set(STATUS_COLOURS) == STATUSES
    assert STATUS_COLOURS["overdue"] == ("6B140E", "FFFFFF")


def test_the_print_stylesheet_carries_the_same_colours() -> None:
    css = str(print_css())
    for name, (tint, ink) in STATUS_COLOURS.items():
        rule = f".wb-rag--{name} {{ background: #{tint.lower()}; color: #{ink.lower()}; }}"
        assert rule in css


def test_the_web_stylesheet_is_compiled_with_them() -> None:
    css = WEB_CSS.read_text(encoding="utf-8")  # built by `make setup`
    for name, (tint, _ink) in STATUS_COLOURS.items():
        assert f".wb-rag--{name}{{background:#{tint.lower()}" in css
