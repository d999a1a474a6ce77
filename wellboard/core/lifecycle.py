"""The strategy lifecycle as a table: which step may follow which, and why one is refused.

Pure Python (no Django) so that the web form, the command line and the tests share one
rulebook. A joint strategy is drafted, consulted on, revised, approved by the Health and
Wellbeing Board, adopted by the council and the NHS body, delivered, reviewed and closed.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

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


# Steps every body with a part takes (the partnership configures which bodies those are):
# the strategy is approved once each approving body has approved it, and adopted once each
# adopting body has adopted it. Until the last one decides, each decision is recorded and
# the status stays where it was.
JOINT: Mapping[str, str] = {"approved": "approves", "adopted": "adopts"}
_VERB = {"approved": "approve", "adopted": "adopt"}


def body_refusal(
    target: str, body: str, part: str, with_part: Sequence[str], already: Collection[str]
) -> str:
    """Why `body` (whose part is `part`) cannot take a joint step, or "" when it can.

    `with_part` names the partnership's bodies that take the step; `already` those that
    took it since the strategy reached its present status."""
    needed = JOINT.get(target)
    if needed is None:
        return ""
    verb = _VERB[target]
    if not with_part:
        return (
            f"No deciding body of the partnership is set to {verb} the strategy: "
            "set one on the partnership's deciding bodies page."
        )
    if part != needed:
        return f"{body} does not {verb} the strategy: choose {_either(with_part)}."
    if body in already:
        return f"{body} has already recorded its decision to {verb} the strategy."
    return ""


def still_to_decide(with_part: Sequence[str], already: Collection[str], body: str) -> list[str]:
    """The bodies whose decision is still awaited once `body` has decided, in their order."""
    return [name for name in with_part if name != body and name not in already]


def _either(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def skipped_adoption(current: str, target: str, adopting: Sequence[str]) -> str:
    """Going into delivery straight from approval is for partnerships where nobody adopts:
    where bodies are set to adopt the strategy, it waits for them."""
    if current == "approved" and target == "in_delivery" and adopting:
        return (
            "A strategy cannot go from approved to in delivery: it must be adopted by "
            f"{_both(adopting)} first."
        )
    return ""


def _both(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def awaiting(target: str, waiting: Sequence[str]) -> str:
    """ "adopted once the ICB decides": what a joint step still waits for, in words."""
    verb = "decides" if len(waiting) == 1 else "decide"
    return f"{LABELS.get(target, target).lower()} once {_both(waiting)} {verb}"
