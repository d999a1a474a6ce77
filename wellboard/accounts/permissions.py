"""The one place that decides who may see and do what.

Two questions, always in this order:
1. Is the object in one of the user's partnerships? If not, it does not exist for them
   (404), so ids leak nothing (docs/adr/0003-partnership-scoping.md).
2. May their role there do this to it? If not, 403: they can see it but not change it.

Roles: an administrator (the HWB policy officer) does everything in their partnership; a
lead officer updates and edits the actions they lead and proposes changes to others; a
board member reads everything and comments; the public sees published strategies only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from wellboard.accounts.models import Membership
from wellboard.strategy.models import (
    Action,
    Milestone,
    Plan,
    Priority,
    ProgressUpdate,
    Strategy,
    Theme,
    UpdateReview,
)

ADMINISTRATOR = Membership.Role.ADMINISTRATOR
LEAD_OFFICER = Membership.Role.LEAD_OFFICER
BOARD_MEMBER = Membership.Role.BOARD_MEMBER
PUBLIC = "public"

# How each plan object reaches its partnership, as a Django lookup path.
PARTNERSHIP_PATHS: dict[type[models.Model], str] = {
    Strategy: "partnership",
    Plan: "strategy__partnership",
    Theme: "plan__strategy__partnership",
    Priority: "theme__plan__strategy__partnership",
    Action: "priority__theme__plan__strategy__partnership",
    Milestone: "action__priority__theme__plan__strategy__partnership",
    ProgressUpdate: "action__priority__theme__plan__strategy__partnership",
    UpdateReview: "update__action__priority__theme__plan__strategy__partnership",
}

M = TypeVar("M", bound=models.Model)
Rule = Callable[[Membership, Any], bool]


def _any_member(membership: Membership, obj: Any) -> bool:
    return True


def _administrator(membership: Membership, obj: Any) -> bool:
    return membership.role == ADMINISTRATOR


def _leads(membership: Membership, action: Action) -> bool:
    return membership.person_id is not None and membership.person_id == action.lead_officer_id


def _administrator_or_own_lead(membership: Membership, action: Action) -> bool:
    return membership.role == ADMINISTRATOR or (
        membership.role == LEAD_OFFICER and _leads(membership, action)
    )


def _lead_proposing(membership: Membership, action: Action) -> bool:
    return membership.role == LEAD_OFFICER and not _leads(membership, action)


RULES: dict[str, Rule] = {
    "strategy.view": _any_member,
    "theme.view": _any_member,
    "priority.view": _any_member,
    "action.view": _any_member,
    "action.update": _administrator_or_own_lead,
    "action.edit": _administrator_or_own_lead,
    "action.propose": _lead_proposing,
    "action.comment": _any_member,
    "update.review": _administrator,
    "strategy.manage": _administrator,
}


def memberships(user: Any) -> dict[int, Membership]:
    """The user's memberships by partnership id, read once per request and kept on the user."""
    if user is None or not user.is_authenticated:
        return {}
    cached: dict[int, Membership] | None = getattr(user, "_wellboard_memberships", None)
    if cached is None:
        cached = {m.partnership_id: m for m in Membership.objects.filter(user=user)}
        user._wellboard_memberships = cached
    return cached


def partnership_id_of(obj: models.Model) -> int:
    *steps, last = PARTNERSHIP_PATHS[type(obj)].split("__")
    target: Any = obj
    for step in steps:
        target = getattr(target, step)
    return int(getattr(target, f"{last}_id"))


def role_in(user: Any, partnership_id: int) -> str:
    membership = memberships(user).get(partnership_id)
    return membership.role if membership else PUBLIC


def can(user: Any, perm: str, obj: models.Model) -> bool:
    """Whether the user may do `perm` to `obj`; unknown permissions are refused, not allowed."""
    rule = RULES.get(perm)
    if rule is None:
        raise KeyError(f"Unknown permission {perm!r}")
    membership = memberships(user).get(partnership_id_of(obj))
    return membership is not None and rule(membership, obj)


def scoped(model: type[M], user: Any, queryset: QuerySet[M] | None = None) -> QuerySet[M]:
    """Records of `model` in the user's partnerships, with the path to them fetched along."""
    path = PARTNERSHIP_PATHS[model]
    queryset = queryset if queryset is not None else model._default_manager.all()
    queryset = queryset.filter(**{f"{path}_id__in": list(memberships(user))})
    parent = path.rsplit("__", 1)[0] if "__" in path else ""
    return queryset.select_related(parent) if parent else queryset


def get_for_user(
    model: type[M], pk: Any, user: Any, perm: str, queryset: QuerySet[M] | None = None
) -> M:
    """The object if the user may `perm` it; 404 outside their partnerships, 403 inside."""
    obj = get_object_or_404(scoped(model, user, queryset), pk=pk)
    if not can(user, perm, obj):
        raise PermissionDenied(f"Your role does not allow {perm}.")
    return obj


def visible_strategies(user: Any) -> QuerySet[Strategy]:
    return scoped(Strategy, user).select_related("partnership")


def public_strategies() -> QuerySet[Strategy]:
    """What anyone, signed in or not, may read: published strategies only."""
    return Strategy.objects.filter(published=True).select_related("partnership")


def led_person_ids(user: Any) -> list[int]:
    """The partnership people this user is, for "my actions"."""
    return [m.person_id for m in memberships(user).values() if m.person_id is not None]
