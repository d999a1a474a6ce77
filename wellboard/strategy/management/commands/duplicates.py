from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from wellboard.core.similarity import DEFAULT_MIN_SIMILARITY, check_threshold
from wellboard.strategy.duplicates import duplicate_pairs
from wellboard.strategy.models import Strategy


def _threshold(text: str) -> float:
    try:
        return check_threshold(float(text))
    except ValueError:
        raise CommandError(
            f"--min-similarity {text!r}: give a number above 0 and at most 1", returncode=2
        ) from None


class Command(BaseCommand):
    help = "List near-duplicate actions across the plans of a strategy."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--strategy", required=True, help="the strategy's id")
        parser.add_argument(
            "--min-similarity", default=str(DEFAULT_MIN_SIMILARITY), help="0 to 1; 0.85 default"
        )
        parser.add_argument("--json", action="store_true", help="print JSON")

    def handle(self, *args: Any, **options: Any) -> None:
        threshold = _threshold(options["min_similarity"])
        strategy_id = options["strategy"]
        strategy = None
        if str(strategy_id).isdigit():
            strategy = Strategy.objects.select_related("partnership").filter(pk=strategy_id).first()
        if strategy is None:
            raise CommandError(f"no strategy with id {strategy_id}", returncode=2)
        pairs = duplicate_pairs(strategy, min_similarity=threshold)
        if options["json"]:
            document = [
                {
                    "similarity": pair.similarity,
                    "first": {
                        "id": pair.first.pk,
                        "ref": pair.first.ref,
                        "title": pair.first.title,
                    },
                    "second": {
                        "id": pair.second.pk,
                        "ref": pair.second.ref,
                        "title": pair.second.title,
                    },
                }
                for pair in pairs
            ]
            self.stdout.write(json.dumps(document, indent=2, ensure_ascii=False))
            return
        for pair in pairs:
            self.stdout.write(
                f"{pair.similarity:.2f}  {pair.first.ref or pair.first.pk} {pair.first.title}\n"
                f"      {pair.second.ref or pair.second.pk} {pair.second.title}"
            )
        self.stdout.write(f"{len(pairs)} suspected duplicate pair(s).")
