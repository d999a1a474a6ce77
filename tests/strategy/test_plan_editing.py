"""Administrators build the plan in the app; lead officers edit what leads may (#11.3)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from tests.delivery_world import World
from tests.factories import (
    BoardFactory,
    IndicatorFactory,
    OrganisationFactory,
    OtherStrategyFactory,
    PersonFactory,
)
from wellboard.strategy.models import Action, Plan, Priority, ProposedChange, Theme

pytestmark = pytest.mark.django_db


def _links(html: str) -> set[str]:
    return set(re.findall(r'href="([^"]+)"', html))


def _admin(client: Client, world: World) -> Client:
    client.force_login(world.admin)
    return client


def test_each_form_is_reached_from_its_parents_page(client: Client, world: World) -> None:
    _admin(client, world)
    action = world.own_action
    priority, theme = action.priority, action.priority.theme
    overview = _links(client.get(f"/strategies/{world.strategy.pk}/").content.decode())
    assert {f"/plans/{theme.plan_id}/themes/new/", f"/strategies/{world.strategy.pk}/edit/"} <= (
        overview
    )
    assert f"/strategies/{world.strategy.pk}/plans/new/" in overview
    theme_page = _links(client.get(f"/themes/{theme.pk}/").content.decode())
    assert {f"/themes/{theme.pk}/priorities/new/", f"/themes/{theme.pk}/edit/"} <= theme_page
    priority_page = _links(client.get(f"/priorities/{priority.pk}/").content.decode())
    assert f"/priorities/{priority.pk}/actions/new/" in priority_page
    action_page = client.get(f"/actions/{action.pk}/").content.decode()
    assert f"/actions/{action.pk}/archive/" in _links(action_page)
    assert f'action="/actions/{action.pk}/move/"' in action_page


def test_each_form_has_a_button_that_names_what_it_does(client: Client, world: World) -> None:
    """The layout imports the NHS.UK `button` macro, which once hid the button's words."""
    _admin(client, world)
    action = world.own_action
    pages = {
        f"/partnerships/{world.strategy.partnership_id}/strategies/new/": "Add",
        f"/themes/{action.priority.theme_id}/priorities/new/": "Add",
        f"/actions/{action.pk}/edit/": "Save",
    }
    for path, words in pages.items():
        html = client.get(path).content.decode().partition("<main")[2]
        found = re.search(r'<button[^>]*type="submit"[^>]*>\s*([^<]*?)\s*</button>', html)
        assert found is not None and found.group(1) == words, path


def test_members_who_are_not_administrators_see_no_building_links(
    client: Client, world: World
) -> None:
    client.force_login(world.lead)
    page = client.get(f"/priorities/{world.own_action.priority_id}/").content.decode()
    assert "/actions/new/" not in page
    assert client.get(f"/priorities/{world.own_action.priority_id}/actions/new/").status_code == 403


def test_adding_an_action_with_every_field(client: Client, world: World) -> None:
    _admin(client, world)
    priority = world.own_action.priority
    partnership = world.strategy.partnership
    lead_org, partner = (OrganisationFactory(partnership=partnership) for _ in range(2))
    board: Any = BoardFactory(partnership=partnership)
    indicator: Any = IndicatorFactory(partnership=partnership)
    other: Any = OtherStrategyFactory(partnership=partnership)
    person: Any = PersonFactory(partnership=partnership)
    url = f"/priorities/{priority.pk}/actions/new/"
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "priority": priority.pk,
            "ref": "1.9",
            "title": "Open a community kitchen",
            "description": "With the food bank",
            "lead_officer": person.pk,
            "role_type": "direct",
            "due_text": "Q3 2027/28",
            "outcome_measures": "Meals served",
            "weight": "2",
            "leads": [lead_org.pk],
            "supporting": [partner.pk],
            "boards": [board.pk],
            "indicators": [indicator.pk],
            "links": [other.pk],
            "milestones": "Site found | March 2027\nFirst meal",
        },
    )
    action = Action.objects.get(ref="1.9")
    assert response.status_code == 302 and response["Location"] == f"/actions/{action.pk}/"
    assert (action.priority, action.lead_officer) == (priority, person)
    assert action.role_type is not None and action.role_type.key == "direct"
    assert str(action.due_end) == "2027-12-31" and action.weight == 2
    assert action.lead_labels() == [lead_org.label]
    assert action.supporting_labels() == [partner.label]
    assert [link.board for link in action.board_links.all()] == [board]
    assert [link.indicator for link in action.indicator_links.all()] == [indicator]
    assert [link.other_strategy for link in action.strategy_links.all()] == [other]
    assert [(m.title, str(m.due_end)) for m in action.milestones.all()] == [
        ("Site found", "2027-03-31"),
        ("First meal", "None"),
    ]
    assert action.position > world.other_action.position


def test_another_partnerships_records_are_not_choices(client: Client, world: World) -> None:
    _admin(client, world)
    foreign_org: Any = OrganisationFactory()
    priority = world.own_action.priority
    response = client.post(
        f"/priorities/{priority.pk}/actions/new/",
        {"priority": priority.pk, "title": "X", "weight": "1", "leads": [foreign_org.pk]},
    )
    assert response.status_code == 400
    assert not Action.objects.filter(title="X").exists()


def _edit_data(action: Action, **changes: Any) -> dict[str, Any]:
    return {
        "priority": action.priority_id,
        "title": action.title,
        "weight": action.weight,
        "version": action.version,
        "due_text": action.due_text,
        **changes,
    }


