"""The draft under consultation, paragraph by paragraph, each with a key comments refer to.

The keys name what a paragraph is (``summary-2``, ``theme-14``, ``priority-31``), so a
comment stays with its paragraph when others are added around it.
"""

from __future__ import annotations

from dataclasses import dataclass

from wellboard.consultations.models import Consultation
from wellboard.strategy.models import Priority, Theme


@dataclass(frozen=True)
class Paragraph:
    key: str
    heading: str  # a theme or priority title; empty for a paragraph of the summary
    text: str
    level: str  # "summary", "theme" or "priority"


def _summary(text: str) -> list[Paragraph]:
    blocks = [block.strip() for block in text.replace("\r\n", "\n").split("\n\n")]
    return [
        Paragraph(f"summary-{n}", "", block, "summary")
        for n, block in enumerate((b for b in blocks if b), start=1)
    ]


def paragraphs(consultation: Consultation) -> list[Paragraph]:
    """The strategy's summary, then each theme and its priorities, in plan order."""
    strategy = consultation.strategy
    found = _summary(strategy.summary)
    themes = Theme.objects.in_strategy(strategy).active().in_plan_order()
    priorities = Priority.objects.in_strategy(strategy).active().in_plan_order()
    by_theme: dict[int, list[Priority]] = {}
    for priority in priorities:
        by_theme.setdefault(priority.theme_id, []).append(priority)
    for theme in themes:
        found.append(Paragraph(f"theme-{theme.pk}", theme.title, theme.description, "theme"))
        for priority in by_theme.get(theme.pk, []):
            heading = f"{priority.ref} {priority.title}".strip()
            found.append(
                Paragraph(f"priority-{priority.pk}", heading, priority.description, "priority")
            )
    return found


def find(consultation: Consultation, key: str) -> Paragraph | None:
    return next((p for p in paragraphs(consultation) if p.key == key), None)
