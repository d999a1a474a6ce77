"""A strategy with a draft to consult on, its administrator, and an open consultation."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.test import Client
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
from wellboard.consultations.models import Consultation
from wellboard.consultations.services import create_consultation


@dataclass
class Setting:
    consultation: Consultation
    admin: Any
    priorities: list[Any]
    theme: Any

    def admin_client(self) -> Client:
        client = Client()
        client.force_login(self.admin)
        return client


def consultation_setting(status: str = "open") -> Setting:
    strategy: Any = StrategyFactory(
        title="Vale Health and Wellbeing Strategy 2027-2032",
        summary="We want everyone in the Vale to live well.\n\nThis draft sets out how.",
    )
    theme: Any = ThemeFactory(
        plan=PlanFactory(strategy=strategy), title="Starting well", description="Children first."
    )
    priorities = [
        PriorityFactory(theme=theme, title="Healthy weight in childhood", position=1),
        PriorityFactory(theme=theme, title="Mental health of young people", position=2),
    ]
    admin: Any = UserFactory()
    MembershipFactory(
        user=admin, partnership=strategy.partnership, role=Membership.Role.ADMINISTRATOR
    )
    opens = timezone.localdate() - dt.timedelta(days=3)
    consultation = create_consultation(
        strategy, title="Have your say on the Vale strategy", opens=opens
    )
    consultation.status = status
    consultation.save()
    return Setting(consultation, admin, priorities, theme)


def full_answers(setting: Setting, **changes: str) -> dict[str, str]:
    """A complete valid response from a resident, every question answered."""
    data = {
        "respondent_type": "resident",
        "organisation_name": "",
        "name": "Priya Shah",
        "email": "priya@example.org",
        "consent_privacy": "on",
        "consent_publish": "on",
        "consent_contact": "on",
        "website": "",
        "equality-age_band": "25_34",
        "equality-carer": "yes",
    }
    for question in setting.consultation.questions.all():
        if question.asks_agreement:
            data[f"scale_{question.pk}"] = "4"
        data[f"comment_{question.pk}"] = f"My view on question {question.position}."
    data.update(changes)
    return data
