"""Every Django form of the app, drawn through web/forms.jinja, is wired for assistive technology.

Each form is bound with data that fails its own validation, drawn with the error summary,
and read back as HTML: the label points at the input, hint and error ids are in the
input's (or its fieldset's) `aria-describedby`, the summary links to `#id`, and invalid
fields, and only those, carry `nhsuk-form-group--error`. A second pass makes every field
invalid and gives it a hint, so each widget kind is checked whatever the data.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.auth.forms import AuthenticationForm
from django.forms import BaseForm
from django.forms.boundfield import BoundField
from django.template import engines
from django.test import Client
from django.urls import reverse
from lxml import html as lxml_html

from tests.factories import UserFactory
from tests.web import test_forms
from tests.web.test_forms import BUILDERS, World
from wellboard.imports.forms import ConfirmForm
from wellboard.indicators.forms import LocalUploadForm
from wellboard.partnerships.forms import PublishingForm
from wellboard.practice.forms import GoodPracticeForm
from wellboard.reports.forms import GenerateForm
from wellboard.strategy.forms import (
    CommentForm,
    StrategySettingsForm,
    UpdateForm,
    WeightsForm,
)

world = test_forms.world  # the registry's world, a fixture the tests below ask for

pytestmark = pytest.mark.django_db


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