def test_unreadable_due_wording_warns_and_keeps_the_date(client: Client, world: World) -> None:
    _admin(client, world)
    action = world.own_action
    due_end = action.due_end
    url = f"/actions/{action.pk}/edit/"
    warned = client.post(url, _edit_data(action, due_text="when the funding lands"))
    assert warned.status_code == 400
    assert "cannot be read as a date" in warned.content.decode()
    action.refresh_from_db()
    assert action.due_text == "Day 0" and action.due_end == due_end
    confirmed = client.post(
        url, _edit_data(action, due_text="when the funding lands", confirm_due="on")
    )
    assert confirmed.status_code == 302
    action.refresh_from_db()
    assert action.due_text == "when the funding lands" and action.due_end == due_end


def test_moving_an_action_to_another_priority_and_reordering(client: Client, world: World) -> None:
    _admin(client, world)
    action, other = world.own_action, world.other_action
    assert client.post(f"/actions/{other.pk}/move/", {"direction": "up"}).status_code == 302
    ordered = list(Action.objects.filter(priority=action.priority).order_by("position", "id"))
    assert ordered == [other, action]
    new_home = Priority.objects.create(theme=action.priority.theme, title="Elsewhere")
    response = client.post(f"/actions/{action.pk}/edit/", _edit_data(action, priority=new_home.pk))
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.priority == new_home


def test_archiving_a_theme_from_its_page_hides_it(client: Client, world: World) -> None:
    _admin(client, world)
    theme = world.own_action.priority.theme
    assert "Nothing is deleted" in client.get(f"/themes/{theme.pk}/archive/").content.decode()
    response = client.post(f"/themes/{theme.pk}/archive/")
    assert response.status_code == 302
    theme.refresh_from_db()
    assert theme.is_archived and theme.archived_by == world.admin
    overview = client.get(f"/strategies/{world.strategy.pk}/").content.decode()
    assert f"/themes/{theme.pk}/" not in overview
    assert world.own_action.updates.count() == 1


def test_building_a_strategy_from_nothing(client: Client, world: World) -> None:
    _admin(client, world)
    partnership = world.strategy.partnership
    response = client.post(
        f"/partnerships/{partnership.pk}/strategies/new/",
        {"title": "Living well 2026-2030", "period_start": "2026", "period_end": "2030"},
    )
    strategy = partnership.strategies.get(title="Living well 2026-2030")
    assert response["Location"] == f"/strategies/{strategy.pk}/"
    plan = strategy.main_plan
    assert plan is not None
    response = client.post(
        f"/plans/{plan.pk}/themes/new/", {"plan": plan.pk, "title": "Age well", "weight": "1"}
    )
    theme = Theme.objects.get(title="Age well")
    assert response["Location"] == f"/themes/{theme.pk}/"
    response = client.post(
        f"/themes/{theme.pk}/priorities/new/",
        {"theme": theme.pk, "title": "Fewer smokers", "weight": "1"},
    )
    priority = Priority.objects.get(title="Fewer smokers")
    assert response["Location"] == f"/priorities/{priority.pk}/"
    sub = client.post(
        f"/strategies/{strategy.pk}/plans/new/", {"title": "Smoking plan", "kind": "sub_plan"}
    )
    assert sub.status_code == 302
    assert Plan.objects.filter(strategy=strategy).count() == 2


def test_a_stale_theme_edit_is_refused(client: Client, world: World) -> None:
    _admin(client, world)
    theme = world.own_action.priority.theme
    data = {"plan": theme.plan_id, "title": "Mine", "weight": "1", "version": theme.version}
    assert client.post(f"/themes/{theme.pk}/edit/", data).status_code == 302
    refused = client.post(f"/themes/{theme.pk}/edit/", data | {"title": "Theirs"})
    assert refused.status_code == 409
    assert "Someone else saved this theme" in refused.content.decode()
    theme.refresh_from_db()
    assert theme.title == "Mine"


def test_a_leads_due_date_change_waits_for_approval(client: Client, world: World) -> None:
    world.strategy.requires_approval = True
    world.strategy.save()
    client.force_login(world.lead)
    action = world.own_action
    url = f"/actions/{action.pk}/edit/"
    data = {
        "title": "Lead's clearer title",
        "description": action.description,
        "outcome_measures": action.outcome_measures,
        "role_type": action.role_type.key if action.role_type else "",
        "due_text": "March 2028",
        "version": action.version,
    }
    data |= {f"original_{k}": v for k, v in data.items() if k != "version"}
    data["original_due_text"] = action.due_text
    data["original_title"] = action.title
    assert client.post(url, data).status_code == 302
    action.refresh_from_db()
    assert action.title == "Lead's clearer title"
    assert action.due_text == "Day 0"
    change = ProposedChange.objects.get()
    assert change.changes == {"due_text": {"before": "Day 0", "after": "March 2028"}}
    assert list(ProposedChange.objects.awaiting(world.admin)) == [change]


def test_the_move_buttons_carry_the_csrf_token_and_work_with_checks_on(world: World) -> None:
    browser = Client(enforce_csrf_checks=True)  # as a real browser: the token is required
    browser.force_login(world.admin)
    action = world.other_action
    pages = {
        f"/actions/{action.pk}/": f"/actions/{action.pk}/move/",
        f"/priorities/{action.priority_id}/": f"/priorities/{action.priority_id}/move/",
        f"/themes/{action.priority.theme_id}/": f"/themes/{action.priority.theme_id}/move/",
        f"/plans/{action.priority.theme.plan_id}/": f"/plans/{action.priority.theme.plan_id}/move/",
    }
    for page, move in pages.items():
        html = browser.get(page).content.decode()
        form = html[html.index(f'action="{move}"') :]
        form = form[: form.index("</form>")]
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form)
        assert token is not None, page
        answer = browser.post(move, {"direction": "up", "csrfmiddlewaretoken": token.group(1)})
        assert answer.status_code == 302, page
    assert browser.post(pages[f"/actions/{action.pk}/"], {"direction": "up"}).status_code == 403
