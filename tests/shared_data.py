"""Helpers for data built once and shared by the tests of a module (see tests/conftest.py)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import models, transaction

T = TypeVar("T")
DEMO_PASSWORD = "demo-password-1"  # the test demo users' password

# The demo's "today": its reports are checked as of this date, and the `demo` fixture loads
# it and runs its tests at noon on this day (time-machine), whatever the real date.
DEMO_TODAY = dt.date(2026, 11, 23)
DEMO_MOMENT = dt.datetime(2026, 11, 23, 12, 0, tzinfo=ZoneInfo("Europe/London"))


@contextmanager
def rolled_back(django_db_blocker: Any) -> Iterator[None]:
    """Open the database for a module's shared data; undo everything when the module ends.

    pytest-django runs each test in a savepoint inside this transaction (its TestCase skips
    the connection closing that would otherwise end it), so tests see the data and every
    test's own writes are rolled back on its way out.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        try:
            yield
        finally:
            transaction.set_rollback(True)


@contextmanager
def demo_loaded(django_db_blocker: Any) -> Iterator[Any]:
    """The demo strategy loaded on its own day, for as long as the block lasts, then undone.

    Loading it (a consultation with 240 responses and themes, rounds, versions, users) costs
    far more than most tests that read it: tests/conftest.py loads it once per module, and a
    package whose modules only read it (tests/reports) once for the package.
    """
    from wellboard.demo.services import load_demo

    with rolled_back(django_db_blocker), pytest.MonkeyPatch.context() as patch:
        patch.setenv("WELLBOARD_DEMO_PASSWORD", DEMO_PASSWORD)
        with time_machine.travel(DEMO_MOMENT, tick=True):
            strategy = load_demo().strategy
        yield strategy


def fresh(value: T) -> T:
    """The same record read again from the database; other values as they are."""
    if isinstance(value, models.Model):
        return type(value)._default_manager.get(pk=value.pk)  # type: ignore[return-value]
    if isinstance(value, dict):
        return {key: fresh(item) for key, item in value.items()}  # type: ignore[return-value]
    return value


def fresh_fields(world: T) -> T:
    """A copy of a dataclass of records, every record read again from the database."""
    assert dataclasses.is_dataclass(world) and not isinstance(world, type)
    values = {field.name: fresh(getattr(world, field.name)) for field in dataclasses.fields(world)}
    return dataclasses.replace(world, **values)
