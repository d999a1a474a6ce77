"""factory_boy factories for the domain model; each builds the smallest valid object."""

from __future__ import annotations

import datetime as dt
from typing import Any

import factory
from django.contrib.auth.models import User

from wellboard.accounts.models import Membership
from wellboard.indicators.models import Indicator
from wellboard.partnerships.models import (
    BoardMeeting,
    DecidingBody,
    GovernanceBoard,
    Organisation,
    Partnership,
    Person,
    RoleType,
)
from wellboard.strategy.models import Action, Plan, Priority, ProgressUpdate, Strategy, Theme


class PartnershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partnership

    name = factory.Sequence(lambda n: f"Borough {n} Health and Wellbeing Board")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    partnership = factory.SubFactory(PartnershipFactory)
    name = factory.Sequence(lambda n: f"Partner Trust {n}")
    acronym = factory.Sequence(lambda n: f"PT{n}")


class BoardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GovernanceBoard

    partnership = factory.SubFactory(PartnershipFactory)
    name = factory.Sequence(lambda n: f"Sub-group {n}")


class DecidingBodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DecidingBody

    partnership = factory.SubFactory(PartnershipFactory)
    name = factory.Sequence(lambda n: f"Deciding body {n}")
    part = DecidingBody.Part.OTHER


def add_deciding_bodies(partnership: Partnership) -> None:
    """The usual three: the Board approves, the council's Cabinet and the ICB adopt."""
    for name, part in [
        ("HWB", DecidingBody.Part.APPROVES),
        ("Council Cabinet", DecidingBody.Part.ADOPTS),
        ("ICB", DecidingBody.Part.ADOPTS),
    ]:
        DecidingBody.objects.get_or_create(
            partnership=partnership, name=name, defaults={"part": part}
        )


class BoardMeetingFactory(factory.django.DjangoModelFactory):
    """A meeting of a governance board; papers are due a week before unless given."""

    class Meta:
        model = BoardMeeting

    board = factory.SubFactory(BoardFactory)
    partnership = factory.SelfAttribute("board.partnership")
    date = dt.date(2027, 3, 18)


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    partnership = factory.SubFactory(PartnershipFactory)
    name = factory.Sequence(lambda n: f"Officer {n}")


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    partnership = factory.SubFactory(PartnershipFactory)
    code = factory.Sequence(lambda n: f"PHOF 2.{n:02d}")
    name = "An outcome indicator"


class StrategyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Strategy

    partnership = factory.SubFactory(PartnershipFactory)
    title = factory.Sequence(lambda n: f"Joint Health and Wellbeing Strategy {n}")
    period_start = 2024
    period_end = 2027


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan

    strategy = factory.SubFactory(StrategyFactory)
    title = "Delivery plan"


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    plan = factory.SubFactory(PlanFactory)
    title = factory.Sequence(lambda n: f"Theme {n}")


class PriorityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Priority

    theme = factory.SubFactory(ThemeFactory)
    title = factory.Sequence(lambda n: f"Priority {n}")


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    priority = factory.SubFactory(PriorityFactory)
    title = factory.Sequence(lambda n: f"Action {n}")

    @classmethod
    def _create(cls, model_class: type[Action], *args: Any, **kwargs: Any) -> Action:
        """`role_type` may be given by key ("advocacy"): the partnership's type of that key."""
        role = kwargs.get("role_type")
        if isinstance(role, str):
            partnership_id = kwargs["priority"].theme.plan.strategy.partnership_id
            found = RoleType.objects.filter(partnership_id=partnership_id, key=role).first()
            assert found is not None or not role, f"no role type {role!r}"
            kwargs["role_type"] = found
        action: Action = super()._create(model_class, *args, **kwargs)
        return action


class UpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgressUpdate

    action = factory.SubFactory(ActionFactory)
    date = dt.date(2026, 10, 1)
    text = "Progress as planned."
    rag = "green"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User

    username = factory.Sequence(lambda n: f"user{n}")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    partnership = factory.SubFactory(PartnershipFactory)
    role = Membership.Role.BOARD_MEMBER


class OtherStrategyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "partnerships.OtherStrategy"

    partnership = factory.SubFactory(PartnershipFactory)
    title = factory.Sequence(lambda n: f"Housing Strategy {n}")


class WorkingGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "partnerships.WorkingGroup"

    partnership = factory.SubFactory(PartnershipFactory)
    name = factory.Sequence(lambda n: f"Wellbeing Group {n}")


class GoodPracticeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "practice.GoodPractice"

    partnership = factory.SubFactory(PartnershipFactory)
    name = factory.Sequence(lambda n: f"Community walking project {n}")


class ConsultationFactory(factory.django.DjangoModelFactory):
    """A consultation that opened ten days ago on a new strategy, open for 90 days."""

    class Meta:
        model = "consultations.Consultation"

    strategy = factory.SubFactory(StrategyFactory)
    title = factory.Sequence(lambda n: f"Have your say on our strategy {n}")
    opens = factory.LazyFunction(lambda: dt.date.today() - dt.timedelta(days=10))
    status = "open"


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "consultations.Question"

    consultation = factory.SubFactory(ConsultationFactory)
    text = factory.Sequence(lambda n: f"What else should the board do? ({n})")


class ResponseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "consultations.Response"

    consultation = factory.SubFactory(ConsultationFactory)
    consent_privacy = True
