"""The strategy's lifecycle page: its approval history and, for administrators, the next step."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from wellboard.accounts.guards import guard
from wellboard.accounts.permissions import can
from wellboard.core.lifecycle import awaiting
from wellboard.partnerships.models import DecidingBody
from wellboard.strategy.lifecycle import approval_history, awaited, transition
from wellboard.strategy.lifecycle_forms import TransitionForm
from wellboard.strategy.models import ApprovalDecision, Strategy


@guard("strategy.transition", Strategy, methods=("GET", "POST"))
def strategy_lifecycle(request: HttpRequest, strategy: Strategy) -> HttpResponse:
    bodies = DecidingBody.objects.filter(partnership_id=strategy.partnership_id).active()
    form = TransitionForm(request.POST or None, current=strategy.status, bodies=bodies)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            record = transition(
                strategy.pk,
                data["target"],
                body=data["body"],
                meeting_date=data["meeting_date"],
                minute=data["minute"],
                user=request.user,
                expected=data["expected"],
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, _recorded(strategy, record))
            return redirect(strategy.get_absolute_url())
    status = 400 if form.errors else 200
    context = {
        "strategy": strategy,
        "form": form,
        "history": approval_history(strategy),
        "bodies": bodies,
        "awaited": [awaiting(step, waiting) for step, waiting in awaited(strategy).items()],
        "may_edit_bodies": can(request.user, "directory.edit", strategy.partnership),
    }
    return render(request, "strategy/lifecycle.jinja", context, status=status)


def _recorded(strategy: Strategy, record: ApprovalDecision) -> str:
    if record.to_status:
        return "The decision has been recorded."
    step, waiting = next(iter(awaited(strategy).items()))
    return (
        f"{record.body}'s decision has been recorded. "
        f"The strategy will be {awaiting(step, waiting)}."
    )
