"""The one exception the parsing core lets out.

Callers (the Django importer, the CLI) show the message to the person who uploaded
the file, so it is one line, names the file and says what is wrong with it.
"""

from __future__ import annotations


class PlanImportError(Exception):
    """A file that cannot be read as a plan: ``"FILE: reason"``."""

    def __init__(self, filename: str, reason: str) -> None:
        self.filename = filename
        self.reason = " ".join(reason.split())
        super().__init__(f"{filename}: {self.reason}")
