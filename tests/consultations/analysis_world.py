"""A consultation with a few hundred invented responses, for the analysis tests: a strategy
with two themes of priorities, its administrator and the other roles, responses submitted
through the consultation's own service, and a revised version to say "we did" against."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from tests.factories import (
    MembershipFactory,
    PlanFactory,
    PriorityFactory,
    StrategyFactory,
    ThemeFactory,
    UserFactory,
)
from wellboard.accounts.models import Membership
from wellboard.consultations.models import Consultation, Question
from wellboard.consultations.services import Submission, create_consultation, submit_response
from wellboard.core.consultation import invent_responses

SECRET = "My neighbour Alan Smith never agreed to be quoted, call him on 07700 900123."
FORMULA = '=HYPERLINK("http://attacker.example","click")'
PRIORITIES = [
    ("Start well", "Mental health of children and young people"),
    ("Start well", "Healthy food and a healthy weight for every child"),
    ("Age well", "Support for unpaid carers"),
    ("Age well", "Tackle loneliness in later life"),
    ("Live well", "Fewer people smoking and vaping"),
]


@dataclass
class World:
    consultation: Consultation
    admin: Any
    lead: Any
    member: Any
    priorities: list[Any]
    invented: int


def consultation_world(responses: int = 40, *, status: str = "open") -> World:
    strategy: Any = StrategyFactory(title="Vale Joint Health and Wellbeing Strategy")
    plan = PlanFactory(strategy=strategy)
    themes: dict[str, Any] = {}
    priorities = []
    for position, (theme, title) in enumerate(PRIORITIES, start=1):
        if theme not in themes:
            themes[theme] = ThemeFactory(plan=plan, title=theme, position=len(themes) + 1)
        priorities.append(
            PriorityFactory(
                theme=themes[theme],
                title=title,
                position=position,
                description=f"We will work on {title.lower()}.",
            )
        )
    users = {}
    for role in Membership.Role:
        users[role] = UserFactory()
        MembershipFactory(user=users[role], partnership=strategy.partnership, role=role)
    consultation = create_consultation(
        strategy,
        title="Have your say on the Vale strategy",
        opens=timezone.localdate() - dt.timedelta(days=30),
    )
    Consultation.objects.filter(pk=consultation.pk).update(status=status)
    consultation.refresh_from_db()
    add_invented(consultation, responses)
    return World(
        consultation,
        users[Membership.Role.ADMINISTRATOR],
        users[Membership.Role.LEAD_OFFICER],
        users[Membership.Role.BOARD_MEMBER],
        priorities,
        responses,
    )


def add_invented(consultation: Consultation, count: int, seed: int = 11) -> None:
    questions = list(consultation.questions.all())
    asked = [q for q in questions if q.kind == Question.Kind.PRIORITY]
    general = [q for q in questions if q.kind == Question.Kind.GENERAL]
    titles = [q.priority.title if q.priority else q.text for q in asked]
    for n, item in enumerate(invent_responses(titles, count, seed=seed)):
        answers = {
            q.pk: (point, comment)
            for q, point, comment in zip(asked, item.agreement, item.priority_comments, strict=True)
        }
        if item.general_comment:
            answers[general[0].pk] = (None, item.general_comment)
        submit_response(
            consultation,
            Submission(
                respondent_type=item.respondent_type,
                organisation_name=item.organisation,
                consent_publish=n % 4 != 0,
                answers=answers,
            ),
        )
