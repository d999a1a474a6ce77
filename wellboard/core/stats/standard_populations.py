"""Standard populations for direct age standardisation, shipped with the package as data.

The European Standard Population 2013 in nineteen five-year bands (0-4 ... 85-89, 90+) is the
one PHE and OHID use for directly standardised rates; its source is recorded in the header of
``esp2013.csv``.
"""

from __future__ import annotations

import csv
import io
import re
from functools import cache
from importlib import resources

import numpy as np
from numpy.typing import NDArray

_DASHES = re.compile(r"\s*[-\u2013\u2014]\s*|\s+to\s+")
_OPEN_ENDED = re.compile(r"\s*(\+|and over|and older|or over|plus)$")


@cache
def _esp2013_rows() -> tuple[tuple[str, float], ...]:
    text = resources.files(__package__).joinpath("esp2013.csv").read_text(encoding="utf-8")
    lines = [line for line in io.StringIO(text) if not line.startswith("#")]
    return tuple((row["age_band"], float(row["population"])) for row in csv.DictReader(lines))


def esp2013_bands() -> tuple[str, ...]:
    """The nineteen band labels, youngest first: "0-4", "5-9", ..., "85-89", "90+"."""
    return tuple(label for label, _ in _esp2013_rows())


def esp2013() -> NDArray[np.float64]:
    """The nineteen ESP 2013 band populations, youngest first (a fresh array each call)."""
    return np.array([population for _, population in _esp2013_rows()])


def normalise_band(label: str) -> str:
    """Canonical form of an age band label.

    "0 - 4", "0 to 4" and an en dash all become "0-4"; "90 and over" and "90 plus" become "90+".
    """
    text = label.strip().lower()
    text = _OPEN_ENDED.sub("+", text)
    return _DASHES.sub("-", text)


def esp2013_for_bands(labels: list[str] | tuple[str, ...]) -> NDArray[np.float64]:
    """The ESP 2013 population for each row's age band label.

    Raises KeyError naming the first label that is not one of the nineteen bands.
    """
    lookup = dict(_esp2013_rows())
    out = np.empty(len(labels))
    for i, label in enumerate(labels):
        out[i] = lookup[normalise_band(label)]
    return out
