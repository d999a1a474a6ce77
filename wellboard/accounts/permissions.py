"""The one place that decides who may see and do what.

Every decision is a named rule (``can(user, "action.update", action)``), asked in this order:
1. Is the object in one of the user's partnerships? If not, it does not exist for them
   (404), so ids leak nothing (docs/adr/0003-partnership-scoping.md) — unless the rule lets
   the public read it and the object is public (a published strategy and what hangs off it).
2. May their role there do this to it? If not, 403: they can see it but not change it.

Roles: an administrator (the HWB policy officer) does everything in their partnership; a
lead officer updates and edits the actions they lead, proposes changes to others and
keeps the good practice library; a board member reads everything and comments; the public
reads what a partnership has published.

This module imports no app above accounts. A model says how it reaches its partnership
(``partnership_path``, wellboard.base.scoping) and, if its records can be public, how to
tell (``public_path``); the apps above say in ``AppConfig.ready()`` when a partnership
as a whole is public (``publish_partnerships_when``). A new feature adds its rule to
RULES and nothing else here (docs/adr/0005-layers-and-permissions.md).
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar, cast, overload

from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from wellboard.accounts.membership_rows import active_memberships
from wellboard.accounts.models import Membership
from wellboard.accounts.record_lookup import record
from wellboard.base.scoping import parent_path, partnership_id_lookup, partnership_id_of

M = TypeVar("M", bound=models.Model)
Q = TypeVar("Q", bound=QuerySet[Any])
Check = Callable[[Membership, Any], bool]

_ADMINISTRATOR = Membership.Role.ADMINISTRATOR
_LEAD_OFFICER = Membership.Role.LEAD_OFFICER


def _any_member(membership: Membership, obj: Any) -> bool:
    return True


def _nobody(membership: Membership, obj: Any) -> bool:
    return False


def _administrator(membership: Membership, obj: Any) -> bool:
    return membership.role == _ADMINISTRATOR


def _officer(membership: Membership, obj: Any) -> bool:
    """Administrators and lead officers: the people who keep the partnership's records."""
    return membership.role in (_ADMINISTRATOR, _LEAD_OFFICER)


def _leads(membership: Membership, action: Any) -> bool:
    return membership.person_id is not None and membership.person_id == action.lead_officer_id


def _administrator_or_own_lead(membership: Membership, action: Any) -> bool:
    return membership.role == _ADMINISTRATOR or (
        membership.role == _LEAD_OFFICER and _leads(membership, action)
    )


def _lead_proposing(membership: Membership, action: Any) -> bool:
    return membership.role == _LEAD_OFFICER and not _leads(membership, action)


@dataclass(frozen=True)
class Rule:
    """`members` decides for members of the object's partnership. With `public`, anyone
    else may too when the object is public. With `owner`, only the user the object's
    `owner` field names may, and for everyone else the object does not exist."""

    members: Check = _nobody
    public: bool = False
    owner: str = ""


RULES: dict[str, Rule] = {
    # Strategies and their plans
    "strategy.view": Rule(_any_member),
    "strategy.public": Rule(_any_member, public=True),
    "strategy.manage": Rule(_administrator),
    "strategy.transition": Rule(_administrator),
    # Creating, editing, moving and archiving plans, themes, priorities and actions.
    "plan.edit": Rule(_administrator),
    "theme.view": Rule(_any_member),
    "theme.outcomes": Rule(_any_member, public=True),
    "theme.public": Rule(_any_member, public=True),
    "priority.view": Rule(_any_member),
    "action.view": Rule(_any_member),
    "action.update": Rule(_administrator_or_own_lead),
    "action.edit": Rule(_administrator_or_own_lead),
    "action.propose": Rule(_lead_proposing),
    "action.comment": Rule(_any_member),
    "update.review": Rule(_administrator),
    "my_actions.view": Rule(_officer),  # the people who lead actions
    # Accepting or rejecting a lead officer's proposed change to a due date or measures.
    "change.review": Rule(_administrator),
    # The partnership's own pages
    "partnership.view": Rule(_any_member, public=True),
    "partnership.manage": Rule(_administrator),
    "directory.people": Rule(_any_member),
    "directory.groups": Rule(_any_member),
    "directory.boards": Rule(_any_member),
    "directory.view": Rule(_any_member),
    # Organisations, people, boards and their meetings, working groups, role types.
    "directory.edit": Rule(_administrator),
    # Inviting people, their roles, deactivating them.
    "members.manage": Rule(_administrator),
    "glossary.edit": Rule(_administrator),
    "duplicates.find": Rule(_officer),
    "duplicates.decide": Rule(_administrator),
    # Outcome indicators
    "indicator.view": Rule(_any_member, public=True),
    "indicator.manage": Rule(_administrator),
    # The good practice library
    "practice.view": Rule(_any_member, public=True),
    "practice.add": Rule(_officer),
    "practice.edit": Rule(_officer),
    # Imports and board reports
    "import.run": Rule(_administrator),
    "report.view": Rule(_any_member),
    # A snapshot becomes "the last board meeting" for everyone, so only administrators.
    "report.snapshot": Rule(_administrator),
    # Update rounds: who has answered and the nudges are the policy officer's work.
    "round.view": Rule(_administrator),
    "round.manage": Rule(_administrator),
    # Public consultation: administrators prepare, open, close and moderate it; once
    # opened anyone may read it, and respond while it is open (no account needed).
    "consultation.view": Rule(_any_member, public=True),
    "consultation.respond": Rule(_any_member, public=True),
    "consultation.manage": Rule(_administrator),
    "consultation.moderate": Rule(_administrator),
    # The results (themes, exports, summary, "you said, we did"): the policy officer's.
    "consultation.analyse": Rule(_administrator),
    # Background tasks: the result may be one partnership's report, so its owner only.
    "task.view": Rule(owner="created_by"),
    # API tokens: who may reach the partnership's records from another system.
    "api_token.manage": Rule(_administrator),
}


