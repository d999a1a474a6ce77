""" "You said, we did": what respondents said, what the board did, and the words that
changed between the version consulted on and the version that carries the change
(core/text_compare does the comparison, as on the strategy's version pages)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Max, QuerySet

from wellboard.consultations.models import Consultation, YouSaidWeDid
from wellboard.core.text_compare import Row, sections, word_diff
from wellboard.strategy.version_models import StrategyVersion


@dataclass(frozen=True)
class YouSaidRow:
    row: YouSaidWeDid
    where: str  # "Priority 2.1: description, version 3", or "" when not tied to the text
    change: Row | None  # the part's words in the consulted version and in the later one


def consulted_text(consultation: Consultation) -> dict[str, Any]:
    version = consultation.strategy_version
    return version.text if version is not None else {}


def later_versions(consultation: Consultation) -> QuerySet[StrategyVersion]:
    """Versions kept after the one consulted on: where the changes can be."""
    versions = StrategyVersion.objects.filter(strategy=consultation.strategy)
    if consultation.strategy_version is not None:
        versions = versions.filter(number__gt=consultation.strategy_version.number)
    return versions.order_by("number")


def section_choices(version: StrategyVersion | None) -> list[tuple[str, str]]:
    if version is None:
        return []
    return [(key, label) for key, (label, _) in sections(version.text).items()]


def you_said_rows(consultation: Consultation, *, changes: bool = True) -> list[YouSaidRow]:
    """Each row with where it is in the strategy and, unless `changes` is False (the results
    page shows only where, not the words that changed), the words compared: a comparison
    per row on every view of a page that does not show it was a tenth of its time."""
    before = sections(consulted_text(consultation))
    found = []
    rows = consultation.you_said_we_did.select_related("strategy_version").order_by(
        "position", "pk"
    )
    for row in rows:
        version = row.strategy_version
        if version is None or not row.section:
            found.append(YouSaidRow(row, "", None))
            continue
        after = sections(version.text)
        label = (after.get(row.section) or before.get(row.section) or (row.section, ""))[0]
        old = before.get(row.section, ("", ""))[1]
        new = after.get(row.section, ("", ""))[1]
        change = Row(label, *word_diff(old, new)) if changes else None
        found.append(YouSaidRow(row, f"{label}, version {version.number}", change))
    return found


def add_row(consultation: Consultation, **fields: Any) -> YouSaidWeDid:
    """A new row at the end of the table."""
    with transaction.atomic():
        last = consultation.you_said_we_did.aggregate(last=Max("position"))["last"] or 0
        return YouSaidWeDid.objects.create(consultation=consultation, position=last + 1, **fields)
