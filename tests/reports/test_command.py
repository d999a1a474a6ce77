"""`wellboard report`: every format to a file, and a one-line error with status 2."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import docx
import openpyxl
import pytest
from django.core.management import CommandError, call_command
from pypdf import PdfReader

from wellboard.strategy.models import Strategy

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("report", *args, stdout=out)
    return out.getvalue()


@pytest.mark.parametrize("fmt", ["docx", "pdf", "xlsx", "html"])
def test_each_format_is_written(demo: Strategy, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"report.{fmt}"
    said = run(
        "delivery",
        "--strategy",
        str(demo.pk),
        "--format",
        fmt,
        "--out",
        str(target),
        "--as-of",
        "2026-11-23",
        "--theme",
        "1",
    )
    assert "Wrote Delivery plan report" in said
    data = target.read_bytes()
    if fmt == "docx":
        text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
        assert "Delivery plan report" in text
    elif fmt == "pdf":
        assert "Delivery plan report" in PdfReader(io.BytesIO(data)).pages[0].extract_text()
    elif fmt == "xlsx":
        assert openpyxl.load_workbook(io.BytesIO(data))["Actions"].max_row > 1
    else:
        assert data.startswith(b"<!DOCTYPE html>")


def test_annual_and_exceptions_with_board(demo: Strategy, tmp_path: Path) -> None:
    target = tmp_path / "annual.xlsx"
    run(
        "annual",
        "--strategy",
        str(demo.pk),
        "--year",
        "2025",
        "--format",
        "xlsx",
        "--out",
        str(target),
    )
    assert target.stat().st_size > 1000
    target = tmp_path / "exceptions.docx"
    run(
        "exceptions",
        "--strategy",
        str(demo.pk),
        "--board",
        "SHP",
        "--format",
        "docx",
        "--out",
        str(target),
        "--as-of",
        "2026-11-23",
    )
    assert target.stat().st_size > 1000


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["delivery", "--strategy", "999999", "--format", "pdf"], "no strategy with id 999999"),
        (["delivery", "--strategy", "abc", "--format", "pdf"], "no strategy with id abc"),
        (["delivery", "--strategy", "{pk}", "--format", "odt"], "unknown format 'odt'"),
        (["weekly", "--strategy", "{pk}", "--format", "pdf"], "unknown report 'weekly'"),
        (
            ["delivery", "--strategy", "{pk}", "--format", "pdf", "--board", "Nope"],
            "no governance board 'Nope'",
        ),
        (
            ["delivery", "--strategy", "{pk}", "--format", "pdf", "--as-of", "2026-13-01"],
            "is not a date",
        ),
        (["annual", "--strategy", "{pk}", "--format", "pdf", "--year", "20x5"], "is not a year"),
    ],
)
def test_bad_input_is_one_line_and_status_2(
    demo: Strategy, tmp_path: Path, args: list[str], message: str
) -> None:
    target = tmp_path / "never.pdf"
    args = [a.replace("{pk}", str(demo.pk)) for a in args]
    with pytest.raises(CommandError) as caught:
        run(*args, "--out", str(target))
    assert caught.value.returncode == 2
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)
    assert not target.exists()


def test_usage_errors_from_the_shell_are_one_line_and_status_2(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "WELLBOARD_ALLOW_INSECURE_KEY": "true",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "report", "delivery", "--strategy", "1", "--out", "x"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "--format" in result.stderr
