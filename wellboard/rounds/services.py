"""What happens to a round: planned, opened (everyone asked), reminded, nudged, closed.

Every function is safe to call again: an email is an EmailRequest with a unique key
created with get_or_create, and every change of a round's state is a conditional
UPDATE, so a repeated tick, two workers or a double click never send anything twice.
Nothing here sends; delivery.py does, in the worker or in the command.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from wellboard.accounts.permissions import can
from wellboard.partnerships.models import BoardMeeting, GovernanceBoard, Partnership
from wellboard.rounds import compose
from wellboard.rounds.coverage import actions_by_lead, answered_action_ids
from wellboard.rounds.email_models import EmailRequest
from wellboard.rounds.links import respond_link, round_link
from wellboard.rounds.models import Round, RoundLead
from wellboard.rounds.schedule import REMINDER_DAYS, Reminder, default_deadline, round_times
from wellboard.rounds.tokens import new_nonce

Kind = EmailRequest.Kind
# Called with each round as it closes, e.g. to queue the board's report (reports app).
_CLOSE_HANDLERS: list[Callable[[Round], Any]] = []


def when_a_round_closes(handler: Callable[[Round], Any]) -> None:
    """Register a handler from a higher app's ``ready()``; its return value, if it is a
    BackgroundTask, becomes the round's report."""
    if handler not in _CLOSE_HANDLERS:
        _CLOSE_HANDLERS.append(handler)


def default_officer(round: Round) -> Any:
    """The partnership's first member who may run rounds: gets the digests."""
    users = get_user_model().objects.filter(
        memberships__partnership_id=round.partnership_id, is_active=True
    )
    return next((u for u in users.order_by("id") if can(u, "round.manage", round)), None)


def plan_for_meeting(meeting: BoardMeeting) -> Round:
    """The round of a meeting in the calendar, created once, following it while planned.

    A round opened by hand for the same board and day before the meeting was in the
    calendar becomes this meeting's round.
    """
    Round.objects.filter(
        meeting__isnull=True,
        partnership_id=meeting.partnership_id,
        board_id=meeting.board_id,
        meeting_date=meeting.date,
    ).update(meeting=meeting)
    return plan_round(
        partnership=meeting.partnership,
        board=meeting.board,
        meeting=meeting.date,
        papers_deadline=meeting.papers_deadline,
        board_meeting=meeting,
    )


def plan_round(
    *,
    partnership: Partnership,
    board: GovernanceBoard | None,
    meeting: date,
    papers_deadline: date | None = None,
    reminder_days: list[int] | None = None,
    officer: Any = None,
    board_meeting: BoardMeeting | None = None,
) -> Round:
    """The round for a meeting, created once; a round not yet open follows moved dates."""
    days = list(REMINDER_DAYS if reminder_days is None else reminder_days)
    times = round_times(meeting, papers_deadline, reminder_days=days)
    deadline = papers_deadline or default_deadline(meeting)
    if board_meeting is not None:
        lookup: dict[str, Any] = {"meeting": board_meeting}
    else:
        lookup = {"partnership": partnership, "board": board, "meeting_date": meeting}
    with transaction.atomic():
        found, created = Round.objects.get_or_create(
            **lookup,
            defaults={
                "partnership": partnership,
                "board": board,
                "meeting_date": meeting,
                "papers_deadline": deadline,
                "opens_at": times.opens_at,
                "closes_at": times.closes_at,
                "reminder_days": days,
            },
        )
        if created:
            found.officer = officer or default_officer(found)
            found.save(update_fields=["officer", "updated_at"])
        elif found.state == Round.State.SCHEDULED and (
            found.papers_deadline != deadline or found.opens_at != times.opens_at
        ):
            found.meeting_date, found.papers_deadline = meeting, deadline
            found.opens_at, found.closes_at = times.opens_at, times.closes_at
            found.save(
                update_fields=[
                    "meeting_date",
                    "papers_deadline",
                    "opens_at",
                    "closes_at",
                    "updated_at",
                ]
            )
    return found


