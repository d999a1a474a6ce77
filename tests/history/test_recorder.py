from __future__ import annotations

import pytest
from django.test import Client

from tests.delivery_world import World
from wellboard.history.models import ChangeRecord
from wellboard.history.recorder import acting_as, history_for

pytestmark = pytest.mark.django_db


def test_a_change_records_who_what_before_and_after(world: World) -> None:
    action = world.own_action
    with acting_as(world.admin):
        action.title = "Renamed"
        action.save()
    record = history_for(action)[0]
    assert record.verb == ChangeRecord.Verb.CHANGED
    assert record.user == world.admin
    assert record.changes["title"]["after"] == "Renamed"
    assert record.changes["title"]["before"] != "Renamed"
    assert "updated_at" not in record.changes


def test_saving_without_change_records_nothing(world: World) -> None:
    before = ChangeRecord.objects.count()
    world.own_action.save()
    assert ChangeRecord.objects.count() == before


def test_creation_and_deletion_are_recorded(world: World) -> None:
    milestone = world.own_action.milestones.get()
    pk = milestone.pk
    milestone.delete()
    verbs = set(
        ChangeRecord.objects.filter(object_id=pk, object_repr=milestone.title).values_list(
            "verb", flat=True
        )
    )
    assert verbs == {"created", "deleted"}


def test_edits_through_the_pages_are_attributed_and_shown(client: Client, world: World) -> None:
    client.force_login(world.admin)
    priority = world.own_action.priority
    response = client.post(
        f"/strategies/{world.strategy.pk}/settings/",
        {
            "s-version": "1",
            "s-published": "on",
            "s-requires_approval": "on",
            "s-locked_through": "",
            f"w-theme_{priority.theme_id}": "1",
            f"w-priority_{priority.pk}": "1",
        },
    )
    assert response.status_code == 302
    record = history_for(world.strategy)[0]
    assert record.user_name == "admin"
    assert record.changes["requires_approval"] == {"before": False, "after": True}
    html = client.get(f"/strategies/{world.strategy.pk}/").content.decode()
    assert "Change history" in html and "requires approval" in html
