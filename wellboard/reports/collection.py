"""Python's cyclic garbage collector paused while a report is built and while WeasyPrint
lays out and draws it.

A long plan's layout holds about half a million live objects (boxes, styles, Pango
wrappers), and every full collection the allocations trigger walks all of them: on a
400-action delivery PDF that was about a quarter of the CPU time, for almost nothing to
free, as the boxes are released by reference counting once the PDF is written. Building
the report (a few thousand model instances) paid the same, about half its time. So the
collector is paused for each and resumed after it; the pause is counted, so that
two reports rendered at once in threads of one server resume it only when both are done,
and a collector someone else had turned off stays off.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_resume = False


@contextmanager
def collector_paused() -> Iterator[None]:
    global _depth, _resume
    with _lock:
        if _depth == 0:
            _resume = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _resume:
                gc.enable()
