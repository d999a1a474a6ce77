"""The demo strategy's versions of its text: the draft the public was consulted on and the
text the Board approved, so that the comparison page has changes to show.

The consultation draft is the approved text as it stood before the consultation changed
it (invented here, in the shape such changes take: a sharper vision, a priority added
after residents asked for it, descriptions reworded). Added once; a second load adds none.
"""

from __future__ import annotations

import copy
from typing import Any

from wellboard.strategy.models import Strategy
from wellboard.strategy.versions import save_version

VISION = (
    "Everyone in Elmbridge Vale has the chance to live a long, healthy and happy life, "
    "wherever they live and whatever their background, and the gap in healthy life "
    "expectancy between our most and least deprived areas narrows every year."
)
DRAFT_VISION = (
    "Everyone in Elmbridge Vale has the chance to live a long and healthy life, and the "
    "gap in life expectancy between areas narrows."
)


def _as_consulted(text: dict[str, Any]) -> dict[str, Any]:
    """The approved text taken back to its consultation draft."""
    draft = copy.deepcopy(text)
    draft["vision"] = DRAFT_VISION
    for theme in draft["themes"]:
        if theme["priorities"]:
            first = theme["priorities"][0]
            first["description"] = " ".join(first["description"].split()[:12])
    if draft["themes"] and len(draft["themes"][-1]["priorities"]) > 1:
        draft["themes"][-1]["priorities"].pop()  # added after the consultation
    return draft


def add_versions(strategy: Strategy) -> None:
    """The consultation draft and the approved text, tied to their decisions."""
    if strategy.versions.exists():
        return
    if not strategy.vision:
        strategy.vision = VISION
        strategy.save(update_fields=["vision", "updated_at"])
    decisions = {d.to_status: d for d in strategy.approvals.exclude(to_status="")}
    draft = save_version(
        strategy, None, "Consultation draft", decision=decisions.get("consultation")
    )
    draft.text = _as_consulted(draft.text)
    draft.save(update_fields=["text"])
    save_version(
        strategy,
        None,
        "Approved: Health and Wellbeing Board, 20 Jun 2024",
        decision=decisions.get("approved"),
    )
