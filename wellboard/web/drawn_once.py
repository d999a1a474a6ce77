"""The layout's NHS.UK macros (header, footer, breadcrumbs, skip link) drawn once for each
distinct set of parameters, then reused.

Every page draws them, and drawing them through the macros cost about 4-6 ms of CPU a
page (the macros' attribute and class handling), a fifth of what a page may cost at
40 requests a second on two cores. A macro imported without context sees nothing but
its parameters and the environment's globals (functions that never change), so the HTML
it draws for one set of parameters is the HTML it draws for every equal set: the cache
is keyed by everything the macro is given, never by who asks. Two people with the same
menu share one header; a different item, count, current page or sign-in link is a
different key.

Keys keep each value's type as well as its value: Markup (drawn as it is) and a str with
the same characters (escaped) are different keys, as are True and 1. A parameter of any
other type (a lazy translation, a model) is not cached at all: the macro draws it.
The cache holds at most MAX_ENTRIES and starts again empty when full.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from markupsafe import Markup

MAX_ENTRIES = 4096
_PLAIN_TYPES = (str, Markup, int, float, bool, type(None))
_drawn: dict[tuple[Any, Any], Markup] = {}
_lock = threading.Lock()


class _NotCacheable(Exception):
    """A parameter whose type says nothing certain about what the macro draws."""


def frozen(value: Any) -> Any:
    """A hashable key equal only for parameters the macro cannot tell apart."""
    kind = type(value)
    if kind is dict:
        if not all(type(key) is str for key in value):
            raise _NotCacheable
        return (dict, tuple(sorted((key, frozen(item)) for key, item in value.items())))
    if kind in (list, tuple):
        return (list, tuple(frozen(item) for item in value))
    if kind in _PLAIN_TYPES:
        return (kind, value)
    raise _NotCacheable


def drawn_once(macro: Callable[..., Any], params: dict[str, Any]) -> Markup:
    """What `macro(params)` draws, from the cache when these parameters were drawn before."""
    try:
        key = (_identity(macro), frozen(params))
    except _NotCacheable:
        return Markup(macro(params))  # noqa: S704 - a macro's output, escaped by Jinja
    found = _drawn.get(key)
    if found is None:
        found = Markup(macro(params))  # noqa: S704 - a macro's output, escaped by Jinja
        with _lock:
            if len(_drawn) >= MAX_ENTRIES:
                _drawn.clear()
            _drawn[key] = found
    return found


def _identity(macro: Any) -> Any:
    """Which macro this is: its compiled code, the same object however often its template
    module is made (a Jinja Macro wraps a function made anew each time), else itself."""
    return getattr(getattr(macro, "_func", None), "__code__", None) or macro
