"""Counting requests in fixed windows in the database (base/counters.py); the counts
shared between processes are tested in tests/api/test_rate_across_processes.py."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wellboard.api.models import RequestCount
from wellboard.base.counters import count_hit, keyed, window_start
from wellboard.consultations.models import ClientHit

pytestmark = pytest.mark.django_db


def test_a_window_starts_at_a_multiple_of_its_length() -> None:
    moment = dt.datetime(2027, 3, 1, 9, 30, 20, tzinfo=dt.UTC)
    assert window_start(moment, dt.timedelta(minutes=1)) == moment.replace(second=0)
    assert window_start(moment, dt.timedelta(hours=1)) == moment.replace(minute=0, second=0)


def test_the_key_is_a_fixed_length_hash_that_hides_what_it_counts() -> None:
    address = "203.0.113.7"
    assert keyed(address) == keyed(address) != keyed("203.0.113.8")
    assert len(keyed(address)) == len(keyed("x" * 500)) == 64
    assert address not in keyed(address)


def test_each_hit_adds_one_to_its_own_window_and_key() -> None:
    start = dt.datetime(2027, 3, 1, 9, 30, tzinfo=dt.UTC)
    later = start + dt.timedelta(minutes=1)
    assert [count_hit(RequestCount, start, key="a") for _ in range(3)] == [1, 2, 3]
    assert count_hit(RequestCount, start, key="b") == 1
    assert count_hit(RequestCount, later, key="a") == 1
    # Only this test's keys: a module fixture elsewhere (the API schema read once for
    # tests/api/test_schemathesis.py, outside any test's transaction) leaves its own count.
    counts = RequestCount.objects.filter(key__in=["a", "b"])
    assert sorted(counts.values_list("key", "window_start", "count")) == [
        ("a", start, 3),
        ("a", later, 1),
        ("b", start, 1),
    ]


def test_a_hit_is_counted_and_read_back_in_one_statement() -> None:
    start = dt.datetime(2027, 3, 1, 9, 30, tzinfo=dt.UTC)
    count_hit(RequestCount, start, key="a")
    for expected in (1, 2):  # a window's first hit makes its row; later hits add to it
        with CaptureQueriesContext(connection) as captured:
            assert count_hit(RequestCount, start + dt.timedelta(minutes=1), key="a") == expected
        assert len(captured) == 1


def test_the_consultation_counters_are_kept_by_scope_and_client() -> None:
    start = dt.datetime(2027, 3, 1, 9, 30, tzinfo=dt.UTC)
    hits = [("respond", "x"), ("respond", "x"), ("comment", "x"), ("respond", "y")]
    assert [count_hit(ClientHit, start, scope=s, client=c) for s, c in hits] == [1, 2, 1, 1]
    counts = ClientHit.objects.filter(client__in=["x", "y"])
    assert sorted(counts.values_list("scope", "client", "window_start", "count")) == [
        ("comment", "x", start, 1),
        ("respond", "x", start, 2),
        ("respond", "y", start, 1),
    ]


def test_a_key_that_is_not_the_models_unique_constraint_is_refused() -> None:
    start = dt.datetime(2027, 3, 1, 9, 30, tzinfo=dt.UTC)
    with pytest.raises(ValueError, match="no unique constraint"):
        count_hit(ClientHit, start, client="x")
