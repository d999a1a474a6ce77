"""``wellboard indicators stats``: the command line of the statistics, without Django.

The statistics need no database, settings or apps, so ``wellboard.cli`` runs this module
directly for ``indicators stats`` (Django's start-up would be most of the time on a small
file), and the ``indicators`` management command calls the same functions for
``call_command`` users. Output goes to a binary stream as it is produced.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import BinaryIO

from wellboard.core.stats.csv_output import FORMATS, write_result
from wellboard.core.stats.csv_stats import METHODS, compute_table
from wellboard.core.stats.errors import StatsInputError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path)
    parser.add_argument("--method", required=True, choices=list(METHODS))
    parser.add_argument("--confidence", default="95", choices=["95", "99.8"])
    parser.add_argument("--multiplier", type=float, default=None)
    parser.add_argument(
        "--format",
        choices=list(FORMATS),
        default=None,
        help="json (one compact list, the default), jsonl (one object a line) or csv",
    )
    parser.add_argument("--json", action="store_true", help="the same as --format json")


def run(options: dict[str, object], out: BinaryIO) -> None:
    """Compute and write; bad input raises StatsInputError with a one-line message."""
    path = Path(str(options["file"]))
    if not path.is_file():
        raise StatsInputError("no such file")
    data = path.read_bytes()
    multiplier = options.get("multiplier")
    result = compute_table(
        data,
        str(options["method"]),
        float(str(options["confidence"])),
        None if multiplier is None else float(str(multiplier)),
    )
    del data
    write_result(result, str(options.get("format") or "json"), out)


def main(argv: list[str]) -> int:
    """``wellboard indicators stats ARGS``: exit status 0, or 2 with a one-line error."""
    parser = argparse.ArgumentParser(
        prog="wellboard indicators stats",
        description="Values and confidence limits for a CSV, as PHE computes them.",
    )
    add_arguments(parser)
    options = vars(parser.parse_args(argv))
    if options["json"] and options["format"] not in (None, "json"):
        parser.error("--json and --format csv/jsonl contradict each other")
    try:
        run(options, sys.stdout.buffer)
        sys.stdout.flush()
    except StatsInputError as exc:
        message = str(exc).splitlines()[0]
        sys.stderr.write(f"CommandError: {options['file']}: {message}\n")
        return 2
    except BrokenPipeError:  # e.g. piped into head: not an error of ours
        return 0
    return 0
