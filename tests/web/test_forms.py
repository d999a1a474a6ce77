"""Every Django form of the app, drawn through web/forms.jinja, is wired for assistive technology.

Each form is bound with data that fails its own validation, drawn with the error summary,
and read back as HTML: the label points at the input, hint and error ids are in the
input's (or its fieldset's) `aria-describedby`, the summary links to `#id`, and invalid
fields, and only those, carry `nhsuk-form-group--error`. A second pass makes every field
invalid and gives it a hint, so each widget kind is checked whatever the data.
"""

from __future__ import annotations

import ast
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.forms import AuthenticationForm
from django.forms import BaseForm
from django.forms.boundfield import BoundField
from django.template import engines
from django.test import Client
from django.urls import reverse
from lxml import html as lxml_html

from tests.factories import (
    ActionFactory,
    BoardFactory,
    OrganisationFactory,
    PartnershipFactory,
    PlanFactory,
    PriorityFactory,
    StrategyFactory,
    ThemeFactory,
    UserFactory,
    WorkingGroupFactory,
)
from wellboard.accounts.member_forms import InviteForm, MembershipForm
from wellboard.accounts.models import Membership
from wellboard.api.forms import TokenForm
from wellboard.consultations.admin_forms import (
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

IMPORT = '{% import "web/forms.jinja" as forms %}'
PAGE = """{% import "web/forms.jinja" as forms %}
{{ forms.error_summary(form) }}
<form>
{% for bf in form.visible_fields() %}{{ forms.field(bf, **options.get(bf.name, {})) }}{% endfor %}
{% for bf in form.hidden_fields() %}{{ forms.field(bf) }}{% endfor %}
</form>"""


def render(source: str, **context: Any) -> Any:
    env = engines["jinja2"].env  # type: ignore[attr-defined]
    return lxml_html.fromstring(f"<div>{env.from_string(source).render(**context)}</div>")


def classes(element: Any) -> set[str]:
    return set((element.get("class") or "").split())


def described_by(element: Any) -> set[str]:
    return set((element.get("aria-describedby") or "").split())


def summary_links(doc: Any) -> list[tuple[str, str]]:
    links = doc.xpath('//div[contains(@class, "nhsuk-error-summary")]//a')
    return [(a.get("href"), a.text_content().strip()) for a in links]


def check_field(doc: Any, bf: BoundField) -> None:
    """The markup of one visible field agrees with itself and with the error summary."""
    control = doc.get_element_by_id(bf.auto_id)
    assert control.tag in ("input", "select", "textarea"), bf.name
    assert control.get("name") == bf.html_name
    assert doc.xpath(f'//label[@for="{bf.auto_id}"]'), f"no label for {bf.auto_id}"
    fieldset = control.xpath("ancestor::fieldset[1]")
    if fieldset:  # radios and multiple checkboxes: the group is described, and has a legend
        assert fieldset[0].xpath("legend")[0].text_content().strip() == str(bf.label)
    describer = fieldset[0] if fieldset else control
    group = control.xpath('ancestor::div[contains(@class, "nhsuk-form-group")][1]')[0]
    if bf.help_text:
        hint = doc.get_element_by_id(f"{bf.auto_id}-hint")
        assert hint.text_content().strip() == str(bf.help_text)
        assert hint.get("id") in described_by(describer)
    if bf.errors:
        message = doc.get_element_by_id(f"{bf.auto_id}-error")
        for error in bf.errors:
            assert error in message.text_content()
            assert (f"#{bf.auto_id}", error) in summary_links(doc)
        assert message.get("id") in described_by(describer)
        assert "nhsuk-form-group--error" in classes(group)
    else:
        assert "nhsuk-form-group--error" not in classes(group), bf.name
        assert not doc.xpath(f'//*[@id="{bf.auto_id}-error"]')


def check_form(doc: Any, form: BaseForm) -> None:
    visible = form.visible_fields()
    for bf in visible:
        check_field(doc, bf)
    for bf in form.hidden_fields():
        assert doc.xpath(f'//input[@type="hidden"][@name="{bf.html_name}"]'), bf.name
        for error in bf.errors:  # the user cannot reach a hidden input: link the first field
            assert (f"#{visible[0].auto_id}", error) in summary_links(doc)
    for error in form.non_field_errors():
        assert (f"#{visible[0].auto_id}", error) in summary_links(doc)
    expected = len(form.non_field_errors()) + sum(len(bf.errors) for bf in form)
    assert len(summary_links(doc)) == expected


@pytest.mark.parametrize("form_class", list(BUILDERS), ids=lambda c: c.__name__)
def test_each_form_with_its_own_errors(world: World, form_class: type[BaseForm]) -> None:
    form, options = BUILDERS[form_class](world)
    assert not form.is_valid() or form_class in (ConfirmForm, PublishingForm)
    doc = render(PAGE, form=form, options=options)
    check_form(doc, form)
    if form.errors:
        assert doc.xpath('//div[@data-module="nhsuk-error-summary"]//h2')[0].text_content().strip()
    else:
        assert not summary_links(doc) and not doc.xpath('//*[contains(@class, "error-summary")]')


@pytest.mark.parametrize("form_class", list(BUILDERS), ids=lambda c: c.__name__)
def test_each_form_with_every_field_hinted_and_invalid(
    world: World, form_class: type[BaseForm]
) -> None:
    form, options = BUILDERS[form_class](world)
    for name, field_ in form.fields.items():  # before the bound fields copy the help text
        field_.help_text = field_.help_text or f"Hint for {name}"
    form.is_valid()
    for bf in form.visible_fields():
        if not bf.errors:
            form.add_error(bf.name, f"Invented problem with {bf.name}")
    form.add_error(None, "Invented problem with the whole form")
    doc = render(PAGE, form=form, options=options)
    check_form(doc, form)
    for bf in form.visible_fields():
        assert bf.errors and bf.help_text


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


def test_a_long_text_with_a_limit_gets_a_character_count_not_a_hard_stop() -> None:
    doc = render(IMPORT + '{{ forms.field(form["text"]) }}', form=CommentForm())
    group = doc.xpath('//div[@data-module="nhsuk-character-count"]')[0]
    assert group.get("data-maxlength") == "4000"
    textarea = doc.get_element_by_id("id_text")
    assert textarea.get("maxlength") is None
    assert "id_text-info" in described_by(textarea)
    assert "4000 characters" in doc.get_element_by_id("id_text-info").text_content()


def test_entered_values_are_shown_again(world: World) -> None:
    update = UpdateForm(data={"date": "2026-11-23", "rag": "amber", "text": "Clinics <b>open</b>"})
    practice = GoodPracticeForm(
        data={"actions": [str(world.action.pk)], "published": "on", "name": "x"},
        partnership=world.partnership,
    )
    report = GenerateForm(
        data={"theme": str(world.theme.pk), "format": "pdf"},
        strategy=world.strategy,
        kind="delivery",
    )
    source = IMPORT + "{{ forms.fields(form) }}"
    doc = render(source, form=update)
    assert doc.get_element_by_id("id_date").get("value") == "2026-11-23"
    assert doc.get_element_by_id("id_date").get("type") == "date"
    assert doc.xpath('//input[@name="rag"][@checked]')[0].get("value") == "amber"
    assert doc.get_element_by_id("id_text").text_content() == "Clinics <b>open</b>"
    percent = doc.get_element_by_id("id_percent_complete")
    assert (percent.get("type"), percent.get("inputmode")) == ("text", "numeric")
    doc = render(source, form=practice)
    assert doc.get_element_by_id("id_published").get("checked") is not None
    ticked = doc.xpath('//input[@name="actions"][@checked]')
    assert [box.get("value") for box in ticked] == [str(world.action.pk)]
    assert doc.get_element_by_id("id_actions").get("type") == "checkbox"
    doc = render(source, form=report)
    assert doc.xpath('//select[@name="theme"]/option[@selected]')[0].get("value") == str(
        world.theme.pk
    )
    assert doc.xpath('//select[@name="theme"]/option')[0].text_content() == "All"


def test_initial_values_are_written_the_way_the_inputs_read_them() -> None:
    settings = StrategySettingsForm(initial={"locked_through": dt.date(2026, 3, 31)})
    upload = LocalUploadForm(initial={"method": "byars", "multiplier": 100000.0})
    source = IMPORT + "{{ forms.fields(form) }}"
    assert render(source, form=settings).get_element_by_id("id_locked_through").get("value") == (
        "2026-03-31"
    )
    doc = render(source, form=upload)
    assert doc.get_element_by_id("id_multiplier").get("value") == "100000"
    assert doc.get_element_by_id("id_file").get("accept") == ".csv,text/csv"
    assert doc.xpath('//input[@name="method"][@checked]')[0].get("value") == "byars"


def test_a_password_is_never_written_back() -> None:
    form = AuthenticationForm(data={"username": "lead", "password": "secret words"})
    doc = render(IMPORT + "{{ forms.fields(form) }}", form=form)
    password = doc.get_element_by_id("id_password")
    assert password.get("type") == "password" and password.get("value") is None
    assert doc.get_element_by_id("id_username").get("autocomplete") == "username"


def test_one_summary_for_two_forms_and_for_messages_without_a_form(world: World) -> None:
    settings = StrategySettingsForm(
        data={"s-locked_through": "x"}, instance=world.strategy, prefix="s"
    )
    weights = WeightsForm(data={}, objects=[world.theme], prefix="w")
    doc = render(
        IMPORT + "{{ forms.error_summary([a, b]) }}",
        a=settings,
        b=weights,
    )
    hrefs = [href for href, _ in summary_links(doc)]
    assert hrefs == ["#id_s-locked_through", f"#id_w-theme_{world.theme.pk}"]
    doc = render(
        IMPORT + '{{ forms.error_summary(none, messages=["theme must be a number"],'
        ' title="Some filters were ignored") }}'
    )
    assert "Some filters were ignored" in doc.text_content()
    assert doc.xpath("//li")[0].text_content().strip() == "theme must be a number"
    empty = render(IMPORT + "{{ forms.error_summary(form) }}", form=CommentForm())
    assert not empty.xpath('//*[contains(@class, "error-summary")]')


def test_buttons_and_tables_come_from_the_nhsuk_macros() -> None:
    doc = render(
        IMPORT + '{{ forms.button("Save") }}'
        '{{ forms.button("Merge", variant="secondary", name="keep", value="first") }}'
        '{{ forms.button("Add an update", href="/actions/1/update/") }}'
        '{{ forms.table(["Area", {"text": "Count", "format": "numeric"}],'
        ' [["North", 12], [none, "<b>"]],'
        ' caption="Counts", first_cell_is_header=true) }}'
    )
    save, merge = doc.xpath("//button")
    assert save.get("type") == "submit" and "nhsuk-button" in classes(save)
    assert (merge.get("name"), merge.get("value")) == ("keep", "first")
    assert "nhsuk-button--secondary" in classes(merge)
    link = doc.xpath("//a")[0]
    assert link.get("href") == "/actions/1/update/" and link.get("role") == "button"
    table = doc.xpath("//table")[0]
    assert "nhsuk-table" in classes(table)
    assert table.xpath("caption")[0].text_content().strip() == "Counts"
    rows = table.xpath("tbody/tr")
    assert [c.tag for c in rows[0]] == ["th", "td"] and rows[0][0].get("scope") == "row"
    assert rows[0][1].text_content().strip() == "12"
    assert "nhsuk-table__cell--numeric" in classes(rows[0][1])
    assert rows[1][0].text_content().strip() == "" and rows[1][1].text_content().strip() == "<b>"


def test_a_failed_sign_in_is_summarised_and_linked_to_the_username(client: Client) -> None:
    UserFactory(username="lead1")
    response = client.post(reverse("accounts:login"), {"username": "lead1", "password": "wrong"})
    doc = lxml_html.fromstring(response.content.decode())
    (href, text), *_ = summary_links(doc)
    assert href == "#id_username" and "correct username and password" in text
    assert doc.get_element_by_id("id_username").get("value") == "lead1"
    assert doc.get_element_by_id("id_password").get("value") is None
