"""The scheduler pass: run by the worker every few minutes and by `wellboard rounds tick`.

At a given moment it plans rounds for the meetings in the calendar, opens the rounds
whose time has come, writes the reminders that are due, closes rounds at their papers
deadline, and then sends (or queues) every email that is due. Each step is idempotent,
so running the pass twice, or from two places at once, sends nothing twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from wellboard.rounds import calendar, delivery, services
from wellboard.rounds.email_models import EmailRequest
from wellboard.rounds.models import Round


@dataclass
class TickResult:
    planned: int = 0
    opened: list[Round] = field(default_factory=list)
    closed: list[Round] = field(default_factory=list)
    sent: list[EmailRequest] = field(default_factory=list)
    queued: int = 0


def tick(now: datetime, *, send: Literal["now", "queue"] = "now") -> TickResult:
    result = TickResult()
    result.planned = calendar.plan_upcoming(now)
    for round in Round.objects.filter(
        state=Round.State.SCHEDULED, opens_at__lte=now, closes_at__gt=now
    ):
        if services.open_round(round, now):
            result.opened.append(round)
    for round in Round.objects.filter(state=Round.State.OPEN, closes_at__gt=now).select_related(
        "partnership", "board", "officer"
    ):
        reminder = round.times.latest_reminder_due(now)
        if reminder is not None:
            services.remind(round, reminder)
    for round in Round.objects.filter(
        state__in=(Round.State.SCHEDULED, Round.State.OPEN), closes_at__lte=now
    ):
        if services.close_round(round, now):
            result.closed.append(round)
    delivery.give_up_stuck(now)
    if send == "now":
        result.sent = delivery.send_due_now(now)
    else:
        result.queued = delivery.queue_due(now)
    return result
