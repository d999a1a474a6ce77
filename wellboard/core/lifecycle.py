"""The strategy lifecycle as a table: which step may follow which, and why one is refused.

Pure Python (no Django) so that the web form, the command line and the tests share one
rulebook. A joint strategy is drafted, consulted on, revised, approved by the Health and
Wellbeing Board, adopted by the council and the NHS body, delivered, reviewed and closed.
"""

from __future__ import annotations

from collections.abc import Mapping

LABELS: Mapping[str, str] = {
    "draft": "Draft",
    "consultation": "In consultation",
    "revised": "Revised",
    "approved": "Approved",
    "adopted": "Adopted",
    "in_delivery": "In delivery",
    "under_review": "Under review",
    "closed": "Closed",
}

# Steps back are allowed where boards take them: a consultation draft withdrawn for
# rework, a second consultation on a revised draft, a review that leads back into delivery
# or to a refresh of the text, a closed strategy reopened for review by a board decision.
ALLOWED: Mapping[str, frozenset[str]] = {
    "draft": frozenset({"consultation", "approved"}),
    "consultation": frozenset({"draft", "revised"}),
    "revised": frozenset({"consultation", "approved"}),
    "approved": frozenset({"adopted", "in_delivery"}),
    "adopted": frozenset({"in_delivery"}),
    "in_delivery": frozenset({"under_review", "closed"}),
    "under_review": frozenset({"in_delivery", "revised", "closed"}),
    "closed": frozenset({"under_review"}),
}

# Steps that a board or body decides at a meeting: they need the body and the meeting date.
DECIDED: frozenset[str] = frozenset({"consultation", "approved", "adopted", "closed"})


def needs_decision(current: str, target: str) -> bool:
    """Whether the step is a body's decision (reopening a closed strategy always is)."""
    return target in DECIDED or current == "closed"


def refusal(current: str, target: str, *, body: str = "", meeting_date: object = None) -> str:
    """The one-line reason the step is refused, or "" when it is allowed."""
    if target not in LABELS:
        return f"{target!r} is not a strategy status: use one of {', '.join(LABELS)}."
    now, then = LABELS.get(current, current).lower(), LABELS[target].lower()
    if target == current:
        return f"The strategy is already {now}."
    if target not in ALLOWED.get(current, frozenset()):
        return f"A strategy cannot go from {now} to {then}{_hint(current, target)}."
    if needs_decision(current, target) and not (body.strip() and meeting_date):
        return f"Going from {now} to {then} needs the deciding body and the meeting date."
    return ""


def _hint(current: str, target: str) -> str:
    if target == "adopted":
        return ": it must be approved first"
    if current == "closed":
        return ": a closed strategy can only be reopened for review"
    return ""
