"""`wellboard indicators ...`: the stats wrapper and the loaders, run as the command line runs
them (through wellboard.cli.main), so exit statuses and messages are the real ones."""

from __future__ import annotations

import io
import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tests.factories import IndicatorFactory
from tests.indicators.conftest import DOWNLOAD, FIXTURES
from wellboard.cli import main
from wellboard.indicators.models import IndicatorValue
from wellboard.partnerships.models import Partnership

Z95 = 1.959963984540054


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        main(args)
        status = 0
    except SystemExit as exit_:
        status = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return status, out, err


def csv_file(tmp_path: Path, text: str) -> str:
    path = tmp_path / "input.csv"
    path.write_text(text, encoding="utf-8")
    return str(path)


def byars(o: float, z: float) -> tuple[float, float]:
    """Byar's approximation, written out from Breslow and Day (1987) independently."""
    lower = o * (1 - 1 / (9 * o) - z / (3 * math.sqrt(o))) ** 3
    upper = (o + 1) * (1 - 1 / (9 * (o + 1)) + z / (3 * math.sqrt(o + 1))) ** 3
    return lower, upper


def test_wilson_prints_one_object_per_row(tmp_path: Path, capsys) -> None:
    path = csv_file(tmp_path, "numerator,denominator\n10,100\n0,50\n50,50\n")
    status, out, _ = run(["indicators", "stats", path, "--method", "wilson", "--json"], capsys)
    results = json.loads(out)
    assert status == 0 and len(results) == 3
    # 10/100 at 95%: (2x + z^2 -/+ z sqrt(z^2 + 4x(1 - p))) / (2(n + z^2)), worked by hand.
    assert results[0]["value"] == pytest.approx(0.1)
    assert results[0]["lower"] == pytest.approx(0.05522, abs=1e-5)
    assert results[0]["upper"] == pytest.approx(0.17437, abs=1e-5)
    assert results[1]["lower"] == 0.0 and results[2]["upper"] == pytest.approx(1.0)


def test_wilson_multiplier_gives_percentages(tmp_path: Path, capsys) -> None:
    path = csv_file(tmp_path, "numerator,denominator\n10,100\n")
    _, out, _ = run(
        ["indicators", "stats", path, "--method", "wilson", "--multiplier", "100", "--json"], capsys
    )
    assert json.loads(out)[0]["lower"] == pytest.approx(5.522, abs=1e-3)


def test_byars_uses_exact_limits_below_ten_and_byars_from_ten(tmp_path: Path, capsys) -> None:
    path = csv_file(tmp_path, "numerator,denominator\n5,100000\n20,100000\n")
    status, out, _ = run(["indicators", "stats", path, "--method", "byars", "--json"], capsys)
    small, large = json.loads(out)
    assert status == 0
    assert (small["lower"], small["upper"]) == (
        pytest.approx(1.623486, rel=1e-5), pytest.approx(11.668332, rel=1e-5),
    )  # fmt: skip
    lower, upper = byars(20, Z95)
    assert large["value"] == pytest.approx(20.0)
    assert (large["lower"], large["upper"]) == (pytest.approx(lower), pytest.approx(upper))


def test_byars_at_99_8(tmp_path: Path, capsys) -> None:
    path = csv_file(tmp_path, "numerator,denominator\n40,100000\n")
    _, out, _ = run(
        ["indicators", "stats", path, "--method", "byars", "--confidence", "99.8", "--json"],
        capsys,
    )
    lower, upper = byars(40, 3.090232306167813)
    result = json.loads(out)[0]
    assert (result["lower"], result["upper"]) == (pytest.approx(lower), pytest.approx(upper))


def test_dsr_by_group_with_dobson_limits(tmp_path: Path, capsys) -> None:
    text = (
        "group,age_band,numerator,denominator,standard_population\n"
        "A,young,10,1000,600\nA,old,30,2000,400\n"
        "B,young,1,1000,600\nB,old,2,2000,400\n"
    )
    path = csv_file(tmp_path, text)
    status, out, _ = run(["indicators", "stats", path, "--method", "dsr", "--json"], capsys)
    a, b = json.loads(out)
    # Worked by hand: DSR = sum(w_i O_i), w_i = std_i / (pop_i sum std); Dobson limits
    # DSR + sqrt(var(DSR) / O) * (Byars(O) - O), var(DSR) = sum w_i^2 O_i (Dobson et al. 1991,
    # as PHEindicatormethods calculate_dsr).
    weights, counts = [600 / (1000 * 1000), 400 / (2000 * 1000)], [10, 30]
    dsr = sum(w * o for w, o in zip(weights, counts, strict=True))
    spread = math.sqrt(sum(w * w * o for w, o in zip(weights, counts, strict=True)) / 40)
    lower, upper = byars(40, Z95)
    assert status == 0 and a["group"] == "A" and b["group"] == "B"
    assert a["value"] == pytest.approx(1200.0)
    assert a["lower"] == pytest.approx(1e5 * (dsr + spread * (lower - 40)))
    assert a["upper"] == pytest.approx(1e5 * (dsr + spread * (upper - 40)))
    assert b["value"] is None  # three events: PHE does not publish a DSR under 10


