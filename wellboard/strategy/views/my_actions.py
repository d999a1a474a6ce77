"""My actions: every action the signed-in lead officer leads, what needs attention first."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from wellboard.accounts.guards import guard
from wellboard.accounts.permissions import led_person_ids, scoped
from wellboard.strategy.led import led_states
from wellboard.strategy.meetings import last_meetings
from wellboard.strategy.models import Action
from wellboard.strategy.presenters import attention_groups, today


@guard("my_actions.view")
def my_actions(request: HttpRequest) -> HttpResponse:
    """Read as values (strategy/led.py): a lead of a large plan leads a hundred actions."""
    on = today()
    actions = (
        scoped(Action, request.user, Action.objects.filter(archived_at__isnull=True))
        .active()
        .filter(lead_officer_id__in=led_person_ids(request.user))
    )
    states = led_states(actions, on)
    meetings = last_meetings({s.action.strategy_id for s in states}, on)
    groups = attention_groups(states, on, meetings)
    return render(request, "strategy/my_actions.jinja", {"groups": groups, "count": len(states)})
