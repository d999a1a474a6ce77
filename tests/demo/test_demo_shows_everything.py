"""After `wellboard demo`, the app's features have something to show (issue #11.8).

One test per feature would load the demo a dozen times, so one test loads it with the
command and lists every feature that came out empty: the failure names them all at once.
"""

from __future__ import annotations

from collections.abc import Callable
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.utils import timezone

from wellboard.consultations import analysis
from wellboard.consultations.models import Consultation, ConsultationEvent, Response
from wellboard.consultations.models.responses import ResponseQuerySet
from wellboard.indicators.models import ENGLAND_CODE, Indicator
from wellboard.indicators.summary import indicator_summary
from wellboard.partnerships.meetings import BoardMeeting
from wellboard.partnerships.working_groups import WorkingGroupPlace
from wellboard.practice.models import GoodPractice
from wellboard.reports.models import ReportSnapshot
from wellboard.strategy.approvals import pending_proposals, pending_reviews
from wellboard.strategy.delivery import delivered_actions
from wellboard.strategy.duplicates import duplicate_pairs
from wellboard.strategy.models import (
    Action,
    ActionComment,
    ApprovalDecision,
    Priority,
    ProposedChange,
    Strategy,
)
from wellboard.strategy.presenters import next_milestones

pytestmark = pytest.mark.django_db


def _indicators_against_england(strategy: Strategy) -> int:
    """Indicators whose page shows a value, its comparison with England and a trend."""
    shown = 0
    for indicator in Indicator.objects.filter(partnership=strategy.partnership):
        if not indicator.values.filter(area_code=ENGLAND_CODE).exists():
            continue
        summary = indicator_summary(indicator)
        if summary.has_data and summary.england is not None and summary.trend_arrow:
            shown += 1
    return shown


def _indicators_without_values(strategy: Strategy) -> list[str]:
    """Indicators whose page would say no values are loaded."""
    indicators = Indicator.objects.filter(partnership=strategy.partnership)
    return list(indicators.filter(values__isnull=True).values_list("code", flat=True))


def _last_meeting_reports(strategy: Strategy) -> int:
    """Reports kept as the snapshot of the calendar's last past meeting."""
    meeting = BoardMeeting.objects.filter(partnership=strategy.partnership).past().first()
    if meeting is None:
        return 0
    kept = ReportSnapshot.objects.filter(strategy=strategy, meeting_date=meeting.date)
    return kept.filter(board=meeting.board).count()


def _delegated_actions(strategy: Strategy) -> int:
    delegated = Priority.objects.in_strategy(strategy).filter(sub_plan__isnull=False)
    return sum(delivered_actions(p.sub_plan).count() for p in delegated if p.sub_plan)


def _published_practice_with_actions(strategy: Strategy) -> int:
    return (
        GoodPractice.objects.filter(partnership=strategy.partnership, published=True)
        .filter(actions__in=Action.objects.in_strategy(strategy))
        .distinct()
        .count()
    )


def _next_milestones(strategy: Strategy) -> int:
    """Milestones still to come on the strategy overview (its main plan's)."""
    plan = strategy.main_plan
    return len(next_milestones(plan, timezone.localdate())) if plan else 0


def _consultation_themes(strategy: Strategy) -> int:
    found = 0
    for consultation in Consultation.objects.filter(strategy=strategy):
        kept = analysis.stored_themes(consultation)
        found += len(kept.themes.themes) if kept and kept.current else 0
    return found


def _open_responses(strategy: Strategy) -> ResponseQuerySet:
    return Response.objects.filter(
        consultation__strategy=strategy, consultation__status=Consultation.Status.OPEN
    )


def _features(strategy: Strategy) -> dict[str, Callable[[], int]]:
    partnership = strategy.partnership
    today = timezone.localdate()
    actions = Action.objects.in_strategy(strategy)
    admin = User.objects.get(username="admin")
    return {
        "published good practice linked to actions": lambda: _published_practice_with_actions(
            strategy
        ),
        "milestones still to come on the overview": lambda: _next_milestones(strategy),
        "an update waiting for the administrator's approval": lambda: pending_reviews(
            admin
        ).count(),
        "a lead officer's proposed change to accept or reject": lambda: pending_proposals(
            admin
        ).count(),
        "a near-duplicate pair of actions": lambda: len(duplicate_pairs(strategy)),
        "a board member's comment on an action": lambda: ActionComment.objects.filter(
            action__in=actions, kind=ActionComment.Kind.COMMENT
        ).count(),
        "consultation comments grouped into themes": lambda: _consultation_themes(strategy),
        "published responses to the open consultation": lambda: (
            _open_responses(strategy).published().count()
        ),
        "a response to the open consultation waiting for moderation": lambda: (
            _open_responses(strategy).awaiting_moderation().count()
        ),
        "consultation events still to come": lambda: ConsultationEvent.objects.filter(
            consultation__strategy=strategy, date__gte=today
        ).count(),
        "working groups with vacant places": lambda: WorkingGroupPlace.objects.filter(
            group__partnership=partnership, person__isnull=True
        ).count(),
        "indicators with values and trends against England": lambda: _indicators_against_england(
            strategy
        ),
        "a due-date change waiting for approval": lambda: ProposedChange.objects.awaiting(
            admin
        ).count(),
        "a delegated sub-plan with actions": lambda: _delegated_actions(strategy),
        "the strategy's approval history": lambda: ApprovalDecision.objects.filter(
            strategy=strategy
        ).count(),
        "upcoming board meetings": lambda: (
            BoardMeeting.objects.filter(partnership=partnership).upcoming(today).count()
        ),
        "a report kept as the last past meeting's snapshot": lambda: _last_meeting_reports(
            strategy
        ),
        "past board meetings": lambda: (
            BoardMeeting.objects.filter(partnership=partnership).past(today).count()
        ),
    }


def test_every_feature_has_data_after_the_demo_command() -> None:
    call_command("demo", stdout=StringIO())
    strategy = Strategy.objects.get()
    counts = {name: count() for name, count in _features(strategy).items()}
    empty = [name for name, count in counts.items() if count == 0]
    assert not empty, "empty in the demo: " + "; ".join(empty)
    assert not _indicators_without_values(strategy), "indicators without values"
    # Every national indicator is compared with England; the two local ones have no England.
    assert _indicators_against_england(strategy) == 15
