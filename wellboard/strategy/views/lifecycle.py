"""The strategy's lifecycle page: its approval history and, for administrators, the next step."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from wellboard.accounts.guards import guard
from wellboard.strategy.lifecycle import approval_history, transition
from wellboard.strategy.lifecycle_forms import TransitionForm
from wellboard.strategy.models import Strategy


@guard("strategy.transition", Strategy, methods=("GET", "POST"))
def strategy_lifecycle(request: HttpRequest, strategy: Strategy) -> HttpResponse:
    form = TransitionForm(request.POST or None, current=strategy.status)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            transition(
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
            messages.success(request, "The decision has been recorded.")
            return redirect(strategy.get_absolute_url())
    status = 400 if form.errors else 200
    context = {"strategy": strategy, "form": form, "history": approval_history(strategy)}
    return render(request, "strategy/lifecycle.jinja", context, status=status)
