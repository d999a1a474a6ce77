"""The canonical form of a document: every key present, sorted, in one byte layout.

Two exports of the same strategy must be byte-for-byte identical, so defaults are filled
from the schema rather than left out, and the layout is fixed here in one place.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from wellboard.core.exchange.schema import resolve, schema


def _fill(value: Any, spec: dict[str, Any]) -> Any:
    spec = resolve(spec)
    if isinstance(value, dict) and "properties" in spec:
        for name, prop in spec["properties"].items():
            if name not in value and "default" in prop:
                value[name] = copy.deepcopy(prop["default"])
            if name in value:
                value[name] = _fill(value[name], prop)
    elif isinstance(value, list) and "items" in spec:
        return [_fill(item, spec["items"]) for item in value]
    return value


def with_defaults(document: dict[str, Any]) -> dict[str, Any]:
    """A deep copy of the document with every optional key filled from the schema."""
    return _fill(copy.deepcopy(document), schema())


def dumps(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def canonical(document: dict[str, Any]) -> str:
    return dumps(with_defaults(document))
