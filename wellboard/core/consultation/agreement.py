"""How far respondents agree with each priority: counts per point of the five-point scale
and the share agreeing with its Wilson 95% interval (core/stats), plus counts by
respondent type. Plain data in, plain data out; the scale's points are the caller's
(consultations.choices.Agreement), 1 = strongly disagree ... 5 = strongly agree.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from wellboard.core.stats import wilson_interval

AGREEING = frozenset({4, 5})
DISAGREEING = frozenset({1, 2})


@dataclass(frozen=True)
class PriorityAgreement:
    label: str
    counts: tuple[int, ...]  # one per scale point, in the order of the scale given
    answered: int
    agreeing: int
    disagreeing: int
    share: float | None  # proportion agreeing, None when nobody answered
    lower: float | None
    upper: float | None

    @property
    def percent(self) -> str:
        return "" if self.share is None else f"{100 * self.share:.0f}%"

    @property
    def interval(self) -> str:
        if self.lower is None or self.upper is None:
            return ""
        return f"{100 * self.lower:.0f}% to {100 * self.upper:.0f}%"


def priority_agreement(
    label: str,
    points: Iterable[int | None],
    scale: Sequence[int] = (5, 4, 3, 2, 1),
    agreeing: frozenset[int] = AGREEING,
    disagreeing: frozenset[int] = DISAGREEING,
) -> PriorityAgreement:
    """Counts for one priority; unanswered (None) and off-scale points are not counted."""
    counted = Counter(p for p in points if p in scale)
    answered = sum(counted.values())
    agree = sum(counted[p] for p in agreeing)
    disagree = sum(counted[p] for p in disagreeing)
    share = lower = upper = None
    if answered:
        interval = wilson_interval(agree, answered)
        share, lower, upper = float(interval.value), float(interval.lower), float(interval.upper)
    return PriorityAgreement(
        label=label,
        counts=tuple(counted[p] for p in scale),
        answered=answered,
        agreeing=agree,
        disagreeing=disagree,
        share=share,
        lower=lower,
        upper=upper,
    )


@dataclass(frozen=True)
class TypeCount:
    label: str
    count: int
    share: float


def by_type(types: Iterable[str], labels: Mapping[str, str]) -> list[TypeCount]:
    """Responses per respondent type in the order of ``labels`` (types not in it last,
    alphabetically), with each type's share of all responses."""
    counted = Counter(types)
    total = sum(counted.values())
    order = [*labels, *sorted(t for t in counted if t not in labels)]
    return [
        TypeCount(labels.get(t, t), counted[t], counted[t] / total if total else 0.0)
        for t in order
        if counted[t] or t in labels
    ]
