"""Differential test: the bulk reader against the previous row-by-row implementation, on
random files with faults of every kind, for all three methods."""

from __future__ import annotations

import io
import random

import pytest

from tests.core.stats import reference_csv_stats as reference
from wellboard.core.stats.csv_stats import compute_csv
from wellboard.core.stats.errors import StatsInputError
from wellboard.core.stats.standard_populations import esp2013_bands

CELLS = ["12", "0", "7.5", "", " 3 ", "1e2", "+4", "250", "1000", "0012", ".5"]
FAULTS = ["ten", "-1", "nan", "1e999", "x1"]


def result_or_error(compute, text: str, method: str) -> object:
    try:
        return compute(io.StringIO(text), method, 95)
    except StatsInputError as exc:
        return str(exc)


def rate_file(rng: random.Random) -> str:
    lines = ["area,Numerator,denominator"]
    for _ in range(rng.randint(0, 30)):
        if rng.random() < 0.08:
            lines.append(rng.choice(["", " , , "]))
            continue
        pool = CELLS + (FAULTS if rng.random() < 0.04 else [])
        lines.append(f"{rng.choice(['E1', 'E2'])},{rng.choice(pool)},{rng.choice(CELLS)}")
    return "\n".join(lines) + "\n"


def dsr_file(rng: random.Random, own_standard: bool) -> str:
    header = "group,age_band,numerator,denominator"
    lines = [header + (",standard_population" if own_standard else "")]
    bands = list(esp2013_bands())
    for group in rng.sample(["North", "South", "East", " West ", "Ynys Môn"], rng.randint(1, 4)):
        chosen = rng.sample(bands, rng.randint(2, 4)) if own_standard else list(bands)
        if rng.random() < 0.15:
            chosen.pop(rng.randrange(len(chosen)))  # a missing band
        if rng.random() < 0.1:
            chosen.append(chosen[0])  # a repeated band
        for band in chosen:
            band_text = rng.choice([band, band.replace("-", " - ")])
            if rng.random() < 0.03:
                band_text = "45-50"  # unknown to ESP 2013
            name = "" if rng.random() < 0.02 else group
            numerator = rng.choice(CELLS + (FAULTS if rng.random() < 0.03 else []))
            denominator = rng.choice(["1000", "250", "0" if rng.random() < 0.05 else "800"])
            row = f"{name},{band_text},{numerator},{denominator}"
            if own_standard:
                row += "," + rng.choice(["600", "400", "", "7"] if rng.random() < 0.05 else ["600"])
            lines.append(row)
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("seed", range(150))
def test_same_results_and_first_error_as_the_row_by_row_reader(seed: int) -> None:
    rng = random.Random(seed)
    cases = [
        (rate_file(rng), "wilson"),
        (rate_file(rng), "byars"),
        (dsr_file(rng, own_standard=False), "dsr"),
        (dsr_file(rng, own_standard=True), "dsr"),
    ]
    for text, method in cases:
        expected = result_or_error(reference.compute_csv, text, method)
        if isinstance(expected, str):  # the one wording that changed, shared with the loaders
            expected = expected.replace("is too large", "is not a finite number")
        assert result_or_error(compute_csv, text, method) == expected, (method, text)
