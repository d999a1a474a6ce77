"""The guard's record read by a statement compiled once per model (accounts/record_lookup.py)
is the record the queryset reads, with the same path to its partnership, for every model a
URL names; and it is read per request, so a renamed or moved record shows at once."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection, models
from django.test.utils import CaptureQueriesContext

from tests.accounts.url_world import UrlWorld
from wellboard.accounts.permissions import get_for_user
from wellboard.accounts.record_lookup import plain, record
from wellboard.base.scoping import parent_path
from wellboard.strategy.models import Strategy

pytestmark = pytest.mark.django_db


def columns(obj: models.Model) -> list[tuple[str, Any, type]]:
    return [
        (f.attname, getattr(obj, f.attname), type(getattr(obj, f.attname)))
        for f in obj._meta.concrete_fields
    ]


def chain(obj: models.Model, parent: str) -> list[list[tuple[str, Any, type]]]:
    """The record's columns and those of each record on its path, each of which must have
    been fetched along (in the record's cache, so reading it costs no query)."""
    found = [columns(obj)]
    target: Any = obj
    for step in parent.split("__") if parent else []:
        assert target._meta.get_field(step).is_cached(target), step
        target = getattr(target, step)
        found.append(columns(target))
    return found


def test_every_record_a_url_names_is_the_querysets_with_its_path(url_world: UrlWorld) -> None:
    compiled = 0
    for model, obj in url_world.objects.items():
        parent = parent_path(model)
        done, found = record(model, obj.pk, parent)
        if not done:
            assert not plain(model._default_manager.all()), model
            continue
        compiled += 1
        base = model._default_manager.all()
        expected = (base.select_related(parent) if parent else base).get(pk=obj.pk)
        assert type(found) is model
        assert found._state.adding is False and found._state.db == expected._state.db
        assert chain(found, parent) == chain(expected, parent), model
        assert record(model, -obj.pk - 10**9, parent) == (True, None)
    assert compiled >= len(url_world.objects) - 2


def test_the_guard_reads_the_record_in_one_statement(url_world: UrlWorld) -> None:
    admin = url_world.users["administrator"]
    strategy = url_world.strategy
    get_for_user(Strategy, strategy.pk, admin, "strategy.view")
    with CaptureQueriesContext(connection) as captured:
        found = get_for_user(Strategy, strategy.pk, admin, "strategy.view")
    assert found == strategy and found.partnership_id == strategy.partnership_id
    assert len([q for q in captured if "strategy" in q["sql"].lower()]) == 1


def test_a_renamed_or_moved_record_is_read_as_it_is_now(url_world: UrlWorld) -> None:
    strategy = url_world.strategy
    first = record(Strategy, strategy.pk, parent_path(Strategy))[1]
    Strategy.objects.filter(pk=strategy.pk).update(title="Renamed strategy")
    again = record(Strategy, strategy.pk, parent_path(Strategy))[1]
    assert first.title != "Renamed strategy" and again.title == "Renamed strategy"
