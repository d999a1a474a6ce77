"""Which actions a round asks about, and which of them have been answered.

A board's round covers the actions linked to that board; the Health and Wellbeing
Board's covers the whole plan. Complete actions and actions of closed strategies are
not asked about. An action is answered once it has an update written after the round
opened, whether through the emailed link or the usual update page.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from django.db.models import QuerySet

from wellboard.partnerships.models import Person
from wellboard.rounds.models import Round, RoundLead
from wellboard.strategy.models import Action, ProgressUpdate, Rag, Strategy


def covered_actions(round: Round) -> QuerySet[Action]:
    strategies = Strategy.objects.filter(partnership_id=round.partnership_id).exclude(
        status=Strategy.Status.CLOSED
    )
    actions = Action.objects.in_strategies(strategies)
    if round.board_id is not None:
        actions = actions.filter(board_links__board_id=round.board_id)
    return actions.select_related("lead_officer").prefetch_related("updates").in_plan_order()


def actions_by_lead(round: Round) -> tuple[dict[Person, list[Action]], list[Action]]:
    """The open actions per lead officer, and those with no lead officer to ask."""
    by_lead: dict[Person, list[Action]] = defaultdict(list)
    unled: list[Action] = []
    for action in covered_actions(round).distinct():
        latest = action.latest_update()
        if latest is not None and latest.rag == Rag.COMPLETE:
            continue
        if action.lead_officer is None:
            unled.append(action)
        else:
            by_lead[action.lead_officer].append(action)
    return dict(by_lead), unled


def answered_action_ids(round: Round, since: datetime | None = None) -> set[int]:
    """Actions of the round with an update written since it opened (one query)."""
    since = since or round.opened_at
    if since is None:
        return set()
    asked = RoundLead.actions.through.objects.filter(roundlead__round=round).values("action_id")
    return set(
        ProgressUpdate.objects.filter(action_id__in=asked, created_at__gte=since).values_list(
            "action_id", flat=True
        )
    )
