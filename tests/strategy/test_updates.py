"""The add-update form: the suggested status and overrides, reasons for off track (red),
copy-forward, approval, locks."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from tests.delivery_world import World
from wellboard.core.delivery import SUGGESTED_STATUS_EXPLAINED
from wellboard.strategy import services
from wellboard.strategy.delivery import plan_delivery
from wellboard.strategy.models import Action, ProgressUpdate, UpdateReview

pytestmark = pytest.mark.django_db


def post_update(client: Client, world: World, **fields: str) -> Any:
    data = {
        "date": timezone.localdate().isoformat(),
        "rag": "green",
        "text": "Clinics open.",
        "percent_complete": "95",  # on track for the calendar, so no override reason needed
    }
    data.update(fields)
    return client.post(f"/actions/{world.own_action.pk}/update/", data)


def counts(world: World) -> dict[str, int]:
    state = plan_delivery(world.strategy.main_plan, timezone.localdate())  # type: ignore[arg-type]
    return dict(state.counts.ordered())


def test_lead_adds_an_update_and_the_roll_up_changes(client: Client, world: World) -> None:
    client.force_login(world.lead)
    assert counts(world)["complete"] == 0
    response = post_update(client, world, rag="complete", percent_complete="100")
    assert response.status_code == 302
    latest = world.own_action.updates.order_by("-id").first()
    assert latest is not None and latest.author == world.lead
    assert counts(world)["complete"] == 1


def test_off_track_needs_a_reason_even_when_it_is_the_suggested_status(
    client: Client, world: World
) -> None:
    client.force_login(world.lead)
    before = ProgressUpdate.objects.count()
    # 10% done with 90% of the time gone: the calendar suggests red, and the lead agrees.
    response = post_update(client, world, rag="red", percent_complete="10")
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert "Say why the action is off track (red)." in html
    assert 'href="#id_override_reason"' in html
    assert ProgressUpdate.objects.count() == before
    ok = post_update(
        client, world, rag="red", percent_complete="10", override_reason="Venue fell through"
    )
    assert ok.status_code == 302
    saved = ProgressUpdate.objects.order_by("-id").first()
    assert saved is not None and saved.rag == "red" and saved.suggested_rag == "red"
    assert saved.override_reason == "Venue fell through"
    page = client.get(world.own_action.get_absolute_url()).content.decode()
    assert "Why off track (red): Venue fell through" in page


def test_off_track_without_a_due_date_still_needs_a_reason(world: World) -> None:
    Action.objects.filter(pk=world.own_action.pk).update(due_end=None, due_start=None)
    action = Action.objects.get(pk=world.own_action.pk)
    with pytest.raises(ValidationError) as caught:
        services.add_update(
            action=action,
            author=world.lead,
            date=timezone.localdate(),
            rag="red",
            text="Stalled",
            percent_complete=None,
            suggested_rag="",
        )
    assert caught.value.message_dict == {
        "override_reason": ["Say why the action is off track (red)."]
    }
    assert not ProgressUpdate.objects.filter(text="Stalled").exists()


def test_a_reason_is_kept_only_where_it_is_needed(client: Client, world: World) -> None:
    client.force_login(world.lead)
    post_update(client, world, rag="green", override_reason="Nothing to explain")
    saved = ProgressUpdate.objects.order_by("-id").first()
    assert saved is not None and saved.override_reason == ""


def test_the_form_explains_the_suggested_status_in_words(client: Client, world: World) -> None:
    client.force_login(world.lead)
    html = client.get(f"/actions/{world.own_action.pk}/update/").content.decode()
    assert "Suggested status: <strong>" in html
    assert SUGGESTED_STATUS_EXPLAINED in html
    for words in ("On track (green)", "At risk (amber)", "Off track (red)", "Complete"):
        assert words in html
    assert "RAG" not in html.split("<main", 1)[1]


def test_override_of_the_suggested_rag_needs_a_reason(client: Client, world: World) -> None:
    client.force_login(world.lead)
    before = ProgressUpdate.objects.count()
    # 10% done with 90% of the time gone: the calendar says red, the lead says green.
    response = post_update(client, world, rag="green", percent_complete="10")
    assert response.status_code == 200
    assert (
        "Say why the status is on track (green) when off track (red) is suggested."
        in response.content.decode()
    )
    assert ProgressUpdate.objects.count() == before
    ok = post_update(
        client, world, rag="green", percent_complete="10", override_reason="Back-loaded plan"
    )
    assert ok.status_code == 302
    saved = ProgressUpdate.objects.order_by("-id").first()
    assert saved is not None and saved.override_reason == "Back-loaded plan"
    assert saved.suggested_rag == "red"


def test_form_shows_the_suggestion_and_copies_the_narrative(client: Client, world: World) -> None:
    client.force_login(world.lead)
    html = client.get(f"/actions/{world.own_action.pk}/update/?copy=1").content.decode()
    assert "Suggested status" in html
    assert "Progress as planned." in html  # the previous update's text, ready to edit


def test_bad_percent_is_a_form_error(client: Client, world: World) -> None:
    client.force_login(world.lead)
    response = post_update(client, world, percent_complete="140")
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()


def test_update_can_move_a_milestone(client: Client, world: World) -> None:
    client.force_login(world.lead)
    milestone = world.own_action.milestones.get()
    post_update(client, world, **{f"milestone_{milestone.pk}": "2027-06-30"})
    milestone.refresh_from_db()
    assert milestone.due_end == dt.date(2027, 6, 30)


def test_updates_wait_for_approval_and_do_not_count_until_approved(
    client: Client, world: World
) -> None:
    world.strategy.requires_approval = True
    world.strategy.save()
    client.force_login(world.lead)
    post_update(client, world, rag="complete", percent_complete="100")
    update = ProgressUpdate.objects.order_by("-id").first()
    assert update is not None and update.review.decision == UpdateReview.Decision.PENDING
    assert counts(world)["complete"] == 0
    public = client.get(f"/public/strategies/{world.strategy.pk}/").content.decode()
    assert "1 complete" not in public
    client.force_login(world.lead)
    assert client.post(f"/updates/{update.pk}/review/", {"decision": "approve"}).status_code == 403
    client.force_login(world.admin)
    response = client.post(f"/updates/{update.pk}/review/", {"decision": "approve"})
    assert response.status_code == 302
    assert counts(world)["complete"] == 1


def test_returning_an_update_needs_a_reason(client: Client, world: World) -> None:
    world.strategy.requires_approval = True
    world.strategy.save()
    client.force_login(world.lead)
    post_update(client, world, rag="complete", percent_complete="100")
    update = ProgressUpdate.objects.order_by("-id").first()
    assert update is not None
    client.force_login(world.admin)
    response = client.post(f"/updates/{update.pk}/review/", {"decision": "return"})
    assert "Say why" in response.content.decode()
    client.post(f"/updates/{update.pk}/review/", {"decision": "return", "reason": "No evidence"})
    review = UpdateReview.objects.get(update=update)
    assert (review.decision, review.reason) == ("returned", "No evidence")
    assert counts(world)["complete"] == 0


def test_locked_reporting_period_refuses_backdated_updates(client: Client, world: World) -> None:
    today = timezone.localdate()
    world.strategy.locked_through = today - dt.timedelta(days=1)
    world.strategy.save()
    client.force_login(world.lead)
    before = ProgressUpdate.objects.count()
    response = post_update(client, world, date=(today - dt.timedelta(days=3)).isoformat())
    assert "Reporting is locked" in response.content.decode()
    assert ProgressUpdate.objects.count() == before
    assert post_update(client, world).status_code == 302


def test_administrator_sets_weights_and_approval(client: Client, world: World) -> None:
    client.force_login(world.admin)
    theme = world.own_action.priority.theme
    priority = world.own_action.priority
    response = client.post(
        f"/strategies/{world.strategy.pk}/settings/",
        {
            "s-version": "1",
            "s-published": "on",
            "s-requires_approval": "on",
            "s-locked_through": "",
            f"w-theme_{theme.pk}": "3",
            f"w-priority_{priority.pk}": "5",
        },
    )
    assert response.status_code == 302
    theme.refresh_from_db()
    priority.refresh_from_db()
    world.strategy.refresh_from_db()
    assert (theme.weight, priority.weight, world.strategy.requires_approval) == (3, 5, True)


def test_board_member_comments_and_lead_proposes(client: Client, world: World) -> None:
    client.force_login(world.board)
    client.post(f"/actions/{world.own_action.pk}/comment/", {"text": "Good work", "propose": "1"})
    client.force_login(world.lead)
    client.post(
        f"/actions/{world.other_action.pk}/comment/", {"text": "Move the date", "propose": "1"}
    )
    own = world.own_action.comments.get()
    other = world.other_action.comments.get()
    assert (own.kind, other.kind) == ("comment", "proposal")
