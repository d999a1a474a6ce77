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
    return agreement_from_counts(label, counted, scale, agreeing, disagreeing)


def agreement_from_counts(
    label: str,
    counts: Mapping[int | None, int],
    scale: Sequence[int] = (5, 4, 3, 2, 1),
    agreeing: frozenset[int] = AGREEING,
    disagreeing: frozenset[int] = DISAGREEING,
) -> PriorityAgreement:
    """The same from answers already counted per point (a database's GROUP BY)."""
    return agreements_from_counts([(label, counts)], scale, agreeing, disagreeing)[0]


def agreements_from_counts(
    rows: Sequence[tuple[str, Mapping[int | None, int]]],
    scale: Sequence[int] = (5, 4, 3, 2, 1),
    agreeing: frozenset[int] = AGREEING,
    disagreeing: frozenset[int] = DISAGREEING,
) -> list[PriorityAgreement]:
    """Every priority's row from its answers counted per point, so a page need not fetch
    every answer; the Wilson limits in one vectorised call for all rows (a call per row
    was most of the results page's time). Unanswered (None) and off-scale points are left
    out."""
    counted = [Counter({p: n for p, n in counts.items() if p in scale}) for _, counts in rows]
    answered = [sum(c.values()) for c in counted]
    agree = [sum(c[p] for p in agreeing) for c in counted]
    limits = wilson_interval(agree, answered) if rows else None
    found = []
    for index, ((label, _), points) in enumerate(zip(rows, counted, strict=True)):
        share = lower = upper = None
        if answered[index] and limits is not None:
            share = float(limits.value[index])
            lower, upper = float(limits.lower[index]), float(limits.upper[index])
        found.append(
            PriorityAgreement(
                label=label,
                counts=tuple(points[p] for p in scale),
                answered=answered[index],
                agreeing=agree[index],
                disagreeing=sum(points[p] for p in disagreeing),
                share=share,
                lower=lower,
                upper=upper,
            )
        )
    return found


@dataclass(frozen=True)
class TypeCount:
    label: str
    count: int
    share: float


def by_type(types: Iterable[str], labels: Mapping[str, str]) -> list[TypeCount]:
    """Responses per respondent type in the order of ``labels`` (types not in it last,
    alphabetically), with each type's share of all responses."""
    return by_type_counts(Counter(types), labels)


def by_type_counts(counts: Mapping[str, int], labels: Mapping[str, str]) -> list[TypeCount]:
    """The same from responses already counted per type (a database's GROUP BY)."""
    counted = Counter(counts)
    total = sum(counted.values())
    order = [*labels, *sorted(t for t in counted if t not in labels)]
    return [
        TypeCount(labels.get(t, t), counted[t], counted[t] / total if total else 0.0)
        for t in order
        if counted[t] or t in labels
    ]
