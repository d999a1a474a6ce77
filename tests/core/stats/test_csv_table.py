"""The bulk CSV reader against the csv module's, and the statistics either way."""

from __future__ import annotations

import io
import json
import math
import random

import numpy as np
import pytest

from wellboard.core.stats.csv_numbers import parse_numbers
from wellboard.core.stats.csv_output import write_result
from wellboard.core.stats.csv_stats import compute_csv, compute_table
from wellboard.core.stats.csv_table import Table, _read_plain, _read_with_csv_module, read_table
from wellboard.core.stats.errors import StatsInputError
from wellboard.core.stats.standard_populations import esp2013_bands

WANTED = ("group", "age_band", "numerator", "denominator", "standard_population")
NUMBERS = ["12", "0", "7.5", ".5", "3.", "1e3", "2E-2", "+4", " 8 ", "", "  ", "10",
           "123456789012345", "1234567890123456", "0.000001", "99.99", "0012"]  # fmt: skip
BAD = ["ten", "nan", "inf", "-2", "1,5", "1e999", "--1", ".", "1.2.3", "5\u00a0x"]


def as_plain(table: Table) -> tuple:
    cells = {
        name: [c.text(i) for i in range(len(table))] for name, c in sorted(table.columns.items())
    }
    return table.header, table.header_row, table.rows.tolist(), cells


def random_csv(rng: random.Random, bad: bool) -> bytes:
    header = ["area", "Numerator", " denominator ", "note"]
    rng.shuffle(header)
    lines = ["", " , ,"] if rng.random() < 0.3 else []
    lines.append(",".join(header))
    for _ in range(rng.randint(0, 40)):
        if rng.random() < 0.1:
            lines.append(rng.choice(["", "   ", ",,,", " , , , ", "\t,\x0b,,", "+,,,", ",\x01,,"]))
            continue
        cells = {"area": rng.choice(["E06000001", "Ynys Môn", "x"]), "note": rng.choice(["", "ok"])}
        cells["note"] += rng.choice(["", "", "\u00a0"])  # non-ASCII space: str.strip() drops it
        pool = NUMBERS + ([b for b in BAD if "," not in b] if bad and rng.random() < 0.05 else [])
        cells["Numerator"] = rng.choice(pool)
        cells[" denominator "] = rng.choice([*NUMBERS[:8], "1000", "250"])
        lines.append(",".join(cells[name] for name in header))
    text = "\n".join(lines) + rng.choice(["\n", ""])
    if rng.random() < 0.3:
        text = text.replace("\n", "\r\n")
    data = text.encode("utf-8")
    return (b"\xef\xbb\xbf" + data) if rng.random() < 0.2 else data


def outcome(data: bytes, method: str, read) -> object:
    """The statistics' result or error message, reading the table with ``read``."""
    import wellboard.core.stats.csv_stats as module

    original = module.read_table
    module.read_table = lambda d, wanted: read(
        d[3:] if d.startswith(b"\xef\xbb\xbf") else d, wanted
    )
    try:
        result = compute_table(data, method, 95)
        return [np.nan_to_num(a, nan=-1.0).tolist() for a in (result.value, result.upper)]
    except StatsInputError as exc:
        return str(exc)
    finally:
        module.read_table = original


@pytest.mark.parametrize("seed", range(60))
def test_bulk_reader_reads_what_the_csv_module_reads(seed: int) -> None:
    data = random_csv(random.Random(seed), bad=seed % 3 == 0)
    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    plain = _read_plain(body, WANTED)
    assert plain is not None  # no quotes, no ragged rows: the bulk reader takes it
    assert as_plain(plain) == as_plain(_read_with_csv_module(body, WANTED))
    for method in ("wilson", "byars"):
        assert outcome(data, method, _read_plain) == outcome(data, method, _read_with_csv_module)


def test_quoted_ragged_and_carriage_return_files_go_to_the_csv_module() -> None:
    for data in (
        b'numerator,denominator\n"1",10\n',
        b"numerator,denominator,x\n1,10\n2,20,3,4\n",
        b"numerator,denominator\r1,10\r",
    ):
        assert _read_plain(data, WANTED) is None
        assert read_table(data, WANTED).rows.tolist() == [2, 3][: len(read_table(data, WANTED))]


def test_quoted_cells_with_commas_and_newlines_keep_row_numbers() -> None:
    data = b'note,numerator,denominator\n"a, b",1,10\n"two\nlines",2,20\n\nplain,3,30\n'
    table = read_table(data, WANTED)
    assert table.rows.tolist() == [2, 3, 6]
    numbers = parse_numbers(table.columns["numerator"], "numerator", table.rows, math.nan)
    assert numbers.values.tolist() == [1.0, 2.0, 3.0]


def test_a_repeated_column_name_means_its_last_column_both_ways() -> None:
    data = b"numerator,denominator,numerator\n1,10,2\n"
    for read in (_read_plain, _read_with_csv_module):
        table = read(data, WANTED)
        assert table.columns["numerator"].text(0) == "2"


