"""Access to the JSON Schema shipped beside this module."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from wellboard.core.limits import LONG_TEXT

SCHEMA_FILE = "plan.schema.json"


@cache
def schema() -> dict[str, Any]:
    text = resources.files(__package__).joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def resolve(spec: dict[str, Any]) -> dict[str, Any]:
    """Follow a local `$ref` to its definition, keeping the referring spec's own keys."""
    ref = spec.get("$ref")
    if not ref:
        return spec
    target = schema()["$defs"][ref.rsplit("/", 1)[-1]]
    return resolve({**target, **{k: v for k, v in spec.items() if k != "$ref"}})


# The longest text any field of the format holds (plan.schema.json's maxLength for long
# texts); shorter fields carry their database column's length.
MAX_TEXT = LONG_TEXT
