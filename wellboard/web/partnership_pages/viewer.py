"""What one user may see and do on a partnership's pages, worked out by the rules.

Members see everything of their partnership; the public sees a partnership once it has
published a strategy, and then only what published strategies contain. The pages ask
`wellboard.accounts.permissions` once per page and hand templates plain yes/no answers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from wellboard.accounts.permissions import can, is_member
from wellboard.partnerships.models import Partnership
from wellboard.strategy.models import Action, Strategy


@dataclass(frozen=True)
class Viewer:
    partnership: Partnership
    is_member: bool
    may_find_duplicates: bool
    may_decide_duplicates: bool
    may_edit_glossary: bool
    may_edit_directory: bool
    may_manage_members: bool
    may_manage: bool = False
    may_manage_api_tokens: bool = False

    def strategies(self) -> QuerySet[Strategy]:
        strategies = Strategy.objects.in_partnership(self.partnership)
        return strategies if self.is_member else strategies.published()

    def actions(self) -> QuerySet[Action]:
        return Action.objects.in_strategies(self.strategies()).active()


def viewer_for(user: Any, partnership: Partnership) -> Viewer:
    return Viewer(
        partnership=partnership,
        is_member=is_member(user, partnership.pk),
        may_find_duplicates=can(user, "duplicates.find", partnership),
        may_decide_duplicates=can(user, "duplicates.decide", partnership),
        may_edit_glossary=can(user, "glossary.edit", partnership),
        may_edit_directory=can(user, "directory.edit", partnership),
        may_manage_members=can(user, "members.manage", partnership),
        may_manage=can(user, "partnership.manage", partnership),
        may_manage_api_tokens=can(user, "api_token.manage", partnership),
    )
