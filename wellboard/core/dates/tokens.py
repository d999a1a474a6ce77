"""Month names, year patterns and the regular-expression pieces the matchers share."""

from __future__ import annotations

import re

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
ABBREVIATED = frozenset({*(k for k in MONTHS if len(k) == 3), "sept"})
MONTH_WORDS = "|".join(sorted(MONTHS, key=len, reverse=True))
YEAR4 = r"(?:19|20)\d{2}"
YEAR = r"(?:19|20)\d{2}|\d{2}"
SEP = r"\s*[-/',]\s*|\s+"
FY = r"(?:\bfinancial\s+years?\b|\bf/?y(?![a-z]))"
NO_ORDINAL = r"(?!\d|st\b|nd\b|rd\b|th\b)"
FLAGS = re.ASCII


def month_re(name: str) -> str:
    """A month name or abbreviation, with an optional full stop ("Sept.")."""
    return rf"\b(?P<{name}>{MONTH_WORDS})\b\.?"


def regex(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, FLAGS)


def two_digit_year(yy: int) -> int:
    """Pivot at 70: 00-69 are 2000-2069, 70-99 are 1970-1999."""
    return 2000 + yy if yy < 70 else 1900 + yy


def read_year(text: str) -> int:
    return two_digit_year(int(text)) if len(text) == 2 else int(text)


def month_and_year(month_word: str, sep: str, year_text: str) -> tuple[int, int] | None:
    """(year, month), refusing a two-digit year after a space and a full month name."""
    word = month_word.rstrip(".")
    if len(year_text) == 2 and not sep.strip() and word not in ABBREVIATED:
        return None
    return read_year(year_text), MONTHS[word]
