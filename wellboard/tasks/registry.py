"""Which function runs which kind of task.

Apps register their handlers in `AppConfig.ready()`, so the tasks app stays generic and
knows nothing about reports or imports.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from wellboard.tasks.models import Task


class TaskError(Exception):
    """A failure the user can act on; its message is shown to them as it is."""


@dataclass(frozen=True)
class TaskResult:
    """A file the task produced for download."""

    name: str
    content_type: str
    content: bytes


ProgressFn = Callable[[int, str], None]


class Handler(Protocol):
    def __call__(self, task: Task, progress: ProgressFn) -> TaskResult | None: ...


_HANDLERS: dict[str, Handler] = {}


def register(kind: str) -> Callable[[Handler], Handler]:
    def decorate(handler: Handler) -> Handler:
        _HANDLERS[kind] = handler
        return handler

    return decorate


def handler_for(kind: str) -> Handler:
    try:
        return _HANDLERS[kind]
    except KeyError:
        raise TaskError(f"No handler is registered for tasks of kind {kind!r}.") from None


def registered_kinds() -> list[str]:
    return sorted(_HANDLERS)
