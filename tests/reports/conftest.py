from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
import time_machine

from tests.shared_data import DEMO_MOMENT, DEMO_TODAY, demo_loaded
from wellboard.reports.build import RenderedReport, produce
from wellboard.reports.params import ReportParams, build_params
from wellboard.strategy.delivery import delivered_actions
from wellboard.strategy.models import Action, ProgressUpdate, Strategy

__all__ = ["DEMO_TODAY", "demo_actions", "latest_text", "params", "rendered"]


@pytest.fixture(scope="package")
def _module_demo(django_db_setup: None, django_db_blocker: Any) -> Iterator[Strategy]:
    """The demo, loaded once for all the reports' modules instead of once for each (tests/
    conftest.py's `demo` reads it from here): they only read it, each test's writes are rolled
    back with its savepoint, and no module here builds other data or runs transactional tests."""
    with demo_loaded(django_db_blocker) as strategy:
        yield strategy


@pytest.fixture(scope="package")
def delivery_pdf(_module_demo: Strategy) -> RenderedReport:
    """The demo's delivery report as PDF, laid out once for the package's tests that only read
    it: WeasyPrint's layout is the slowest step of the suite's reports."""
    with time_machine.travel(DEMO_MOMENT, tick=True):
        return rendered(_module_demo, "delivery", "pdf")


def demo_actions(strategy: Strategy) -> list[Action]:
    """The actions the main plan's reports show: its own and its delegated plan's."""
    assert strategy.main_plan is not None
    return list(delivered_actions(strategy.main_plan).prefetch_related("updates"))


def latest_text(action: Action, as_of: dt.date = DEMO_TODAY) -> str:
    """The newest counted update written by `as_of`, worked out independently of reports."""
    updates = [
        u
        for u in ProgressUpdate.objects.counted().filter(action=action)
        if u.text and (u.date is None or u.date <= as_of)
    ]
    if not updates:
        return ""
    return max(updates, key=lambda u: (u.date or dt.date.min, u.pk)).text


def params(strategy: Strategy, kind: str, **values: Any) -> ReportParams:
    values.setdefault("as_of", DEMO_TODAY)
    return build_params(kind=kind, strategy=strategy, today=DEMO_TODAY, **values)


def rendered(strategy: Strategy, kind: str, fmt: str, **values: Any) -> RenderedReport:
    return produce(params(strategy, kind, **values), fmt)
