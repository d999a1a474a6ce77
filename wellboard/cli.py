"""The `wellboard` command: Django's management commands under the product's own name
(`indicators stats`, which needs no Django, runs wellboard.core.stats.command directly)."""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if args[:2] == ["indicators", "stats"]:
        # Pure statistics: no database or settings, so Django is not started at all.
        from wellboard.core.stats.command import main as stats

        status = stats(args[2:])
        if status:
            raise SystemExit(status)
        return
    if args[:1] == ["api-token"]:  # the command's module cannot have a hyphen in its name
        args = ["api_token", *args[1:]]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wellboard.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["wellboard", *args])


if __name__ == "__main__":
    main()
