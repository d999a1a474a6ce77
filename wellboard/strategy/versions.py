"""Keeping and reading versions of a strategy's text (the model: version_models.py).

`save_version(strategy, user, label)` is the one way a version is made: by an
administrator's "save a version", by each lifecycle step (strategy.lifecycle), and by
anything else that needs a fixed text to point at (a consultation opens on a version).
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Max

from wellboard.strategy.models import ApprovalDecision, Strategy
from wellboard.strategy.version_models import StrategyVersion


def strategy_text(strategy: Strategy) -> dict[str, Any]:
    """The strategy's words as they stand: its title, summary and vision, and the main
    plan's themes and priorities (not archived) with their descriptions, in plan order."""
    plan = strategy.main_plan
    themes = [] if plan is None else plan.themes.active().prefetch_related("priorities")
    return {
        "title": strategy.title,
        "summary": strategy.summary,
        "vision": strategy.vision,
        "themes": [
            {
                "ref": theme.ref,
                "title": theme.title,
                "description": theme.description,
                "priorities": [
                    {"ref": p.ref, "title": p.title, "description": p.description}
                    for p in theme.priorities.all()
                    if p.archived_at is None
                ],
            }
            for theme in themes
        ],
    }


def save_version(
    strategy: Strategy,
    user: Any = None,
    label: str = "",
    *,
    decision: ApprovalDecision | None = None,
) -> StrategyVersion:
    """Keep the strategy's text as its next numbered version.

    The strategy row is locked while the number is chosen, so two saves at once get two
    numbers instead of one of them failing on the unique constraint."""
    with transaction.atomic():
        Strategy.objects.select_for_update().filter(pk=strategy.pk).first()
        last = strategy.versions.aggregate(last=Max("number"))["last"] or 0
        return StrategyVersion.objects.create(
            strategy=strategy,
            number=last + 1,
            created_by=user if getattr(user, "is_authenticated", False) else None,
            label=label.strip()[:200],
            text=strategy_text(strategy),
            decision=decision,
        )
