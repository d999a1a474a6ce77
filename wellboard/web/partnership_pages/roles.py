"""The balance of the partnership's effort across its role types, per strategy."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from wellboard.accounts.guards import guard
from wellboard.partnerships.models import Partnership
from wellboard.strategy.models import Action, RoleType, Strategy
from wellboard.strategy.querysets import path_to
from wellboard.web.partnership_pages.viewer import viewer_for


@dataclass(frozen=True)
class RoleShare:
    value: str
    label: str
    colour: str
    count: int
    percent: float


def balance(counts: Counter[int | None], role_types: list[RoleType]) -> list[RoleShare]:
    """Every role type in the partnership's order, then actions with no role type set."""
    total = sum(counts.values())
    shares = [
        RoleShare(
            role.key, role.name, role.colour, counts[role.pk], _percent(counts[role.pk], total)
        )
        for role in role_types
    ]
    unset = counts[None]
    shares.append(RoleShare("none", "Not set", "none", unset, _percent(unset, total)))
    return shares


def _percent(count: int, total: int) -> float:
    return 100.0 * count / total if total else 0.0


@guard("partnership.view", Partnership)
def roles(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    viewer = viewer_for(request.user, partnership)
    strategy_id = f"{path_to(Action, 'strategy')}_id"
    rows = viewer.actions().values_list(strategy_id, "role_type_id")
    per_strategy: dict[int, Counter[int | None]] = {}
    for strategy_id, role in rows:
        per_strategy.setdefault(strategy_id, Counter())[role] += 1
    strategies = Strategy.objects.filter(pk__in=per_strategy).order_by("-period_start", "title")
    overall: Counter[int | None] = sum(per_strategy.values(), Counter())
    role_types = list(viewer.partnership.role_types.all())
    context = {
        "viewer": viewer,
        "partnership": viewer.partnership,
        "role_types": role_types,
        "overall": balance(overall, role_types),
        "total": sum(overall.values()),
        "strategies": [(s, balance(per_strategy[s.pk], role_types)) for s in strategies],
    }
    return render(request, "partnerships/roles.jinja", context)
