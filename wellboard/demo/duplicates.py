"""A near-duplicate pair for the partnership's duplicates page: the Staying Healthy
sub-plan, written by its own partnership, repeats the main plan's action 4.6 in its own
words, as delegated plans often do. The officer can merge the two or mark them as meant.

Added once: the sub-plan's priority keeps the action if it has it (archived or not).
"""

from __future__ import annotations

from wellboard.partnerships.models import GovernanceBoard, Organisation
from wellboard.strategy import plan_editing
from wellboard.strategy.models import Action, Priority, Strategy

PRIORITY = "SH.1"  # the sub-plan's smoking priority
REF = "SH.1.4"
TITLE = (
    "Stop-smoking support for routine and manual workers and for people with serious mental illness"
)
ALIKE = "4.6"  # the main plan's action it repeats
DUE = "Mar-27"


def add_duplicate_pair(strategy: Strategy) -> Action | None:
    """The sub-plan's copy of action 4.6, made once; None when already there or when the
    plan lacks the parts."""
    priority = Priority.objects.in_strategy(strategy).filter(ref=PRIORITY).first()
    original = Action.objects.in_strategy(strategy).filter(ref=ALIKE).first()
    if priority is None or original is None or priority.actions.filter(ref=REF).exists():
        return None
    action = Action(
        priority=priority,
        ref=REF,
        title=TITLE,
        description="Advisers in workplaces and in community mental health teams.",
        outcome_measures=original.outcome_measures,
        role_type=original.role_type,
        position=plan_editing.end_position(Action, priority),
    )
    action.set_due(DUE)
    action.save()
    partnership = strategy.partnership
    plan_editing.set_action_links(
        action,
        leads=list(Organisation.objects.filter(partnership=partnership, acronym="PH")),
        supporting=list(Organisation.objects.filter(partnership=partnership, acronym="VCMHT")),
        boards=list(GovernanceBoard.objects.filter(partnership=partnership, short_name="SHP")),
        indicators=list(original.indicators.all()),
        links=[],
    )
    return action
