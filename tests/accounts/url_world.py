"""One partnership with a record of every kind a URL can name, its users in every role,
and a member of another partnership: the world the URL-by-role test requests pages in."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import User
from django.db import models
from django.utils import timezone

from tests.factories import (
    ActionFactory,
    BoardMeetingFactory,
    DecidingBodyFactory,
    GoodPracticeFactory,
    IndicatorFactory,
    MembershipFactory,
    OrganisationFactory,
    OtherStrategyFactory,
    PersonFactory,
    PlanFactory,
    PriorityFactory,
    StrategyFactory,
    ThemeFactory,
    UpdateFactory,
    UserFactory,
    WorkingGroupFactory,
)
from tests.tasks import sample_tasks
from wellboard.accounts.models import Membership
from wellboard.api.models import ApiToken
from wellboard.api.tokens import create_token
from wellboard.consultations.models import (
    Consultation,
    ConsultationEvent,
    ParagraphComment,
    Question,
    Response,
    YouSaidWeDid,
)
from wellboard.consultations.services import create_consultation
from wellboard.imports.models import ImportRun
from wellboard.indicators.models import Indicator
from wellboard.partnerships.models import (
    BoardMeeting,
    DecidingBody,
    GlossaryTerm,
    GovernanceBoard,
    Organisation,
    OtherStrategy,
    Partnership,
    Person,
    RoleType,
)
from wellboard.practice.models import GoodPractice
from wellboard.reports.models import ReportSnapshot
from wellboard.rounds.models import Round, RoundLead
from wellboard.rounds.services import open_round, plan_round
from wellboard.rounds.tokens import make_token
from wellboard.strategy.models import (
    Action,
    ActionComment,
    Plan,
    Priority,
    ProgressUpdate,
    ProposedChange,
    Strategy,
    Theme,
)
from wellboard.tasks import leases
from wellboard.tasks.background import start
from wellboard.tasks.models import BackgroundTask
from wellboard.tasks.worker import run_pending

ANONYMOUS = "anonymous"
ADMIN = "administrator"
LEAD_LEADING = "lead officer leading the action"
LEAD_OTHER = "lead officer not leading it"
BOARD = "board member"
OUTSIDER = "administrator of another partnership"
ACTORS = (ANONYMOUS, ADMIN, LEAD_LEADING, LEAD_OTHER, BOARD, OUTSIDER)
# The roles the actors hold in the world's partnership, and the outsider's in theirs.
ROLES = {
    ADMIN: Membership.Role.ADMINISTRATOR,
    LEAD_LEADING: Membership.Role.LEAD_OFFICER,
    LEAD_OTHER: Membership.Role.LEAD_OFFICER,
    BOARD: Membership.Role.BOARD_MEMBER,
}


@dataclass
class UrlWorld:
    users: dict[str, User | None]
    objects: dict[type[models.Model], models.Model]
    extra: dict[str, Any]
    strategy: Strategy
    practice: GoodPractice

    def unpublish(self) -> None:
        """Take back everything the partnership had made public."""
        Strategy.objects.filter(pk=self.strategy.pk).update(published=False)
        GoodPractice.objects.filter(pk=self.practice.pk).update(published=False)
        Consultation.objects.filter(strategy=self.strategy).update(status="draft")


def _finished_task(partnership: Partnership, user: Any) -> BackgroundTask:
    """A task the administrator queued, run to the end so that its file can be fetched."""
    job = start(sample_tasks.echo, title="Echo", user=user, partnership=partnership, text="hi")
    run_pending()
    keep_worker_alive()
    return job


def keep_worker_alive() -> None:
    """A worker seen just now, so /healthz answers 200; the world outlives a lease, so the
    shared fixture says this again before each test."""
    leases.register("url-world-worker")


def _consultation(objects: dict[type[models.Model], Any], strategy: Strategy) -> None:
    """An open consultation on the strategy, with a response that may be published."""
    consultation = create_consultation(
        strategy, title="Have your say", opens=dt.date.today() - dt.timedelta(days=5)
    )
    Consultation.objects.filter(pk=consultation.pk).update(status="open")
    objects[Consultation] = consultation
    objects[Question] = consultation.questions.first()
    objects[ConsultationEvent] = ConsultationEvent.objects.create(
        consultation=consultation, date=dt.date.today(), place="Riverside library"
    )
    objects[Response] = Response.objects.create(
        consultation=consultation, consent_privacy=True, consent_publish=True
    )
    objects[ParagraphComment] = ParagraphComment.objects.create(
        consultation=consultation, paragraph_key="summary-1", text="Clear."
    )
    objects[YouSaidWeDid] = YouSaidWeDid.objects.create(
        consultation=consultation, you_said="Say it plainly.", we_did="Rewrote the summary."
    )


def build_url_world() -> UrlWorld:
    strategy: Any = StrategyFactory(title="Riverside Joint Strategy", published=True)
    partnership: Partnership = strategy.partnership
    plan: Any = PlanFactory(strategy=strategy)
    theme: Any = ThemeFactory(plan=plan)
    priority: Any = PriorityFactory(theme=theme)
    leading = PersonFactory(partnership=partnership, name="Ada Lead")
    other_lead = PersonFactory(partnership=partnership, name="Bo Lead")
    action: Any = ActionFactory(priority=priority, lead_officer=leading, title="Own action")
    ActionFactory(priority=priority, lead_officer=other_lead, title="Bo's action")
    update = UpdateFactory(action=action, date=dt.date(2026, 10, 1))
    users: dict[str, User | None] = {ANONYMOUS: None}
    for actor, role in ROLES.items():
        user: Any = UserFactory()
        person = leading if actor == LEAD_LEADING else other_lead if actor == LEAD_OTHER else None
        MembershipFactory(user=user, partnership=partnership, role=role, person=person)
        users[actor] = user
    elsewhere = StrategyFactory(title="Elsewhere strategy", published=True)
    outsider: Any = UserFactory()
    MembershipFactory(
        user=outsider, partnership=elsewhere.partnership, role=Membership.Role.ADMINISTRATOR
    )
    users[OUTSIDER] = outsider
    practice: Any = GoodPracticeFactory(partnership=partnership, published=True)
    objects: dict[type[models.Model], Any] = {
        Partnership: partnership,
        Strategy: strategy,
        Plan: plan,
        Theme: theme,
        Priority: priority,
        Action: action,
        ProgressUpdate: update,
        ActionComment: ActionComment.objects.create(
            action=action, kind=ActionComment.Kind.PROPOSAL, text="Move the due date"
        ),
        ProposedChange: ProposedChange.objects.create(
            action=action, changes={"outcome_measures": {"before": "", "after": "More walkers"}}
        ),
        Organisation: OrganisationFactory(partnership=partnership),
        Indicator: IndicatorFactory(partnership=partnership),
        GoodPractice: practice,
        ImportRun: ImportRun.objects.create(
            partnership=partnership,
            file_name="plan.csv",
            status=ImportRun.Status.DISCARDED,
            created_by=users[ADMIN],
        ),
        ReportSnapshot: ReportSnapshot.objects.create(
            strategy=strategy,
            kind="delivery",
            format="html",
            content=b"<p>The board's copy</p>",
            filename="delivery.html",
            content_type="text/html",
            as_of=dt.date(2026, 11, 23),
        ),
        BackgroundTask: _finished_task(partnership, users[ADMIN]),
    }
    objects[Round] = plan_round(
        partnership=partnership, board=None, meeting=dt.date.today() + dt.timedelta(days=14)
    )
    open_round(objects[Round], timezone.now())
    objects[RoundLead] = objects[Round].leads.get(person=leading)
    meeting: Any = BoardMeetingFactory(board__partnership=partnership)
    objects[GovernanceBoard] = meeting.board
    objects[BoardMeeting] = meeting
    # Given to an action, so the administrator's request to remove it is refused and
    # the actors after them still find it.
    objects[RoleType] = RoleType.objects.filter(partnership=partnership).first()
    Action.objects.filter(pk=action.pk).update(role_type=objects[RoleType])
    # The administrator's own: as the only administrator, deactivating it is refused, so
    # the other actors' answers do not depend on the order the test asks in.
    objects[Membership] = Membership.objects.get(user=users[ADMIN], partnership=partnership)
    objects[Person] = leading
    objects[DecidingBody] = DecidingBodyFactory(partnership=partnership)
    objects[OtherStrategy] = OtherStrategyFactory(partnership=partnership)
    objects[GlossaryTerm] = GlossaryTerm.objects.create(
        partnership=partnership, term="JSNA", meaning="Joint Strategic Needs Assessment"
    )
    objects[ApiToken] = create_token(
        user=users[BOARD], partnership=partnership, name="Dashboard", can_write=False
    )[0]
    _consultation(objects, strategy)
    group = WorkingGroupFactory(partnership=partnership)
    extra = {
        "kind": "delivery",
        "fmt": "html",
        "group_pk": group.pk,
        "token": make_token(objects[RoundLead]),
        "key": "priority-1-1",  # the first priority, a paragraph of the draft under consultation
        "summary_format": "docx",
        "export_format": "csv",
    }
    return UrlWorld(users, objects, extra, strategy, practice)
