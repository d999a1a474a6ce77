"""Every form class of the app, bound with data that fails its own validation: BUILDERS.

Add each new form class to BUILDERS here (the test at the end finds every form class in
the package and fails for one that is missing). The checks that use BUILDERS live beside
this file: test_form_markup.py (each form drawn through web/forms.jinja is wired for
assistive technology) and test_form_limits.py (each text box has a length limit).
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.forms import AuthenticationForm
from django.forms import BaseForm

from tests.factories import (
    ActionFactory,
    BoardFactory,
    OrganisationFactory,
    PartnershipFactory,
    PlanFactory,
    PriorityFactory,
    StrategyFactory,
    ThemeFactory,
    WorkingGroupFactory,
)
from wellboard.accounts.member_forms import InviteForm, MembershipForm
from wellboard.accounts.models import Membership
from wellboard.api.forms import TokenForm
from wellboard.consultations.admin_forms import (
    CommentModerationForm,
    ConsultationForm,
    EventForm,
    ModerationForm,
    QuestionForm,
)
from wellboard.consultations.public_forms import (
    EqualityForm,
    ParagraphCommentForm,
    ResponseForm,
)
from wellboard.consultations.services import create_consultation
from wellboard.consultations.you_said_forms import YouSaidForm
from wellboard.imports.forms import ConfirmForm, MappingForm, UploadForm
from wellboard.indicators.forms import LocalUploadForm, ReportingAreaForm
from wellboard.partnerships.deciding_body_forms import DecidingBodyForm
from wellboard.partnerships.forms import GlossaryTermForm, PublishingForm
from wellboard.partnerships.group_forms import PlaceForm, WorkingGroupForm
from wellboard.partnerships.meeting_forms import BoardMeetingForm
from wellboard.partnerships.models import Person
from wellboard.partnerships.reference_forms import (
    BoardForm,
    GlossaryEditForm,
    OrganisationForm,
    OtherStrategyForm,
    PersonForm,
    ReferenceForm,
)
from wellboard.partnerships.role_type_forms import PresetForm, RoleTypeForm
from wellboard.practice.forms import GoodPracticeForm
from wellboard.reports.forms import GenerateForm, ReportFilterForm
from wellboard.rounds.forms import RespondForm, RoundSettingsForm
from wellboard.strategy.duplicate_forms import PairForm, ThresholdForm
from wellboard.strategy.forms import (
    ActionEditForm,
    CommentForm,
    ProposalDecisionForm,
    ReviewForm,
    StrategySettingsForm,
    UpdateForm,
    WeightsForm,
)
from wellboard.strategy.lifecycle_forms import TransitionForm
from wellboard.strategy.models import Milestone
from wellboard.strategy.plan_forms import (
    ActionForm,
    PlanForm,
    PriorityForm,
    StrategyForm,
    ThemeForm,
)
from wellboard.strategy.version_forms import CompareForm, SaveVersionForm

pytestmark = pytest.mark.django_db

PACKAGE = Path(__file__).resolve().parents[2] / "wellboard"


@dataclass
class World:
    """The smallest partnership with one of each thing the forms offer as a choice."""

    partnership: Any
    strategy: Any
    theme: Any
    priority: Any
    action: Any
    milestone: Any
    other_partnership: Any


@pytest.fixture
def world() -> World:
    partnership = PartnershipFactory()
    strategy = StrategyFactory(partnership=partnership)
    theme = ThemeFactory(plan=PlanFactory(strategy=strategy))
    priority = PriorityFactory(theme=theme)
    action = ActionFactory(priority=priority)
    OrganisationFactory(partnership=partnership)
    BoardFactory(partnership=partnership)
    milestone = Milestone.objects.create(action=action, title="Open the second clinic")
    return World(partnership, strategy, theme, priority, action, milestone, PartnershipFactory())


# Each form of the app, bound with data its own validation refuses, and the options the
# page gives `forms.field` for it (the import target's radios are supplied by the page).
Builder = Callable[[World], tuple[BaseForm, dict[str, dict[str, Any]]]]
BUILDERS: dict[type[BaseForm], Builder] = {
    AuthenticationForm: lambda w: (AuthenticationForm(data={"username": "", "password": ""}), {}),
    LocalUploadForm: lambda w: (
        LocalUploadForm(data={"method": "median", "multiplier": "-1"}, files={}),
        {},
    ),
    ReportingAreaForm: lambda w: (
        ReportingAreaForm(data={"area_code": "E92000001", "region_code": "Cumbria"}),
        {},
    ),
    BoardMeetingForm: lambda w: (
        BoardMeetingForm(
            data={"date": "soon", "papers_deadline": "later", "board": "0"},
            partnership=w.partnership,
        ),
        {},
    ),
    RoleTypeForm: lambda w: (
        RoleTypeForm(
            data={"name": "", "colour": "tartan", "position": "-1"}, partnership=w.partnership
        ),
        {},
    ),
    PresetForm: lambda w: (PresetForm(data={"preset": "none"}), {}),
    TokenForm: lambda w: (TokenForm(data={"name": "", "user": "0"}, partnership=w.partnership), {}),
    OrganisationForm: lambda w: (
        OrganisationForm(
            data={"name": "", "kind": "planet", "website": "nope", "parent": "0"},
            partnership=w.partnership,
        ),
        {},
    ),
    # The base of the reference forms, drawn through one of them.
    ReferenceForm: lambda w: (
        BoardForm(data={"name": ""}, partnership=w.partnership),
        {},
    ),
    PersonForm: lambda w: (
        PersonForm(
            data={"name": "", "email": "nope", "board_role": "king", "boards": ["0"]},
            partnership=w.partnership,
        ),
        {},
    ),
    BoardForm: lambda w: (BoardForm(data={"name": "x" * 201}, partnership=w.partnership), {}),
    DecidingBodyForm: lambda w: (
        DecidingBodyForm(data={"name": "", "part": "rules"}, partnership=w.partnership),
        {},
    ),
    OtherStrategyForm: lambda w: (
        OtherStrategyForm(data={"title": "", "url": "nope"}, partnership=w.partnership),
        {},
    ),
    GlossaryEditForm: lambda w: (
        GlossaryEditForm(data={"term": "", "meaning": ""}, partnership=w.partnership),
        {},
    ),
    WorkingGroupForm: lambda w: (
        WorkingGroupForm(data={"name": "", "reports_to": "0"}, partnership=w.partnership),
        {},
    ),
    PlaceForm: lambda w: (
        PlaceForm(
            data={"role": "x" * 201, "organisation": "0", "person": "0"},
            group=WorkingGroupFactory(partnership=w.partnership),
        ),
        {},
    ),
    InviteForm: lambda w: (
        InviteForm(
            data={"email": "not an address", "role": "chief", "person": "0"},
            people=Person.objects.filter(partnership=w.partnership),
        ),
        {},
    ),
    MembershipForm: lambda w: (
        MembershipForm(
            data={"role": "chief", "person": "0"},
            instance=Membership(partnership=w.partnership),
            people=Person.objects.filter(partnership=w.partnership),
        ),
        {},
    ),
    # A single tick box: always valid, like ConfirmForm.
    PublishingForm: lambda w: (PublishingForm(data={}, instance=w.partnership), {}),
    GlossaryTermForm: lambda w: (
        GlossaryTermForm(data={"term": " ", "meaning": ""}, partnership=w.partnership),
        {},
    ),
    ThresholdForm: lambda w: (
        ThresholdForm(data={"strategy": "0", "min_similarity": "2"}, strategies=[w.strategy]),
        {},
    ),
    PairForm: lambda w: (
        PairForm(data={"first": "x", "keep": "neither"}, partnership=w.partnership),
        {},
    ),
    UploadForm: lambda w: (
        UploadForm(
            data={"target": "somewhere"},
            files={},
            partnerships=[w.partnership, w.other_partnership],
        ),
        {"target": {"choices": [("new", "A new strategy"), (w.strategy.pk, "Ours", "Borough")]}},
    ),
    MappingForm: lambda w: (
        MappingForm(data={}, headers=["Lead org", "When by"], initial_map={}),
        {},
    ),
    ConfirmForm: lambda w: (ConfirmForm(data={"delete_missing": "on"}), {}),
    UpdateForm: lambda w: (
        UpdateForm(
            data={
                "date": "31/31/2026",
                "rag": "purple",
                "text": "",
                "percent_complete": "101",
                "evidence_url": "not a link",
                f"milestone_{w.milestone.pk}": "soon",
            },
            milestones=[w.milestone],
        ),
        {},
    ),
    ReviewForm: lambda w: (ReviewForm(data={"decision": "return", "reason": ""}), {}),
    SaveVersionForm: lambda w: (SaveVersionForm(data={"label": "x" * 201}), {}),
    CompareForm: lambda w: (CompareForm(data={"old": "7", "new": "x"}, versions=[]), {}),
    ProposalDecisionForm: lambda w: (
        ProposalDecisionForm(data={"decision": "reject", "reason": " "}),
        {},
    ),
    ActionEditForm: lambda w: (
        ActionEditForm(
            data={"title": "", "version": "x", "role_type": "hero", "due_text": "x" * 301}
        ),
        {},
    ),
    CommentForm: lambda w: (CommentForm(data={"text": "x" * 4001}), {}),
    TransitionForm: lambda w: (
        TransitionForm(data={"target": "closed", "minute": "x" * 101}, current="draft"),
        {},
    ),
    RespondForm: lambda w: (RespondForm(data={"rag": "purple", "percent_complete": "101"}), {}),
    RoundSettingsForm: lambda w: (
        RoundSettingsForm(data={"open_days": "0", "reminder_days": "a week"}),
        {},
    ),
    StrategySettingsForm: lambda w: (
        StrategySettingsForm(data={"s-locked_through": "soon"}, instance=w.strategy, prefix="s"),
        {},
    ),
    WeightsForm: lambda w: (
        WeightsForm(
            data={f"w-theme_{w.theme.pk}": "101", f"w-priority_{w.priority.pk}": "-1"},
            objects=[w.theme, w.priority],
            prefix="w",
        ),
        {},
    ),
    ReportFilterForm: lambda w: (
        ReportFilterForm(
            data={"theme": "0", "as_of": "not a date", "year": "1800", "since": "x"},
            strategy=w.strategy,
            kind="annual",
        ),
        {},
    ),
    GenerateForm: lambda w: (
        GenerateForm(
            data={"format": "exe", "snapshot": "on", "meeting_date": "x"},
            strategy=w.strategy,
            kind="delivery",
        ),
        {},
    ),
    StrategyForm: lambda w: (
        StrategyForm(
            data={"title": "", "period_start": "x", "period_end": "1"}, instance=w.strategy
        ),
        {},
    ),
    PlanForm: lambda w: (PlanForm(data={"title": "", "kind": "nonsense"}), {}),
    ThemeForm: lambda w: (
        ThemeForm(
            data={"plan": "0", "title": "", "weight": "-1", "lead_member": "0"},
            instance=w.theme,
            strategy=w.strategy,
        ),
        {},
    ),
    PriorityForm: lambda w: (
        PriorityForm(
            data={"theme": "0", "title": "", "weight": "x", "sub_plan": "0"},
            instance=w.priority,
            strategy=w.strategy,
        ),
        {},
    ),
    ActionForm: lambda w: (
        ActionForm(
            data={
                "priority": "0",
                "title": "",
                "role_type": "hero",
                "due_text": "when pigs fly",
                "weight": "x",
                "leads": ["0"],
                "boards": ["0"],
            },
            instance=w.action,
            strategy=w.strategy,
        ),
        {},
    ),
    GoodPracticeForm: lambda w: (
        GoodPracticeForm(
            data={"name": "", "url": "nope", "actions": ["0"], "organisation": "0"},
            partnership=w.partnership,
        ),
        {},
    ),
    ConsultationForm: lambda w: (
        ConsultationForm(data={"title": "", "opens": "soon", "closes": "2020-13-01"}),
        {},
    ),
    QuestionForm: lambda w: (QuestionForm(data={"text": "", "position": "-1"}), {}),
    EventForm: lambda w: (EventForm(data={"date": "Tuesday", "place": ""}), {}),
    ModerationForm: lambda w: (ModerationForm(data={"decision": "publish"}, limit=2000), {}),
    CommentModerationForm: lambda w: (
        CommentModerationForm(data={"decision": "publish"}, limit=2000),
        {},
    ),
    ResponseForm: lambda w: (
        ResponseForm(
            data={"respondent_type": "organisation", "email": "not an email", "scale_0": "9"},
            consultation=create_consultation(w.strategy, title="Have your say"),
        ),
        {},
    ),
    EqualityForm: lambda w: (EqualityForm(data={"equality-age_band": "ancient"}), {}),
    ParagraphCommentForm: lambda w: (ParagraphCommentForm(data={"text": " "}), {}),
    YouSaidForm: lambda w: (
        YouSaidForm(
            data={"you_said": "", "we_did": "x" * 2001, "section": "nowhere"},
            consultation=create_consultation(w.strategy, title="What we did"),
        ),
        {},
    ),
}


def app_form_classes() -> set[str]:
    """Every class in the wellboard package that derives from a Django form class."""
    found = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                bases = {ast.unparse(base).split(".")[-1] for base in node.bases}
                if any(base.endswith("Form") for base in bases):
                    found.add(node.name)
    return found


def test_every_form_class_of_the_app_is_checked_here() -> None:
    checked = {c.__name__ for c in BUILDERS}
    assert app_form_classes() - checked == set()
    assert "UpdateForm" in app_form_classes()  # the scan itself finds forms
