"""The demo's working groups: places filled, named but not yet confirmed, and vacant.

Added once, by name: a partnership that already has the groups keeps them as they are.
"""

from __future__ import annotations

from wellboard.partnerships.models import (
    GovernanceBoard,
    Partnership,
    Person,
    WorkingGroup,
    WorkingGroupPlace,
)
from wellboard.strategy.models import Action

# (group, purpose, board short name, [(place, person's name or "" when vacant, confirmed)])
GROUPS = [
    (
        "Healthy Weight Working Group",
        "Brings together the partners delivering the healthy weight actions.",
        "SHP",
        [
            ("Chair", "Sian Morgan", True),
            ("Public health lead", "Priya Natarajan", True),
            ("District council representative", "Tom Ridley", False),
            ("Parent representative", "", True),
            ("School nursing representative", "", True),
        ],
    ),
    (
        "Carers Task and Finish Group",
        "Reviews support for unpaid carers and reports to the Ageing Well board.",
        "AWPB",
        [
            ("Chair", "Kwame Asante", True),
            ("Carer with lived experience", "", True),
            ("Healthwatch representative", "Angela Brennan", False),
        ],
    ),
]


def add_working_groups(partnership: Partnership) -> int:
    """Create the demo's groups that the partnership does not have; how many were made."""
    boards = {b.short_name: b for b in GovernanceBoard.objects.filter(partnership=partnership)}
    people = {p.name: p for p in Person.objects.filter(partnership=partnership)}
    actions = list(Action.objects.in_strategies(partnership.strategies.all()).order_by("id")[:6])
    made = 0
    for index, (name, purpose, board, places) in enumerate(GROUPS):
        if WorkingGroup.objects.filter(partnership=partnership, name=name).exists():
            continue
        group = WorkingGroup.objects.create(
            partnership=partnership, name=name, purpose=purpose, reports_to=boards.get(board)
        )
        for position, (role, person, confirmed) in enumerate(places):
            WorkingGroupPlace.objects.create(
                group=group,
                role=role,
                person=people.get(person),
                confirmed=confirmed,
                position=position,
            )
        group.actions.set(actions[index * 3 : index * 3 + 3])
        made += 1
    return made
