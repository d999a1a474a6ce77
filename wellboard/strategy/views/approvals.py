"""The approvals queue: every update waiting for the signed-in approver, decided in one step.

Approve is one button; return is a reason and one button. Both go through
`services.review_update`, which refuses a decision already taken (two approvers at once).
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from wellboard.accounts.guards import guard
from wellboard.strategy import services
from wellboard.strategy.approvals import pending_reviews
from wellboard.strategy.forms import ReviewForm
from wellboard.strategy.models import ProgressUpdate


def _queue(request: HttpRequest, failed: ProgressUpdate | None = None,
           form: ReviewForm | None = None, status: int = 200) -> HttpResponse:  # fmt: skip
    rows = [
        (
            review,
            form
            if form is not None and failed is not None and review.update_id == failed.pk
            else ReviewForm(prefix=prefix(review.update_id)),
        )
        for review in pending_reviews(request.user)
    ]
    context = {"rows": rows, "failed_form": form}
    return render(request, "strategy/approvals.jinja", context, status=status)


def prefix(update_id: int) -> str:
    """Each row's fields are named for its update, so the ids on the page are unique."""
    return f"u{update_id}"


@guard("update.review")
def queue(request: HttpRequest) -> HttpResponse:
    return _queue(request)


@guard("update.review", ProgressUpdate, methods=("POST",))
def decide(request: HttpRequest, update: ProgressUpdate) -> HttpResponse:
    form = ReviewForm(request.POST, prefix=prefix(update.pk))
    if form.is_valid():
        approve = form.cleaned_data["decision"] == "approve"
        try:
            services.review_update(
                update=update,
                reviewer=request.user,
                approve=approve,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            verb = "Approved" if approve else "Returned"
            messages.success(request, f"{verb}: the update on {update.action}.")
            return redirect("approvals:queue")
    return _queue(request, update, form, status=400)