class Decision(enum.Enum):
    ALLOWED = "allowed"
    FORBIDDEN = "forbidden"  # 403: a member whose role does not allow it
    HIDDEN = "hidden"  # 404: the object does not exist for this user


def rule(perm: str) -> Rule:
    """The named rule; an unknown name is an error, never a yes."""
    try:
        return RULES[perm]
    except KeyError:
        raise KeyError(f"Unknown permission {perm!r}") from None


def memberships(user: Any) -> dict[int, Membership]:
    """The user's memberships by partnership id, read once per request and kept on the user
    (by a statement compiled once per process: membership_rows.py)."""
    if user is None or not user.is_authenticated:
        return {}
    cached: dict[int, Membership] | None = getattr(user, "_wellboard_memberships", None)
    if cached is None:
        cached = {m.partnership_id: m for m in active_memberships(user.pk)}
        user._wellboard_memberships = cached
    return cached


def narrow_to(user: Any, partnership_id: int) -> None:
    """Limit the user's rights, for this request, to their role in one partnership: an API
    token is one partnership's, whatever else its user belongs to."""
    found = memberships(user)
    user._wellboard_memberships = {pid: m for pid, m in found.items() if pid == partnership_id}


# Who says when a whole partnership is public, registered by the apps above accounts.
_PUBLIC_PARTNERSHIP_TESTS: list[Callable[[int], bool]] = []


def publish_partnerships_when(test: Callable[[int], bool]) -> None:
    """Register a test of "this partnership is public", from an app's ``ready()``."""
    if test not in _PUBLIC_PARTNERSHIP_TESTS:
        _PUBLIC_PARTNERSHIP_TESTS.append(test)


def is_public(obj: Any) -> bool:
    """Whether anyone may read `obj`: by its own ``public_path`` (``"published"``, or the
    path to its strategy's flag) where its model declares one, else by its partnership."""
    path: str | None = getattr(type(obj), "public_path", None)
    if path:
        target = obj
        for step in path.split("__"):
            target = getattr(target, step)
        return bool(target)
    partnership_id = partnership_id_of(obj)
    return any(test(partnership_id) for test in _PUBLIC_PARTNERSHIP_TESTS)


def decide(user: Any, perm: str, obj: Any) -> Decision:
    found = rule(perm)
    if found.owner:
        owner_id = getattr(obj, f"{found.owner}_id")
        is_owner = user is not None and user.is_authenticated and owner_id == user.pk
        return Decision.ALLOWED if is_owner else Decision.HIDDEN
    membership = memberships(user).get(partnership_id_of(obj))
    if membership is not None:
        return Decision.ALLOWED if found.members(membership, obj) else Decision.FORBIDDEN
    if found.public and is_public(obj):
        return Decision.ALLOWED
    return Decision.HIDDEN


def can(user: Any, perm: str, obj: Any) -> bool:
    """Whether the user may do `perm` to `obj`; unknown permissions are refused, not allowed."""
    return decide(user, perm, obj) is Decision.ALLOWED


def check(user: Any, perm: str, obj: Any) -> None:
    """Raise 404 when `obj` does not exist for the user, 403 when their role refuses."""
    decision = decide(user, perm, obj)
    if decision is Decision.HIDDEN:
        raise Http404("No such page.")
    if decision is Decision.FORBIDDEN:
        raise PermissionDenied(f"Your role does not allow {perm}.")


def get_for_user(
    model: type[M], pk: Any, user: Any, perm: str, queryset: QuerySet[M] | None = None
) -> M:
    """The object if the user may `perm` it; 404 when it does not exist for them, 403 when
    they can see it but their role refuses."""
    parent = parent_path(model)
    if queryset is None and type(pk) is int:
        compiled, found = record(model, pk, parent)  # record_lookup.py: compiled once
        if compiled:
            if found is None:
                raise Http404(f"No {model._meta.object_name} matches the given query.")
            check(user, perm, found)
            return cast(M, found)
    queryset = queryset if queryset is not None else model._default_manager.all()
    obj = get_object_or_404(queryset.select_related(parent) if parent else queryset, pk=pk)
    check(user, perm, obj)
    return obj


@overload
def scoped(model: type[M], user: Any) -> QuerySet[M]: ...
@overload
def scoped(model: type[M], user: Any, queryset: Q) -> Q: ...
def scoped(model: type[M], user: Any, queryset: Any = None) -> Any:
    """Records of `model` in the user's partnerships, with the path to them fetched along;
    of `queryset` (which keeps its own methods) when given."""
    queryset = queryset if queryset is not None else model._default_manager.all()
    lookup = partnership_id_lookup(model)
    queryset = queryset.filter(**{f"{lookup}__in": list(memberships(user))})
    parent = parent_path(model)
    return queryset.select_related(parent) if parent else queryset


def partnerships_where(user: Any, perm: str) -> list[int]:
    """Ids of the partnerships in which the user's role allows `perm` (a rule about the
    partnership as a whole, such as "import.run" or "practice.add")."""
    found = rule(perm)
    return [pid for pid, m in memberships(user).items() if found.members(m, None)]


def is_member(user: Any, partnership_id: int) -> bool:
    """Whether the user belongs to the partnership, in any role."""
    return partnership_id in memberships(user)


def led_person_ids(user: Any) -> list[int]:
    """The partnership people this user is, for "my actions"."""
    return [m.person_id for m in memberships(user).values() if m.person_id is not None]
