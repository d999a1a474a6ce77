"""`wellboard consultation themes ID [--json] [--engine auto|model|tfidf]` and
`wellboard consultation summary ID --format docx|pdf --out FILE`: the analysis's part of
the `consultation` command (management/commands/consultation.py hands these over).

`themes` groups the comments now (and keeps the result for the results page); `summary`
writes the board paper. An unknown id, a missing model or an unwritable file is one line
and exit status 2; the summary file is written whole or not at all.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, CommandParser

from wellboard.consultations import analysis
from wellboard.consultations.models import Consultation
from wellboard.consultations.summary_hook import FORMATS, summary_file
from wellboard.core.consultation import ModelUnavailable, Themes

SUBCOMMANDS = ("themes", "summary")


def add_arguments(parser: CommandParser) -> None:
    parser.add_argument("id", nargs="?", help="themes, summary: the consultation's number")
    parser.add_argument("--json", action="store_true", help="themes: print JSON")
    parser.add_argument(
        "--engine",
        choices=["auto", "model", "tfidf"],
        help="themes: the sentence model, TF-IDF, or auto (the model where installed)",
    )
    parser.add_argument("--format", choices=FORMATS, help="summary: docx or pdf")
    parser.add_argument("--out", help="summary: the file to write")


def run(what: str, options: dict[str, Any]) -> str:
    """The command's output for ``what`` (a CommandError with status 2 when refused)."""
    consultation = _consultation(options.get("id"))
    if what == "themes":
        return _themes(consultation, options)
    return _summary(consultation, options)


def _fail(message: str) -> CommandError:
    return CommandError(message, returncode=2)


def _consultation(given: str | None) -> Consultation:
    if not given:
        raise _fail("give the consultation's number, e.g. `wellboard consultation themes 3`")
    try:
        pk = int(given)
    except ValueError:
        raise _fail(f"{given!r} is not a consultation number") from None
    found = Consultation.objects.select_related("strategy").filter(pk=pk).first()
    if found is None:
        raise _fail(f"there is no consultation {pk}")
    return found


def _themes(consultation: Consultation, options: dict[str, Any]) -> str:
    try:
        themes = analysis.refresh_themes(consultation, options.get("engine"))
    except ModelUnavailable as error:
        raise _fail(f"the sentence model cannot run: {error} (use --engine tfidf)") from None
    if options.get("json"):
        return json.dumps(themes.as_dict(), ensure_ascii=False, indent=2)
    return _themes_text(themes)


def _themes_text(themes: Themes) -> str:
    lines = [f"{themes.comments} comments, {len(themes.themes)} themes ({themes.engine_name})"]
    for theme in themes.themes:
        lines.append(f"\n{theme.label} ({theme.size})")
        lines += [f"  “{quote}”" for quote in theme.quotes]
    return "\n".join(lines)


def _summary(consultation: Consultation, options: dict[str, Any]) -> str:
    format_name, out = options.get("format"), options.get("out")
    if not format_name or not out:
        raise _fail("summary needs --format docx|pdf and --out FILE")
    content, _ = summary_file(consultation, format_name)
    target = Path(out)
    if not target.parent.is_dir():
        raise _fail(f"cannot write {out}: no folder {target.parent}")
    # Written beside the target, then moved over it: never a half-written report.
    handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".part")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(content)
        os.replace(temporary, target)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise _fail(f"cannot write {out}: {error.strerror}") from None
    return f"Wrote the summary of “{consultation.title}” to {out} ({len(content):,} bytes)."
