"""What a database id typed by someone (a query parameter, a command's argument) may be."""

from __future__ import annotations


def is_id(raw: str) -> bool:
    """A number a database id can be: ASCII digits ("²" is a digit to Python, and int()
    refuses it) and no longer than a 64-bit integer holds, which the database refuses."""
    return raw.isascii() and raw.isdigit() and len(raw) <= 18
