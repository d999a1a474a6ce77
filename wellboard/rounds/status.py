"""What the officer's round page shows: for each lead, asked, answered or late, and
whether the emails reached them; the actions nobody was asked about or that got no update."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from wellboard.rounds.coverage import answered_action_ids
from wellboard.rounds.email_models import EmailRequest
from wellboard.rounds.models import Round, RoundLead

State = EmailRequest.State


@dataclass
class LeadRow:
    lead: RoundLead
    actions: list[Any]
    answered: list[Any]
    emails: list[EmailRequest]
    late: bool

    @property
    def waiting(self) -> list[Any]:
        ids = {a.pk for a in self.answered}
        return [a for a in self.actions if a.pk not in ids]

    @property
    def has_answered(self) -> bool:
        return not self.waiting

    @property
    def asked(self) -> bool:
        return any(e.state == State.SENT for e in self.emails)

    @property
    def problem(self) -> str:
        """Why the lead may not have been reached, for the officer to act on; "" if none."""
        if not self.lead.email:
            return "No email address"
        if any(e.state == State.REFUSED and e.to == self.lead.email for e in self.emails):
            return "Email address refused"
        failed = [e for e in self.emails if e.state == State.FAILED]
        if failed:
            return f"Could not be sent: {failed[-1].last_error}"
        if self.lead.revoked_at is not None:
            return "Link revoked"
        return ""

    @property
    def label(self) -> str:
        if self.has_answered:
            return "Answered"
        if self.problem:
            return "Not reached"
        if self.late:
            return "Late"
        if self.answered:
            return "Partly answered"
        if any(e.kind != EmailRequest.Kind.REQUEST and e.state == State.SENT for e in self.emails):
            return "Reminded"
        return "Asked" if self.asked else "Being asked"


@dataclass
class RoundStatus:
    round: Round
    rows: list[LeadRow]
    officer_emails: list[EmailRequest] = field(default_factory=list)

    @property
    def answered(self) -> list[LeadRow]:
        return [r for r in self.rows if r.has_answered]

    @property
    def late(self) -> list[LeadRow]:
        return [r for r in self.rows if not r.has_answered and r.late]

    @property
    def not_reached(self) -> list[LeadRow]:
        return [r for r in self.rows if r.problem]

    @property
    def without_update(self) -> list[Any]:
        return [a for row in self.rows for a in row.waiting]

    @property
    def failed_emails(self) -> list[EmailRequest]:
        found = [e for row in self.rows for e in row.emails if e.undelivered]
        return found + [e for e in self.officer_emails if e.undelivered]


def round_status(round: Round, now: datetime) -> RoundStatus:
    answered = answered_action_ids(round)
    leads = round.leads.select_related("person__organisation").prefetch_related("actions")
    emails: dict[int | None, list[EmailRequest]] = {}
    for email in round.emails.order_by("id"):
        emails.setdefault(email.lead_id, []).append(email)
    # Late: still waiting once the last reminder has gone, the final days before the deadline.
    reminders = round.times.reminders
    late_from = reminders[-1].at if reminders else round.closes_at
    is_late = now >= late_from or round.state == Round.State.CLOSED
    rows = []
    for lead in leads:
        actions = list(lead.actions.all())
        rows.append(
            LeadRow(
                lead=lead,
                actions=actions,
                answered=[a for a in actions if a.pk in answered],
                emails=emails.get(lead.pk, []),
                late=is_late,
            )
        )
    return RoundStatus(round, rows, emails.get(None, []))


def open_rounds_for(user: Any) -> list[Round]:
    """The open rounds the user runs, for their home page: soonest meeting first."""
    from wellboard.accounts.permissions import partnerships_where

    partnerships = partnerships_where(user, "round.view")
    if not partnerships:
        return []
    return list(
        Round.objects.filter(partnership_id__in=partnerships, state=Round.State.OPEN)
        .select_related("partnership", "board")
        .order_by("meeting_date", "id")
    )


def rounds_of_meetings(user: Any, meetings: Any) -> dict[int, Round]:
    """The rounds of these meetings that the user may open, by meeting id (board pages)."""
    from wellboard.accounts.permissions import can

    ids = [m.pk for m in meetings]
    found = Round.objects.filter(meeting_id__in=ids).select_related("partnership")
    return {r.meeting_id: r for r in found if r.meeting_id and can(user, "round.view", r)}