def test_not_utf8_is_one_line_error() -> None:
    with pytest.raises(StatsInputError, match="not UTF-8"):
        read_table(b"numerator,denominator\n1,\xff\n", WANTED)


def test_numbers_in_bulk_equal_the_shared_rule_cell_by_cell() -> None:
    from wellboard.core.csv_cells import CellError, number_cell

    rng = random.Random(7)
    extra = ["00.25", "4.000000000000001", "5e-324", "\u00a05\u00a0"]
    cells = [rng.choice(NUMBERS + extra) for _ in range(3000)]
    text = "numerator,denominator\n" + "".join(f"{cell},1\n" for cell in cells)
    table = read_table(text.encode(), WANTED)
    values = parse_numbers(table.columns["numerator"], "numerator", table.rows, math.nan).values
    for cell, value in zip(cells, values.tolist(), strict=True):
        expected = number_cell(cell, "numerator", 2)
        assert math.isnan(value) if expected is None else value == expected
    for bad in BAD:
        table = read_table(f'numerator\n1\n"{bad}"\n'.encode(), WANTED)
        numbers = parse_numbers(table.columns["numerator"], "numerator", table.rows, math.nan)
        with pytest.raises(CellError) as caught:
            number_cell(bad, "numerator", 3)
        assert (numbers.error_index, numbers.error) == (1, str(caught.value))


def test_whole_numbers_read_eight_bytes_at_a_time_are_what_float_reads() -> None:
    """Chunks of only whole numbers of up to eight digits take the word-at-a-time path; a
    chunk with one longer or odd cell falls back, and a bad cell is still reported."""
    from wellboard.core.stats.csv_numbers import CHUNK

    rng = np.random.default_rng(5)
    digits = rng.integers(1, 9, CHUNK * 2)
    cells = [str(v).zfill(int(d)) for v, d in zip(rng.integers(0, 10**8, digits.size),
                                                  digits, strict=True)]  # fmt: skip
    cells[3] = "0"
    cells[CHUNK + 7] = "123456789"  # nine digits: the second chunk falls back
    cells[CHUNK + 9] = ""
    text = "numerator,denominator\n" + "".join(f"{cell},1\n" for cell in cells)
    table = read_table(text.encode(), WANTED)
    numbers = parse_numbers(table.columns["numerator"], "numerator", table.rows, math.nan)
    expected = [float(cell) if cell else math.nan for cell in cells]
    assert np.array_equal(numbers.values, np.array(expected), equal_nan=True)
    for bad in ("1/", "1:", "12 4", "+"):
        cells[CHUNK - 1] = bad
        text = "numerator,denominator\n" + "".join(f"{cell},1\n" for cell in cells)
        table = read_table(text.encode(), WANTED)
        numbers = parse_numbers(table.columns["numerator"], "numerator", table.rows, math.nan)
        assert numbers.error_index == CHUNK - 1, bad


def dsr_csv(groups: list[str]) -> str:
    lines = ["group,age_band,numerator,denominator"]
    for g, group in enumerate(groups):
        cell = '"' + group.replace('"', '""') + '"' if "," in group or '"' in group else group
        for i, band in enumerate(esp2013_bands()):
            lines.append(f"{cell},{band},{(i * 3 + g) % 11},{1000 + 7 * i}")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
def test_output_is_the_same_data_written_as_json_dumps_writes_it(fmt: str) -> None:
    text = "numerator,denominator\n10,100\n,50\n0,40\n3,3\n"
    for method, csv_text in (("wilson", text), ("dsr", dsr_csv(["North", 'Say "hi", there'])),
                             ("byars", text)):  # fmt: skip
        expected = compute_csv(io.StringIO(csv_text), method, 99.8)
        out = io.BytesIO()
        write_result(compute_table(csv_text.encode(), method, 99.8), fmt, out)
        written = out.getvalue().decode("utf-8")
        if fmt == "json":
            assert json.loads(written) == expected
            lines = written.splitlines()
            assert lines[0] == "[" and lines[-1] == "]"
            objects = [line.rstrip(",") for line in lines[1:-1]]
        elif fmt == "jsonl":
            objects = written.splitlines()
        else:
            rows = list(__import__("csv").DictReader(io.StringIO(written)))
            assert [{k: (float(v) if v and k != "group" else v or None) for k, v in r.items()}
                    for r in rows] == expected  # fmt: skip
            continue
        assert objects == [json.dumps(o, separators=(",", ":")) for o in expected]


def test_empty_results_are_valid_in_every_format() -> None:
    result = compute_table(b"numerator,denominator\n", "wilson", 95)
    for fmt, expected in (("json", b"[]\n"), ("jsonl", b""), ("csv", b"value,lower,upper\n")):
        out = io.BytesIO()
        write_result(result, fmt, out)
        assert out.getvalue() == expected
