"""How boards judge delivery: status percentages, the suggested RAG and weighted roll-ups.

Pure Python so that reports, pages and exports apply one rule. The thresholds are the
ones HWB delivery plans commonly use when a RAG is "based on progress against timescale":
within 10 points of where the calendar says the action should be is green, within 25 is
amber, further behind (or past the deadline) is red.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

# A status with no percentage of its own counts for this much of the work.
STATUS_PERCENT = {
    "not_started": 0,
    "red": 25,
    "amber": 50,
    "green": 75,
    "complete": 100,
}
GREEN_WITHIN = 10
AMBER_WITHIN = 25
# When a plan gives no start, assume the year before the deadline, the usual span of one
# year's delivery plan.
DEFAULT_SPAN = timedelta(days=365)

ROLL_UP_ORDER = ("complete", "green", "amber", "red", "not_started", "overdue")

# The one set of status words, on every page, report and export: what a RAG colour means,
# with the colour beside it so a board used to RAG ratings reads both.
STATUS_WORDS = {
    "complete": "Complete",
    "green": "On track (green)",
    "amber": "At risk (amber)",
    "red": "Off track (red)",
    "not_started": "Not started",
    "overdue": "Overdue",
}
SUGGESTED_STATUS_EXPLAINED = (
    "The suggested status compares how much of the action is done with how much of its time "
    f"has gone: within {GREEN_WITHIN} points is on track, within {AMBER_WITHIN} at risk, "
    "further behind or past the due date off track."
)


def status_words(status: str) -> str:
    """The words for a status key ("green" -> "On track (green)"); "" for none."""
    return STATUS_WORDS.get(status, status.replace("_", " ").capitalize())


def action_percent(percent_complete: int | None, rag: str) -> int:
    """The lead's own percentage when given, else the percentage the status stands for."""
    if percent_complete is not None:
        return max(0, min(100, percent_complete))
    return STATUS_PERCENT.get(rag, 0)


def expected_percent(start: date | None, due: date, today: date) -> float:
    """Where a straight-line plan from start to due says the action should be today."""
    start = start if start and start < due else due - DEFAULT_SPAN
    if today <= start:
        return 0.0
    if today >= due:
        return 100.0
    return 100.0 * (today - start).days / (due - start).days


def suggested_rag(percent: int, start: date | None, due: date | None, today: date) -> str:
    """The RAG the calendar suggests; "" when there is no deadline to judge against."""
    if percent >= 100:
        return "complete"
    if due is None:
        return ""
    if today > due:
        return "red"
    gap = expected_percent(start, due, today) - percent
    if gap <= GREEN_WITHIN:
        return "green"
    if gap <= AMBER_WITHIN:
        return "amber"
    return "red"


def weighted_percent(items: Iterable[tuple[float, float]]) -> float | None:
    """Mean of (weight, percent) pairs by weight; None when nothing carries weight."""
    total_weight = 0.0
    total = 0.0
    for weight, percent in items:
        total_weight += weight
        total += weight * percent
    return total / total_weight if total_weight else None


@dataclass
class StatusCounts:
    """Counts of actions by status, plus those with no update for 90 days."""

    counts: Counter[str] = field(default_factory=Counter)
    stale: int = 0

    def add(self, status: str, *, stale: bool) -> None:
        self.counts[status] += 1
        self.stale += int(stale)

    def merge(self, other: StatusCounts) -> None:
        self.counts.update(other.counts)
        self.stale += other.stale

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def ordered(self) -> list[tuple[str, int]]:
        return [(status, self.counts.get(status, 0)) for status in ROLL_UP_ORDER]


def rolled_up(
    counts: StatusCounts, parts: Iterable[tuple[float, StatusCounts, float | None]]
) -> float | None:
    """A theme's or plan's roll-up from its priorities or themes, given as (weight, counts,
    percent): each part's counts merged into `counts`, and the parts' percentages
    weighted by their weights (a part with no percentage, no actions, carries none)."""
    pairs = []
    for weight, part_counts, percent in parts:
        counts.merge(part_counts)
        if percent is not None:
            pairs.append((weight, percent))
    return weighted_percent(pairs)
