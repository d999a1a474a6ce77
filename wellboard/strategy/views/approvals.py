"""The approvals queue: every update and proposed change waiting for the signed-in approver,
each decided in one step.

Approve (or accept) is one button; return (or reject) is a reason and one button. Updates go
through `services.review_update` and proposals through `services.decide_proposal`, which both
refuse a decision already taken (two approvers at once).
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from wellboard.accounts.guards import guard
from wellboard.strategy import proposals as proposed_changes
from wellboard.strategy import services
from wellboard.strategy.approvals import pending_proposals, pending_reviews
from wellboard.strategy.forms import ProposalDecisionForm, ReviewForm
from wellboard.strategy.models import ActionComment, ProgressUpdate, ProposedChange

# Only the columns the page shows of each record and the rows it is reached through: the
# querysets fetch the whole chain from the action to its strategy, every column of each, and
# reading those wide rows was most of the page's query time (issue #17).
UPDATE_SHOWN = (
    "date",
    "author_name",
    "rag",
    "percent_complete",
    "text",
    "override_reason",
    "suggested_rag",
)
STRATEGY = "action__priority__theme__plan__strategy"
ACTION_SHOWN = ("action__ref", "action__title", f"{STRATEGY}__title")
REVIEW_SHOWN = (
    *(f"update__{name}" for name in ACTION_SHOWN),
    "update__action__lead_officer__name",
    *(f"update__{name}" for name in UPDATE_SHOWN),
)
PEOPLE = ("first_name", "last_name", "username")
PROPOSAL_SHOWN = (*ACTION_SHOWN, "created_at", "text", *(f"author__{name}" for name in PEOPLE))
CHANGE_SHOWN = (
    *ACTION_SHOWN,
    "created_at",
    "changes",
    *(f"proposed_by__{name}" for name in PEOPLE),
)


def update_prefix(update_id: int) -> str:
    """Each row's fields are named for its record, so the ids on the page are unique."""
    return f"u{update_id}"


def proposal_prefix(proposal_id: int) -> str:
    return f"p{proposal_id}"


def change_prefix(change_id: int) -> str:
    return f"c{change_id}"


def _queue(request: HttpRequest, failed: Form | None = None, status: int = 200) -> HttpResponse:
    """The page, with the form that failed (if any) in place of its row's empty one."""

    def form_for(prefix: str, form_class: type[Form]) -> Form:
        if failed is not None and failed.prefix == prefix:
            return failed
        return form_class(prefix=prefix)

    reviews = (
        pending_reviews(request.user)
        .select_related(None)
        .select_related("update__action__lead_officer", f"update__{STRATEGY}")
        .only(*REVIEW_SHOWN)
    )
    updates = [
        (review, form_for(update_prefix(review.update_id), ReviewForm)) for review in reviews
    ]
    asked = (
        pending_proposals(request.user)
        .select_related(None)
        .select_related("author", STRATEGY)
        .only(*PROPOSAL_SHOWN)
    )
    proposals = [
        (proposal, form_for(proposal_prefix(proposal.pk), ProposalDecisionForm))
        for proposal in asked
    ]
    awaiting = ProposedChange.objects.awaiting(request.user).only(*CHANGE_SHOWN)
    changes = [
        (change, form_for(change_prefix(change.pk), ProposalDecisionForm)) for change in awaiting
    ]
    context = {
        "updates": updates,
        "proposals": proposals,
        "changes": changes,
        "failed_form": failed,
    }
    return render(request, "strategy/approvals.jinja", context, status=status)


@guard("update.review")
def queue(request: HttpRequest) -> HttpResponse:
    return _queue(request)


def _decided(
    request: HttpRequest,
    form: Form,
    *,
    yes: str,
    act: Callable[[bool, str], object],
    said: Callable[[bool], str],
) -> HttpResponse:
    """One decision from the queue, whatever is decided: `act(yes?, reason)` runs the
    service; a refusal (a decision already taken, a reason missing) shows the queue again
    with the form and why, so the three kinds of decision cannot drift apart."""
    if form.is_valid():
        agreed = form.cleaned_data["decision"] == yes
        try:
            act(agreed, form.cleaned_data["reason"])
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, said(agreed))
            return redirect("approvals:queue")
    return _queue(request, form, status=400)


@guard("update.review", ProgressUpdate, methods=("POST",))
def decide(request: HttpRequest, update: ProgressUpdate) -> HttpResponse:
    return _decided(
        request,
        ReviewForm(request.POST, prefix=update_prefix(update.pk)),
        yes="approve",
        act=lambda approve, reason: services.review_update(
            update=update, reviewer=request.user, approve=approve, reason=reason
        ),
        said=lambda approve: (
            f"{'Approved' if approve else 'Returned'}: the update on {update.action}."
        ),
    )


def _proposal_said(proposal: ActionComment, accept: bool) -> str:
    if accept:
        return f"Accepted the proposed change to {proposal.action}: edit the action to make it."
    return f"Rejected the proposed change to {proposal.action}."


@guard("update.review", ActionComment, methods=("POST",))
def decide_proposal(request: HttpRequest, proposal: ActionComment) -> HttpResponse:
    return _decided(
        request,
        ProposalDecisionForm(request.POST, prefix=proposal_prefix(proposal.pk)),
        yes="accept",
        act=lambda accept, reason: services.decide_proposal(
            proposal=proposal, decider=request.user, accept=accept, reason=reason
        ),
        said=lambda accept: _proposal_said(proposal, accept),
    )


@guard("change.review", ProposedChange, methods=("POST",))
def decide_change(request: HttpRequest, change: ProposedChange) -> HttpResponse:
    """Accept (the action changes, as a versioned edit) or reject a lead officer's change
    to their own action's due date or outcome measures."""
    return _decided(
        request,
        ProposalDecisionForm(request.POST, prefix=change_prefix(change.pk)),
        yes="accept",
        act=lambda accept, reason: proposed_changes.decide(
            change=change, reviewer=request.user, accept=accept, reason=reason
        ),
        said=lambda accept: (
            f"{'Accepted and made' if accept else 'Rejected'}: the change to {change.action}."
        ),
    )