@pytest.mark.parametrize(
    ("method", "text", "message"),
    [
        ("wilson", "numerator\n1\n", "row 1: missing column denominator"),
        ("wilson", "numerator,denominator\n1,10\n-1,10\n", "row 3: numerator must not be negative"),
        ("wilson", "numerator,denominator\n11,10\n", "row 2: numerator 11 is greater than"),
        ("byars", "numerator,denominator\nten,10\n", "row 2: numerator 'ten' is not a number"),
        ("dsr", "group,age_band,numerator,denominator\nA,0-4,1,100\n", "row 2: group 'A'"),
    ],
)
def test_bad_input_is_one_line_naming_the_row_with_status_2(
    tmp_path: Path, capsys, method: str, text: str, message: str
) -> None:
    path = csv_file(tmp_path, text)
    status, out, err = run(["indicators", "stats", path, "--method", method, "--json"], capsys)
    assert status == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and message in err


def test_formats_compact_json_by_default_json_lines_and_csv(tmp_path: Path, capsys) -> None:
    path = csv_file(tmp_path, "numerator,denominator\n10,100\n,50\n")
    base = ["indicators", "stats", path, "--method", "wilson"]
    status, default, _ = run(base, capsys)
    assert status == 0 and default == run([*base, "--json"], capsys)[1]
    objects = json.loads(default)
    assert objects[1] == {"value": None, "lower": None, "upper": None}
    assert default.splitlines()[1] == json.dumps(objects[0], separators=(",", ":")) + ","
    _, lines, _ = run([*base, "--format", "jsonl"], capsys)
    assert [json.loads(line) for line in lines.splitlines()] == objects
    _, table, _ = run([*base, "--format", "csv"], capsys)
    header, first, second = table.splitlines()
    assert header == "value,lower,upper" and second == ",,"
    assert [float(x) for x in first.split(",")] == list(objects[0].values())
    status, _, err = run([*base, "--json", "--format", "csv"], capsys)
    assert status == 2 and "contradict" in err


def test_stats_runs_without_django_settings(tmp_path: Path) -> None:
    """`wellboard indicators stats` needs no SECRET_KEY or database: Django is not started."""
    path = csv_file(tmp_path, "numerator,denominator\n10,100\n")
    env = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DEBUG")}
    env["DJANGO_SETTINGS_MODULE"] = "no.such.settings"
    code = (
        "import sys; from wellboard.cli import main; "
        f"main(['indicators', 'stats', {path!r}, '--method', 'byars', '--format', 'csv']); "
        "sys.stdout.flush(); assert 'django' not in sys.modules"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[1].startswith("10000.0,")


def test_unknown_confidence_is_refused_by_the_parser(tmp_path: Path, capsys) -> None:
    path = csv_file(tmp_path, "numerator,denominator\n1,2\n")
    status, _, err = run(
        ["indicators", "stats", path, "--method", "wilson", "--confidence", "90"], capsys
    )
    assert status == 2 and "invalid choice" in err


# Database commands run through call_command: run_from_argv closes every connection when it
# finishes, which would close the test database's; the exit status comes from returncode.
def command_error(*args: str) -> CommandError:
    with pytest.raises(CommandError) as error:
        call_command("indicators", *args)
    return error.value


@pytest.mark.django_db
def test_load_fingertips_command(partnership: Partnership) -> None:
    out = io.StringIO()
    call_command(
        "indicators", "load-fingertips", str(DOWNLOAD), "--partnership", str(partnership.pk),
        stdout=out,
    )  # fmt: skip
    assert out.getvalue().startswith("Loaded 23 values")
    assert IndicatorValue.objects.count() == 23


@pytest.mark.django_db
def test_load_fingertips_command_errors(partnership: Partnership, tmp_path: Path) -> None:
    bad = csv_file(tmp_path, "Indicator ID,Area Code,Time period,Value\n1,E1,2020,high\n")
    error = command_error("load-fingertips", bad, "--partnership", str(partnership.pk))
    assert error.returncode == 2 and "row 2: Value 'high' is not a number" in str(error)
    error = command_error("load-fingertips", str(DOWNLOAD), "--partnership", "999999")
    assert error.returncode == 2 and "no partnership with id 999999" in str(error)
    assert IndicatorValue.objects.count() == 0


@pytest.mark.django_db
def test_load_local_command() -> None:
    indicator = IndicatorFactory(code="Breastfeeding (local)", unit="%")
    path = str(FIXTURES / "local_breastfeeding.csv")
    out = io.StringIO()
    call_command("indicators", "load-local", path, "--indicator", str(indicator.pk), stdout=out)
    assert "Loaded 4 values" in out.getvalue()
    error = command_error("load-local", path, "--indicator", "999999")
    assert error.returncode == 2 and "no indicator with id 999999" in str(error)
