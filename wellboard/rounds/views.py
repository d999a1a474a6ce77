"""The officer's round pages, and the page a lead officer's emailed link opens."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from wellboard.accounts.guards import guard
from wellboard.accounts.permissions import partnerships_where
from wellboard.rounds import services
from wellboard.rounds.forms import RoundSettingsForm
from wellboard.rounds.models import Round, RoundLead
from wellboard.rounds.respond import respond_page
from wellboard.rounds.schedule import ScheduleError
from wellboard.rounds.status import round_status


@guard("round.view")
def index(request: HttpRequest) -> HttpResponse:
    rounds = (
        Round.objects.filter(partnership_id__in=partnerships_where(request.user, "round.view"))
        .select_related("partnership", "board")
        .order_by("-meeting_date", "id")
    )
    return render(request, "rounds/index.jinja", {"rounds": rounds})


@guard("round.view", Round)
def round_page(request: HttpRequest, round: Round) -> HttpResponse:
    status = round_status(round, timezone.now())
    return render(request, "rounds/round.jinja", {"round": round, "status": status})


@guard("round.manage", RoundLead, methods=("POST",))
def nudge(request: HttpRequest, lead: RoundLead) -> HttpResponse:
    email = services.nudge(lead, timezone.now())
    if email is None:
        messages.info(request, f"Nothing to send to {lead.person.name}.")
    else:
        messages.success(request, f"A reminder to {lead.person.name} is on its way.")
    return redirect("rounds:round", lead.round_id)


@guard("round.manage", RoundLead, methods=("POST",))
def revoke(request: HttpRequest, lead: RoundLead) -> HttpResponse:
    services.revoke(lead, timezone.now())
    messages.success(request, f"{lead.person.name}'s link no longer works.")
    return redirect("rounds:round", lead.round_id)


# Anyone holding the link: the signed token, not a sign-in, says who they are.
@guard(None, signed_in=False, methods=("GET", "POST"))
def respond(request: HttpRequest, token: str) -> HttpResponse:
    return respond_page(request, token)


@guard("round.manage", Round, methods=("GET", "POST"))
def round_settings(request: HttpRequest, round: Round) -> HttpResponse:
    opened = round.state != Round.State.SCHEDULED
    initial = {
        "open_days": services.open_days_of(round),
        "reminder_days": ", ".join(str(d) for d in round.reminder_days),
    }
    form = RoundSettingsForm(request.POST or None, initial=initial, opened=opened)
    if request.method == "POST" and form.is_valid():
        try:
            services.change_timing(
                round,
                open_days=form.cleaned_data["open_days"],
                reminder_days=form.cleaned_data["reminder_days"],
            )
        except ScheduleError as error:
            form.add_error("open_days", str(error).capitalize() + ".")
        else:
            messages.success(request, "The round's timing is saved.")
            return redirect("rounds:round", round.pk)
    status = 400 if form.errors else 200
    context = {"round": round, "form": form}
    return render(request, "rounds/settings.jinja", context, status=status)