def _facts(round: Round) -> compose.RoundFacts:
    return compose.RoundFacts(
        partnership=round.partnership.name,
        board=round.board_name,
        meeting=round.meeting_date.strftime("%A %-d %B %Y"),
        closes_at=round.closes_at,
    )


def _titles(actions: Any) -> list[str]:
    return [str(action) for action in actions]


def _request(lead: RoundLead, key: str, kind: str, letter: compose.Letter) -> EmailRequest:
    email, _ = EmailRequest.objects.get_or_create(
        key=key,
        defaults={
            "round": lead.round,
            "lead": lead,
            "kind": kind,
            "to": lead.email,
            "subject": letter.subject[:200],
            "body": letter.body,
        },
    )
    return email


def open_round(round: Round, now: datetime) -> bool:
    """Open the round and write one request per lead officer with an email address.

    Returns False if it was already open or closed (nothing is written twice).
    """
    with transaction.atomic():
        fields = {"state": Round.State.OPEN, "opened_at": now, "updated_at": now}
        if round.opens_at > now:
            fields["opens_at"] = now  # opened early by hand
        if not Round.objects.filter(pk=round.pk, state=Round.State.SCHEDULED).update(**fields):
            return False
        round.refresh_from_db()
        by_lead, _unled = actions_by_lead(round)
        for person, actions in by_lead.items():
            lead = RoundLead.objects.create(
                round=round, person=person, email=person.email, token_nonce=new_nonce()
            )
            lead.actions.set(actions)
            if lead.email:
                letter = compose.request_letter(
                    _facts(round), person.name, _titles(actions), respond_link(lead)
                )
                _request(lead, f"round:{round.pk}:ask:{lead.pk}:request", Kind.REQUEST, letter)
    return True


def waiting_actions(lead: RoundLead, answered: set[int]) -> list[Any]:
    return [a for a in lead.actions.all() if a.pk not in answered]


def remind(round: Round, reminder: Reminder) -> list[EmailRequest]:
    """Reminders to the leads still waiting, and the officer's digest, once per reminder.

    The digest is written last, so once it exists this reminder is done and later ticks
    skip it without looking at each lead again.
    """
    if round.emails.filter(key=f"round:{round.pk}:digest:{reminder.days_before}").exists():
        return []
    answered = answered_action_ids(round)
    written: list[EmailRequest] = []
    leads = round.leads.select_related("person").prefetch_related("actions")
    waiting_names, answered_names, unreached = [], [], []
    for lead in leads:
        waiting = waiting_actions(lead, answered)
        if not waiting:
            answered_names.append(lead.person.name)
            continue
        reachable = bool(_current_address(lead)) and lead.revoked_at is None
        reachable = reachable and not _refused(lead)
        if not reachable:
            unreached.append(lead.person.name)
            continue
        waiting_names.append(lead.person.name)
        letter = compose.reminder_letter(
            _facts(round), lead.person.name, _titles(waiting), respond_link(lead)
        )
        key = f"round:{round.pk}:ask:{lead.pk}:reminder:{reminder.days_before}"
        written.append(_request(lead, key, Kind.REMINDER, letter))
    officer_email = getattr(round.officer, "email", "")
    if officer_email:
        digest = compose.digest_letter(
            _facts(round),
            answered=answered_names,
            waiting=waiting_names,
            not_reached=unreached,
            link=round_link(round),
        )
        email, _ = EmailRequest.objects.get_or_create(
            key=f"round:{round.pk}:digest:{reminder.days_before}",
            defaults={
                "round": round,
                "kind": Kind.DIGEST,
                "to": officer_email,
                "subject": digest.subject[:200],
                "body": digest.body,
            },
        )
        written.append(email)
    return written


