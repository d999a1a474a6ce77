"""Who may see a partnership's directory pages, through the one permission layer.

Members see everything of their partnership. The public sees a partnership only once it
has published a strategy, and then only what published strategies contain; people,
working groups and the duplication finder are for members; decisions that change the plan
are for administrators (the HWB policy officer). Anything else answers 404 (another
partnership's records do not exist for the user) or 403 (a member without the role).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from wellboard.accounts.permissions import ADMINISTRATOR, LEAD_OFFICER, PUBLIC, role_in
from wellboard.partnerships.models import Organisation, Partnership
from wellboard.strategy.models import Action, Strategy

MEMBERS = "members"
OFFICERS = "officers"
ADMINISTRATORS = "administrators"
EVERYONE = "everyone"
_ALLOWED: dict[str, set[str]] = {
    MEMBERS: {ADMINISTRATOR, LEAD_OFFICER, "board_member"},
    OFFICERS: {ADMINISTRATOR, LEAD_OFFICER},
    ADMINISTRATORS: {ADMINISTRATOR},
}


@dataclass(frozen=True)
class Viewer:
    partnership: Partnership
    role: str

    @property
    def is_member(self) -> bool:
        return self.role != PUBLIC

    @property
    def is_administrator(self) -> bool:
        return self.role == ADMINISTRATOR

    @property
    def is_officer(self) -> bool:
        return self.role in _ALLOWED[OFFICERS]

    def strategies(self) -> QuerySet[Strategy]:
        strategies = self.partnership.strategies.all()
        return strategies if self.is_member else strategies.filter(published=True)

    def actions(self) -> QuerySet[Action]:
        return Action.objects.filter(priority__theme__plan__strategy__in=self.strategies())


def viewer_for(user: Any, partnership: Partnership, audience: str = EVERYONE) -> Viewer:
    role = role_in(user, partnership.pk)
    if role == PUBLIC:
        is_public = partnership.strategies.filter(published=True).exists()
        if audience != EVERYONE or not is_public:
            raise Http404("No such partnership.")
    elif audience != EVERYONE and role not in _ALLOWED[audience]:
        raise PermissionDenied("Your role does not allow this.")
    return Viewer(partnership, role)


def partnership_viewer(user: Any, pk: int, audience: str = EVERYONE) -> Viewer:
    return viewer_for(user, get_object_or_404(Partnership, pk=pk), audience)


def organisation_viewer(user: Any, pk: int) -> tuple[Organisation, Viewer]:
    organisation = get_object_or_404(Organisation.objects.select_related("parent"), pk=pk)
    return organisation, viewer_for(user, organisation.partnership)
