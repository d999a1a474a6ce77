"""The writer: every format is the data json.dumps and the csv module give, over several
blocks and with group names holding any character (a zero byte included)."""

from __future__ import annotations

import csv
import io
import json

import numpy as np

from wellboard.core.stats.csv_output import BLOCK, write_result
from wellboard.core.stats.csv_stats import StatsResult, compute_csv, compute_table
from wellboard.core.stats.standard_populations import esp2013_bands


def written(result: StatsResult, fmt: str) -> str:
    out = io.BytesIO()
    write_result(result, fmt, out)
    return out.getvalue().decode("utf-8")


def test_rows_across_several_blocks_are_what_json_dumps_writes() -> None:
    rng = np.random.default_rng(17)
    rows = BLOCK * 2 + 5
    denominators = rng.integers(1, 500_000, rows)
    numerators = rng.binomial(denominators, 0.01)
    numerators[::97] = -1  # an empty cell: a missing value, null
    lines = ["numerator,denominator"] + [
        f"{'' if x < 0 else x},{n}" for x, n in zip(numerators, denominators, strict=True)
    ]
    text = "\n".join(lines) + "\n"
    for method in ("wilson", "byars"):
        expected = compute_csv(io.StringIO(text), method, 95)
        result = compute_table(text.encode(), method, 95)
        assert json.loads(written(result, "json")) == expected
        objects = [json.dumps(o, separators=(",", ":")) for o in expected]
        assert written(result, "jsonl").splitlines() == objects
        table = list(csv.reader(io.StringIO(written(result, "csv"))))[1:]
        assert table == [["" if v is None else repr(v) for v in o.values()] for o in expected]


def test_group_names_with_a_zero_byte_quotes_and_accents_come_back_as_they_were() -> None:
    names = ["North\x00East", 'Say "hi", there', "Bishop\u2019s Stortford", "plain"]
    lines = ["group,age_band,numerator,denominator"]
    for g, name in enumerate(names):
        cell = '"' + name.replace('"', '""') + '"'
        lines += [
            f"{cell},{band},{(i + g) % 7},{900 + i}" for i, band in enumerate(esp2013_bands())
        ]
    text = "\n".join(lines) + "\n"
    expected = compute_csv(io.StringIO(text), "dsr", 95)
    result = compute_table(text.encode(), "dsr", 95)
    assert [row["group"] for row in expected] == names
    rows = list(csv.DictReader(io.StringIO(written(result, "csv"), newline="")))
    assert [row["group"] for row in rows] == names
    assert [float(row["value"]) for row in rows] == [row["value"] for row in expected]
    assert json.loads(written(result, "json")) == expected
    assert [json.loads(line) for line in written(result, "jsonl").splitlines()] == expected
    lines = written(result, "jsonl").splitlines()
    assert [line[: line.index(',"value"')] for line in lines] == [
        '{"group":' + json.dumps(name) for name in names
    ]  # the names' text exactly as json.dumps writes it