def _refused(lead: RoundLead) -> bool:
    """Whether the address asked now has bounced (a corrected address has not)."""
    return lead.emails.filter(state=EmailRequest.State.REFUSED, to=lead.email).exists()


def _current_address(lead: RoundLead) -> str:
    """The person's address as it is now: the officer may have corrected a bounced one,
    or added one, after the round opened."""
    if lead.person.email != lead.email:
        lead.email = lead.person.email
        lead.save(update_fields=["email", "updated_at"])
    return lead.email


def nudge(lead: RoundLead, now: datetime) -> EmailRequest | None:
    """The officer's one-click reminder; a revoked link is replaced by a new one.

    Keyed by the minute, so a double click sends one email; None when there is nothing
    to nudge about or nowhere to send it.
    """
    round = Round.objects.select_related("partnership", "board").get(pk=lead.round_id)
    if round.state != Round.State.OPEN or not _current_address(lead):
        return None
    waiting = waiting_actions(lead, answered_action_ids(round))
    if not waiting:
        return None
    if lead.revoked_at is not None:
        lead.revoked_at = None
        lead.token_nonce = new_nonce()
        lead.save(update_fields=["revoked_at", "token_nonce", "updated_at"])
    letter = compose.reminder_letter(
        _facts(round), lead.person.name, _titles(waiting), respond_link(lead)
    )
    key = f"round:{round.pk}:ask:{lead.pk}:nudge:{now:%Y%m%d%H%M}"
    return _request(lead, key, Kind.NUDGE, letter)


def change_timing(round: Round, *, open_days: int, reminder_days: list[int]) -> None:
    """The officer's settings: reminders at any time, the opening day only before it."""
    times = round_times(
        round.meeting_date, round.papers_deadline, open_days=open_days, reminder_days=[]
    )
    round.reminder_days = reminder_days
    fields = ["reminder_days", "updated_at"]
    if round.state == Round.State.SCHEDULED:
        round.opens_at = times.opens_at
        fields.append("opens_at")
    round.save(update_fields=fields)


def open_days_of(round: Round) -> int:
    return (round.meeting_date - timezone.localdate(round.opens_at)).days


def revoke(lead: RoundLead, now: datetime) -> None:
    """Make the lead's link stop working at once (a new nonce: old links never revive)."""
    RoundLead.objects.filter(pk=lead.pk).update(
        revoked_at=now, token_nonce=new_nonce(), updated_at=now
    )


def close_round(round: Round, now: datetime) -> bool:
    """Close the round once, then let the registered handlers act (the board's report)."""
    updated = Round.objects.filter(
        pk=round.pk, state__in=(Round.State.SCHEDULED, Round.State.OPEN)
    ).update(state=Round.State.CLOSED, closed_at=now, updated_at=now)
    if not updated:
        return False
    round.refresh_from_db()
    for handler in _CLOSE_HANDLERS:
        result = handler(round)
        if result is not None and getattr(result, "_meta", None) is not None:
            Round.objects.filter(pk=round.pk).update(report_task=result)
    _tell_the_officer(round)
    return True


def _tell_the_officer(round: Round) -> None:
    officer_email = getattr(round.officer, "email", "")
    if not officer_email:
        return
    answered = answered_action_ids(round)
    leads = list(round.leads.prefetch_related("actions"))
    waiting = [a for lead in leads for a in waiting_actions(lead, answered)]
    done = sum(1 for lead in leads if not waiting_actions(lead, answered))
    letter = compose.closed_letter(
        _facts(round),
        answered=done,
        asked=len(leads),
        without_update=_titles(waiting),
        link=round_link(round),
    )
    EmailRequest.objects.get_or_create(
        key=f"round:{round.pk}:closed",
        defaults={
            "round": round,
            "kind": Kind.CLOSED,
            "to": officer_email,
            "subject": letter.subject[:200],
            "body": letter.body,
        },
    )
