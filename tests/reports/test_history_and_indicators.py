"""Reports read the change history for past dates and the indicator engine for outcomes."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from tests.factories import ActionFactory
from tests.indicators.conftest import DOWNLOAD
from tests.reports.conftest import rendered
from wellboard.history.state import fields_as_of
from wellboard.indicators.loaders import load_fingertips_csv
from wellboard.indicators.models import Indicator
from wellboard.reports.as_of import plan_state_on
from wellboard.strategy.models import Action, ActionIndicator, Strategy

pytestmark = pytest.mark.django_db


def test_fields_as_of_gives_the_value_before_the_first_later_change() -> None:
    action = ActionFactory(title="Original wording", due_text="Mar-26")
    before_edits = timezone.now()
    action.title = "Second wording"
    action.save()
    action.title = "Third wording"
    action.due_text = "Jun-26"
    action.save()
    earlier = fields_as_of(Action, [action.pk], before_edits)[action.pk]
    assert earlier == {"title": "Original wording", "due_text": "Mar-26"}
    assert fields_as_of(Action, [action.pk], timezone.now()) == {}


def test_a_past_dated_report_shows_the_action_as_it_stood() -> None:
    action = ActionFactory(title="Pilot in two practices", due_end=dt.date(2026, 3, 31))
    action.title = "Roll out to every practice"
    action.due_end = dt.date(2027, 3, 31)
    action.save()
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    state = plan_state_on(action.priority.theme.plan, yesterday)
    (shown,) = state.actions()
    assert shown.action.title == "Pilot in two practices"
    assert shown.action.due_end == dt.date(2026, 3, 31)
    today_state = plan_state_on(action.priority.theme.plan, timezone.localdate())
    assert today_state.actions()[0].action.title == "Roll out to every practice"


def test_annual_report_shows_the_engines_figures_for_linked_indicators(demo: Strategy) -> None:
    load_fingertips_csv(partnership=demo.partnership, source=DOWNLOAD)
    indicator = Indicator.objects.get(partnership=demo.partnership, code="PHOF 2.05ii")
    action = Action.objects.in_plan(demo.main_plan).first()
    assert action is not None
    ActionIndicator.objects.create(action=action, indicator=indicator, position=99)
    html = rendered(demo, "annual", "html", year=2025).content.decode()
    assert "PHOF 2.05ii" in html
    assert "Increasing and getting better" in html
    assert "(2021/22)" in html
