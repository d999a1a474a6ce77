"""benchmarks/locustfile.py with every request tagged and timed, for bench_load_trace.py.

Each request carries an X-Bench-Id header (the server's trace_worker.py logs it) and is
written to TRACE_DIR/locust.log with when locust began it and when it had the whole
response. A greenlet that asks to sleep 10 ms writes down each time it woke late by more
than 10 ms: the moments locust's own loop was stalled.
"""

from __future__ import annotations

import itertools
import os
import time
from typing import Any

import gevent
import locust.contrib.fasthttp as fasthttp
from locust import events
from locustfile import BoardStaff  # noqa: F401  (the users locust runs)

_out = open(f"{os.environ['TRACE_DIR']}/locust.log", "w", buffering=1 << 16)  # noqa: SIM115
_ids = itertools.count(1)
_request = fasthttp.FastHttpSession.request


def tagged(self: Any, method: str, url: str, name: str | None = None,
           headers: dict[str, str] | None = None, **kwargs: Any) -> Any:  # fmt: skip
    request_id = next(_ids)
    headers = {**(headers or {}), "X-Bench-Id": str(request_id)}
    start = time.time()
    response = _request(self, method, url, name=name, headers=headers, **kwargs)
    _out.write(f"req {request_id} {start:.6f} {time.time():.6f} {name}\n")
    return response


fasthttp.FastHttpSession.request = tagged  # type: ignore[method-assign]


def stalls() -> None:
    while True:
        start = time.perf_counter()
        gevent.sleep(0.01)
        late = time.perf_counter() - start - 0.01
        if late > 0.01:
            _out.write(f"stall {time.time():.6f} {late * 1000:.1f}\n")


@events.test_start.add_listener
def _start(**_: Any) -> None:
    gevent.spawn(stalls)


@events.quitting.add_listener
def _quit(**_: Any) -> None:
    _out.flush()
