"""Strategic alignment: which priorities and actions each other strategy touches."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from wellboard.accounts.guards import guard
from wellboard.partnerships.models import OtherStrategy, Partnership
from wellboard.partnerships.network import bipartite
from wellboard.strategy.models import Action, ActionLink, Priority
from wellboard.web.partnership_pages.viewer import viewer_for


@dataclass
class Alignment:
    other: OtherStrategy
    actions: list[Action] = field(default_factory=list)
    priorities: list[Priority] = field(default_factory=list)


def alignments(links: list[ActionLink], others: list[OtherStrategy]) -> list[Alignment]:
    found = {other.pk: Alignment(other) for other in others}
    for link in links:
        entry = found[link.other_strategy_id]
        entry.actions.append(link.action)
        if link.action.priority not in entry.priorities:
            entry.priorities.append(link.action.priority)
    return list(found.values())


@guard("partnership.view", Partnership)
def alignment(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    viewer = viewer_for(request.user, partnership)
    others = list(viewer.partnership.other_strategies.order_by("title"))
    links = list(
        ActionLink.objects.filter(action__in=viewer.actions())
        .with_plan()
        .order_by("other_strategy_id", "action__priority_id", "action__position", "action_id")
    )
    entries = alignments(links, others)
    weights = Counter((link.other_strategy_id, link.action.priority_id) for link in links)
    priorities = {p.pk: p for entry in entries for p in entry.priorities}
    network = bipartite(
        [(o.pk, o.title) for o in others],
        [(p.pk, f"{p.ref} {p.title}".strip()) for p in priorities.values()],
        weights,
    )
    context = {
        "viewer": viewer,
        "partnership": viewer.partnership,
        "entries": entries,
        "network": network,
        "terms": viewer.partnership.glossary.all(),
    }
    return render(request, "partnerships/alignment.jinja", context)
