"""Reading and checking exchange documents, with errors a person can act on."""

from __future__ import annotations

import json
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from wellboard.core.exchange.schema import resolve, schema


class ExchangeError(ValueError):
    """A document that is not a valid plan; the message is one line."""


def _where(error: ValidationError) -> str:
    path = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path)
    return path.lstrip(".") or "document"


def _message(error: ValidationError) -> str:
    """jsonschema's own words, or the schema's description where a pattern says nothing."""
    described = isinstance(error.schema, dict) and error.schema.get("description")
    if error.validator == "maxLength" and isinstance(error.instance, str):
        return f"{len(error.instance)} characters: use at most {error.validator_value} characters"
    if error.validator == "pattern" and described:
        return f"{str(error.instance)[:60]!r}: {described}"
    return error.message


def validate(document: Any) -> None:
    """Raise ExchangeError naming the first problem (by path) if the document is invalid."""
    validator = Draft202012Validator(schema())
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    if errors:
        first = errors[0]
        message = _message(first)
        message = message if len(message) < 200 else message[:197] + "..."
        raise ExchangeError(f"{_where(first)}: {message}".replace("\n", " "))


def check_lengths(document: Any) -> None:
    """Raise ExchangeError for the first text longer than the format keeps, naming it.

    The importers call this on what they read, so a preview never offers a plan that the
    load would refuse, and the reason comes at once, in one line (issue #12.9).
    """
    validator = Draft202012Validator(schema())
    errors = [e for e in validator.iter_errors(document) if e.validator == "maxLength"]
    if errors:
        first = min(errors, key=lambda e: list(e.absolute_path))
        raise ExchangeError(f"{_where(first)}{_titled(document, first)}: {_message(first)}")


def text_limit(kind: str, key: str) -> int | None:
    """The format's maxLength for `key` of a `kind` record ("action", "title"), or for its
    items when it is a list: for readers that hold values outside a whole document."""
    spec = resolve(schema()["$defs"][kind]["properties"].get(key, {}))
    if spec.get("type") == "array":
        spec = resolve(spec.get("items", {}))
    limit = spec.get("maxLength")
    return limit if isinstance(limit, int) else None


def _titled(document: Any, error: ValidationError) -> str:
    """' (Run cooking clubs in every hub)': the title of the record the text belongs to."""
    node, title = document, ""
    for step in list(error.absolute_path)[:-1]:
        node = node[step]
        if isinstance(node, dict) and isinstance(node.get("title"), str):
            title = node["title"]
    if not title or title == error.instance:
        return ""
    short = title if len(title) <= 60 else title[:57] + "..."
    return " (" + " ".join(short.split()) + ")"


def load_document(text: str | bytes) -> dict[str, Any]:
    """Parse and validate JSON text into a plan document."""
    try:
        document = json.loads(text)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ExchangeError(f"not valid JSON: {exc}".splitlines()[0]) from exc
    validate(document)
    assert isinstance(document, dict)
    return document
