"""Names and contact details taken out of a comment before anyone else reads it.

A consultation publishes what people wrote only with their consent and only after their
contact details are gone: email addresses, telephone numbers, postcodes, and the name the
respondent gave us (they often sign off with it). A moderator still reads the result
before it is published; this is the first pass, not the last word.
"""

from __future__ import annotations

import re

EMAIL = "[email removed]"
PHONE = "[phone number removed]"
POSTCODE = "[postcode removed]"
NAME = "[name removed]"

_EMAIL = re.compile(r"[\w.%+'-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# UK numbers as people write them: 01632 960 001, (01632) 960001, +44 7700 900 123,
# 07700-900-123. Ten or eleven digits after the leading 0 or +44, spaces and dashes allowed.
_PHONE = re.compile(r"(?<![\w+])(?:\+\s?44\s?(?:\(0\)\s?)?|\(?0)\d(?:[\s\-()]{0,2}\d){8,9}(?!\d)")
_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", re.IGNORECASE)


def _name_pattern(name: str) -> re.Pattern[str] | None:
    """The whole name first, then each part of it of two letters or more, as whole words."""
    parts = [part for part in re.split(r"[\s,]+", name.strip()) if len(part) >= 2]
    if not parts:
        return None
    whole = r"\s+".join(re.escape(part) for part in parts)
    choices = [whole, *sorted({re.escape(p) for p in parts}, key=len, reverse=True)]
    return re.compile(r"(?<!\w)(?:" + "|".join(choices) + r")(?!\w)", re.IGNORECASE)


def redact(text: str, name: str = "") -> str:
    """`text` with email addresses, phone numbers, postcodes and the given `name` replaced
    by a bracketed note saying what was removed."""
    text = _EMAIL.sub(EMAIL, text)
    text = _PHONE.sub(PHONE, text)
    text = _POSTCODE.sub(POSTCODE, text)
    pattern = _name_pattern(name)
    if pattern is not None:
        text = pattern.sub(NAME, text)
    return text
