"""The garbage collector pause around building and rendering a report: paused inside,
resumed after, and never turned on where it had been turned off."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from tests.reports.conftest import params
from wellboard.reports.build import build_report
from wellboard.reports.collection import collector_paused
from wellboard.reports.renderers.pdf_renderer import html_to_pdf
from wellboard.strategy.models import Strategy


@pytest.fixture(autouse=True)
def collector_on() -> Iterator[None]:
    gc.enable()
    yield
    gc.enable()


def test_paused_inside_and_resumed_after() -> None:
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_nested_pauses_resume_only_when_the_outer_one_ends() -> None:
    with collector_paused():
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_resumed_when_the_render_fails() -> None:
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("layout failed")
    assert gc.isenabled()


def test_a_collector_turned_off_before_stays_off() -> None:
    gc.disable()
    with collector_paused():
        pass
    assert not gc.isenabled()


def test_a_pdf_render_leaves_the_collector_on() -> None:
    content = html_to_pdf("<p>Board paper</p>")
    assert content.startswith(b"%PDF")
    assert gc.isenabled()


def test_building_a_report_leaves_the_collector_on(demo: Strategy) -> None:
    report = build_report(params(demo, "delivery"))
    assert report.tables("actions")
    assert gc.isenabled()
