"""Nothing a board wrote goes with a delete: records are archived, deletes that would take
delivery records along are refused with what depends on them (issue #12, item 3)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db.models import ProtectedError

from tests.factories import (
    ActionFactory,
    BoardFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    PlanFactory,
    PriorityFactory,
    StrategyFactory,
    ThemeFactory,
    UpdateFactory,
    UserFactory,
)
from wellboard.accounts.models import Membership
from wellboard.base.archive import delete_or_explain, dependents
from wellboard.exchange.export import export_strategy
from wellboard.partnerships.models import Organisation, Person
from wellboard.strategy.delivery import plan_delivery
from wellboard.strategy.models import (
    Action,
    ActionBoard,
    ActionComment,
    ActionOrganisation,
    Plan,
    Priority,
    ProgressUpdate,
    Strategy,
    Theme,
    UpdateReview,
)

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 11, 23)


def _action_with_records() -> Any:
    action: Any = ActionFactory(title="Fund the walking groups")
    update = UpdateFactory(action=action)
    UpdateReview.objects.create(update=update)
    ActionComment.objects.create(action=action, text="Good work")
    return action


def _delivery_counts() -> tuple[int, int, int]:
    return (
        ProgressUpdate.objects.count(),
        UpdateReview.objects.count(),
        ActionComment.objects.count(),
    )


@pytest.mark.parametrize("level", ["action", "priority", "theme", "plan", "strategy"])
def test_deleting_anything_above_an_update_is_refused(level: str) -> None:
    action = _action_with_records()
    target = {
        "action": action,
        "priority": action.priority,
        "theme": action.priority.theme,
        "plan": action.priority.theme.plan,
        "strategy": action.priority.theme.plan.strategy,
    }[level]
    with pytest.raises(ProtectedError):
        target.delete()
    assert _delivery_counts() == (1, 1, 1)


def test_the_refusal_says_what_depends_on_the_record() -> None:
    action = _action_with_records()
    with pytest.raises(ValidationError) as refused:
        delete_or_explain(action.priority.theme.plan.strategy)
    message = refused.value.messages[0]
    assert "cannot be deleted" in message
    assert "1 progress updates" in message and "Archive it instead" in message
    assert dependents(action) == {"action comments": 1, "progress updates": 1}
    assert Action.objects.filter(pk=action.pk).exists()


def test_an_empty_record_can_still_be_deleted() -> None:
    action: Any = ActionFactory()
    delete_or_explain(action)
    assert not Action.objects.filter(pk=action.pk).exists()


def test_deleting_an_organisation_or_board_an_action_names_is_refused() -> None:
    action: Any = ActionFactory()
    partnership = action.priority.theme.plan.strategy.partnership
    organisation: Any = OrganisationFactory(partnership=partnership)
    board: Any = BoardFactory(partnership=partnership)
    ActionOrganisation.objects.create(action=action, organisation=organisation)
    ActionBoard.objects.create(action=action, board=board)
    for record in (organisation, board):
        with pytest.raises(ValidationError, match="1 action"):
            delete_or_explain(record)
    assert list(action.lead_labels()) == [organisation.label]
    assert action.board_links.count() == 1


def test_deleting_a_person_keeps_the_lead_officer_and_their_rights() -> None:
    person: Any = PersonFactory(name="Ada Lead")
    action: Any = ActionFactory(lead_officer=person)
    membership: Any = MembershipFactory(
        partnership=person.partnership, role=Membership.Role.LEAD_OFFICER, person=person
    )
    with pytest.raises(ProtectedError):
        person.delete()
    action.refresh_from_db()
    membership.refresh_from_db()
    assert action.lead_officer_id == person.pk
    assert membership.person_id == person.pk


def test_a_person_who_leads_nothing_can_be_deleted() -> None:
    person: Any = PersonFactory()
    delete_or_explain(person)
    assert not Person.objects.filter(pk=person.pk).exists()


def test_archiving_keeps_everything_and_hides_it() -> None:
    action = _action_with_records()
    kept: Any = ActionFactory(priority=action.priority, title="Keep going")
    user: Any = UserFactory()
    action.archive(user)
    action.refresh_from_db()
    assert action.is_archived and action.archived_by == user
    assert _delivery_counts() == (1, 1, 1)
    assert list(Action.objects.active()) == [kept]
    state = plan_delivery(action.priority.theme.plan, TODAY)
    assert [s.action for s in state.actions()] == [kept]
    exported = export_strategy(action.priority.theme.plan.strategy)
    titles = [a["title"] for t in exported["themes"] for p in t["priorities"] for a in p["actions"]]
    assert titles == ["Keep going"]
    action.restore()
    assert set(Action.objects.active()) == {action, kept}


def test_an_archived_theme_hides_what_is_under_it() -> None:
    action = _action_with_records()
    theme = action.priority.theme
    theme.archive()
    assert not Action.objects.active().exists()
    assert not Priority.objects.active().exists()
    assert not ProgressUpdate.objects.active().exists()
    assert ProgressUpdate.objects.count() == 1
    assert plan_delivery(theme.plan, TODAY).themes == []
    assert Theme.objects.archived().get() == theme


def test_an_archived_strategy_and_plan_leave_the_lists() -> None:
    strategy: Any = StrategyFactory()
    first: Any = PlanFactory(strategy=strategy, title="First", position=0)
    second: Any = PlanFactory(strategy=strategy, title="Second", position=1)
    assert strategy.main_plan == first
    first.archive()
    assert strategy.main_plan == second
    assert list(Plan.objects.active()) == [second]
    strategy.archive()
    assert not Strategy.objects.active().exists()
    assert not Plan.objects.active().exists()


def test_reference_records_are_archivable() -> None:
    organisation: Any = OrganisationFactory()
    other: Any = OrganisationFactory(partnership=organisation.partnership)
    organisation.archive()
    assert list(Organisation.objects.active()) == [other]


def test_theme_priority_chain_sits_under_a_delegated_plan_too() -> None:
    """A sub-plan a priority delegates to cannot be deleted from under it."""
    strategy: Any = StrategyFactory()
    sub_plan: Any = PlanFactory(strategy=strategy, title="Staying healthy plan")
    priority: Any = PriorityFactory(
        theme=ThemeFactory(plan=PlanFactory(strategy=strategy)), sub_plan=sub_plan
    )
    with pytest.raises(ValidationError, match="priorities"):
        delete_or_explain(sub_plan)
    priority.refresh_from_db()
    assert priority.sub_plan_id == sub_plan.pk
