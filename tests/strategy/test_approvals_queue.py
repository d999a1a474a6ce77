"""/approvals/: every update waiting for the approver, approved or returned in one step."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from tests.delivery_world import World
from tests.factories import UpdateFactory
from wellboard.strategy.models import (
    Action,
    ActionComment,
    ProgressUpdate,
    ProposalDecision,
    UpdateReview,
)

QUEUE = "/approvals/"


def waiting(action: Action, text: str = "Clinics opened in two towns") -> ProgressUpdate:
    update: ProgressUpdate = UpdateFactory(action=action, text=text, author_name="Ada Lead")
    UpdateReview.objects.create(update=update)
    return update


def as_user(user: User | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def decide(client: Client, update: ProgressUpdate, decision: str, reason: str = "") -> object:
    prefix = f"u{update.pk}"
    data = {f"{prefix}-decision": decision, f"{prefix}-reason": reason}
    return client.post(reverse("approvals:decide", args=[update.pk]), data)


def test_the_queue_path_says_what_it_is() -> None:
    assert reverse("approvals:queue") == QUEUE


def test_the_queue_lists_what_waits_in_the_approvers_partnership(world: World) -> None:
    mine = waiting(world.own_action)
    elsewhere = waiting(world.foreign_action, text="Foreign words")
    html = as_user(world.admin).get(QUEUE).content.decode()
    assert mine.text in html and world.own_action.title in html
    assert elsewhere.text not in html
    assert "1 item waits" in html
    assert elsewhere.text in as_user(world.stranger).get(QUEUE).content.decode()


def test_approve_in_one_step(world: World) -> None:
    update = waiting(world.own_action)
    client = as_user(world.admin)
    response = decide(client, update, "approve")
    assert response.status_code == 302 and response["Location"] == QUEUE  # type: ignore[attr-defined]
    review = UpdateReview.objects.get(update=update)
    assert review.decision == UpdateReview.Decision.APPROVED
    assert review.reviewer == world.admin
    html = client.get(QUEUE).content.decode()
    assert "Approved: the update on" in html
    assert "No update is waiting for your approval." in html


def test_return_with_a_reason_in_one_step(world: World) -> None:
    update = waiting(world.own_action)
    client = as_user(world.admin)
    decide(client, update, "return", "Say which towns")
    assert "Returned: the update on" in client.get(QUEUE).content.decode()
    review = UpdateReview.objects.get(update=update)
    assert review.decision == UpdateReview.Decision.RETURNED
    assert review.reason == "Say which towns"
    assert ProgressUpdate.objects.get(pk=update.pk).text == update.text, "words never change"


def test_returning_without_a_reason_is_a_form_error(world: World) -> None:
    update = waiting(world.own_action)
    response = decide(as_user(world.admin), update, "return", "  ")
    assert response.status_code == 400  # type: ignore[attr-defined]
    html = response.content.decode()  # type: ignore[attr-defined]
    assert "There is a problem" in html and "Say why the update is returned." in html
    assert f'href="#id_u{update.pk}-reason"' in html
    assert UpdateReview.objects.get(update=update).decision == UpdateReview.Decision.PENDING


def test_a_second_decision_is_refused(world: World) -> None:
    update = waiting(world.own_action)
    client = as_user(world.admin)
    decide(client, update, "approve")
    response = decide(client, update, "return", "Too late")
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert "already been reviewed" in response.content.decode()  # type: ignore[attr-defined]
    assert UpdateReview.objects.get(update=update).decision == UpdateReview.Decision.APPROVED


@pytest.mark.parametrize("who", ["lead", "board"])
def test_leads_and_board_members_may_not_approve(world: World, who: str) -> None:
    update = waiting(world.own_action)
    client = as_user(getattr(world, who))
    assert client.get(QUEUE).status_code == 403
    assert decide(client, update, "approve").status_code == 403  # type: ignore[attr-defined]
    assert UpdateReview.objects.get(update=update).decision == UpdateReview.Decision.PENDING


def test_another_partnerships_administrator_cannot_find_the_update(world: World) -> None:
    update = waiting(world.own_action)
    assert decide(as_user(world.stranger), update, "approve").status_code == 404  # type: ignore[attr-defined]


def test_visitors_are_sent_to_sign_in(world: World) -> None:
    update = waiting(world.own_action)
    for response in (as_user(None).get(QUEUE), decide(as_user(None), update, "approve")):
        assert response.status_code == 302  # type: ignore[attr-defined]
        assert response["Location"].startswith("/accounts/login/")  # type: ignore[index]


def proposal_on(
    action: Action, author: User, text: str = "Move the due date to March"
) -> ActionComment:
    return ActionComment.objects.create(
        action=action, author=author, kind=ActionComment.Kind.PROPOSAL, text=text
    )


def answer(client: Client, proposal: ActionComment, decision: str, reason: str = "") -> object:
    prefix = f"p{proposal.pk}"
    data = {f"{prefix}-decision": decision, f"{prefix}-reason": reason}
    return client.post(reverse("approvals:decide_proposal", args=[proposal.pk]), data)


def test_proposed_changes_wait_in_the_queue_and_count(world: World) -> None:
    proposal = proposal_on(world.other_action, world.lead)
    proposal_on(world.foreign_action, world.stranger, text="Foreign proposal")
    ActionComment.objects.create(action=world.other_action, text="Just a comment")
    client = as_user(world.admin)
    html = client.get(QUEUE).content.decode()
    assert proposal.text in html and "Foreign proposal" not in html
    assert "Just a comment" not in html
    assert "Approvals (1)" in html


def test_accept_in_one_step_keeps_the_proposal_as_written(world: World) -> None:
    proposal = proposal_on(world.other_action, world.lead)
    client = as_user(world.admin)
    response = answer(client, proposal, "accept")
    assert response.status_code == 302  # type: ignore[attr-defined]
    decision = ProposalDecision.objects.get(proposal=proposal)
    assert decision.decision == ProposalDecision.Decision.ACCEPTED
    assert decision.decided_by == world.admin
    assert ActionComment.objects.get(pk=proposal.pk).text == proposal.text
    html = client.get(QUEUE).content.decode()
    assert "edit the action to make it" in html
    assert "No proposed change is waiting" in html
    action_page = as_user(world.lead).get(world.other_action.get_absolute_url()).content.decode()
    assert "Accepted by admin" in action_page


def test_reject_needs_a_reason(world: World) -> None:
    proposal = proposal_on(world.other_action, world.lead)
    client = as_user(world.admin)
    response = answer(client, proposal, "reject")
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert "Say why the proposed change is rejected." in response.content.decode()  # type: ignore[attr-defined]
    assert not ProposalDecision.objects.exists()
    answer(client, proposal, "reject", "The board set that date")
    assert "Rejected the proposed change to" in client.get(QUEUE).content.decode()
    decision = ProposalDecision.objects.get(proposal=proposal)
    assert decision.decision == ProposalDecision.Decision.REJECTED
    assert decision.reason == "The board set that date"
    assert "second" not in decision.reason
    again = answer(client, proposal, "accept")
    assert again.status_code == 400  # type: ignore[attr-defined]
    assert "already been decided" in again.content.decode()  # type: ignore[attr-defined]


def test_a_comment_is_not_a_proposal_to_decide(world: World) -> None:
    comment = ActionComment.objects.create(action=world.other_action, text="Nice work")
    response = answer(as_user(world.admin), comment, "accept")
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert not ProposalDecision.objects.exists()


@pytest.mark.parametrize("who", ["lead", "board"])
def test_only_administrators_decide_proposals(world: World, who: str) -> None:
    proposal = proposal_on(world.other_action, world.lead)
    assert answer(as_user(getattr(world, who)), proposal, "accept").status_code == 403  # type: ignore[attr-defined]
    assert answer(as_user(world.stranger), proposal, "accept").status_code == 404  # type: ignore[attr-defined]
    assert not ProposalDecision.objects.exists()
