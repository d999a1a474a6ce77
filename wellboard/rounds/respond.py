"""The page behind a lead officer's emailed link: their round actions, one form each.

No password: the signed token says which ask it is (tokens.py). Updates go through
strategy.services.add_update, the same service as the signed-in update page, so
approval, the override reason, reporting locks and history all apply. A refused link
gets a page saying why and what to do, with status 410 (expired or revoked) or 400
(altered), never a server error.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from wellboard.accounts.models import Membership
from wellboard.core.delivery import action_percent, suggested_rag
from wellboard.rounds.coverage import answered_action_ids
from wellboard.rounds.forms import RespondForm
from wellboard.rounds.models import RoundLead
from wellboard.rounds.tokens import LinkRefused, Refusal, read_token
from wellboard.strategy import services
from wellboard.strategy.delivery import action_state
from wellboard.strategy.models import Action

STATUS = {Refusal.TAMPERED: 400, Refusal.EXPIRED: 410, Refusal.REVOKED: 410, Refusal.NOT_OPEN: 409}


def refused_page(request: HttpRequest, refusal: LinkRefused) -> HttpResponse:
    context = {"reason": refusal.reason.value, "lead": refusal.lead}
    return render(request, "rounds/refused.jinja", context, status=STATUS[refusal.reason])


def _author(lead: RoundLead) -> Any:
    """The person's own account, if they have one here, so the update is theirs."""
    membership = (
        Membership.objects.filter(person=lead.person, partnership_id=lead.round.partnership_id)
        .select_related("user")
        .first()
    )
    return membership.user if membership else None


def _save(lead: RoundLead, action: Action, form: RespondForm) -> bool:
    data = form.cleaned_data
    today = timezone.localdate()
    state = action_state(action, today)
    given = data["percent_complete"]
    percent = action_percent(given if given is not None else state.percent, data["rag"])
    author = _author(lead)
    try:
        services.add_update(
            action=action,
            author=author,
            author_name=lead.person.name,
            date=today,
            rag=data["rag"],
            text=data["text"],
            percent_complete=given,
            suggested_rag=suggested_rag(percent, action.due_start, action.due_end, today),
            override_reason=data["override_reason"],
        )
    except ValidationError as error:
        for field, errors in getattr(error, "message_dict", {"__all__": error.messages}).items():
            form.add_error(field if field in form.fields else None, errors)
        return False
    return True


def respond_page(request: HttpRequest, token: str) -> HttpResponse:
    try:
        lead = read_token(token, timezone.now())
    except LinkRefused as refusal:
        return refused_page(request, refusal)
    actions = list(lead.actions.select_related("priority__theme").prefetch_related("updates"))
    forms = {a.pk: RespondForm(prefix=f"a{a.pk}") for a in actions}
    if request.method == "POST":
        chosen = next((a for a in actions if str(a.pk) == request.POST.get("action")), None)
        if chosen is not None:
            form = RespondForm(request.POST, prefix=f"a{chosen.pk}")
            forms[chosen.pk] = form
            if form.is_valid() and _save(lead, chosen, form):
                messages.success(request, f"Thank you: your update on {chosen} is saved.")
                return redirect("rounds:respond", token)
    today = timezone.localdate()
    answered = answered_action_ids(lead.round)
    items = [
        {
            "action": a,
            "state": action_state(a, today),
            "form": forms[a.pk],
            "answered": a.pk in answered,
        }
        for a in actions
    ]
    context = {"lead": lead, "round": lead.round, "items": items}
    return render(request, "rounds/respond.jinja", context)
