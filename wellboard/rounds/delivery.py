"""Sending one EmailRequest: at most once, retried on a passing failure, never lost.

Each step is a conditional UPDATE on the request's state, so of two workers (or a tick
and a worker) exactly one sends it. A request left in "sending" by a worker that died
mid-send is not sent again (the message may have gone): after a while the scheduler
marks it failed so the officer sees it and can nudge by hand.
"""

from __future__ import annotations

import logging
import smtplib
from collections.abc import Iterable
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django_tasks import task

from wellboard.rounds.compose import Letter
from wellboard.rounds.email_models import MAX_ATTEMPTS, EmailRequest
from wellboard.rounds.notify import REFERENCE_HEADER

logger = logging.getLogger(__name__)
State = EmailRequest.State

# Waits before the second and third attempts.
RETRY_DELAYS = (timedelta(minutes=5), timedelta(minutes=30))
STUCK_AFTER = timedelta(hours=1)


def _first_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return (f"{type(error).__name__}: {text[0]}" if text else type(error).__name__)[:300]


def refused(error: BaseException) -> bool:
    """The receiving server said no for good (5xx) to this recipient or this message: a
    bounce to show the officer, not a failure to retry."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return True
    return isinstance(error, smtplib.SMTPDataError) and 500 <= error.smtp_code < 600


def build_message(request: EmailRequest) -> EmailMultiAlternatives:
    letter = Letter(request.subject, request.body)
    message = EmailMultiAlternatives(
        subject=request.subject,
        body=request.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[request.to],
        headers={REFERENCE_HEADER: request.key},
    )
    message.attach_alternative(letter.html(), "text/html")
    return message


def deliver(request_id: int, now: datetime | None = None) -> str:
    """Send the request if nobody has; returns its state afterwards."""
    now = now or timezone.now()
    claimed = EmailRequest.objects.filter(
        pk=request_id, state__in=(State.PENDING, State.QUEUED)
    ).update(state=State.SENDING, attempts=F("attempts") + 1, updated_at=now)
    request = EmailRequest.objects.get(pk=request_id)
    if not claimed:
        return request.state
    try:
        build_message(request).send()
    except Exception as error:  # any failure of the mail system: retried, then shown
        if refused(error):
            return _settle(request, State.REFUSED, error=_first_line(error))
        logger.warning("Sending %s failed: %s", request.key, _first_line(error))
        if request.attempts >= MAX_ATTEMPTS:
            return _settle(request, State.FAILED, error=_first_line(error))
        delay = RETRY_DELAYS[min(request.attempts, len(RETRY_DELAYS)) - 1]
        return _settle(request, State.PENDING, error=_first_line(error), retry_at=now + delay)
    return _settle(request, State.SENT, sent_at=now)


def _settle(
    request: EmailRequest,
    state: str,
    *,
    error: str = "",
    retry_at: datetime | None = None,
    sent_at: datetime | None = None,
) -> str:
    EmailRequest.objects.filter(pk=request.pk, state=State.SENDING).update(
        state=state,
        last_error=error,
        next_attempt_at=retry_at,
        sent_at=sent_at,
        updated_at=timezone.now(),
    )
    return state


def due(now: datetime) -> Q:
    return Q(state=State.PENDING) & (Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))


def send_due_now(now: datetime, requests: Iterable[int] | None = None) -> list[EmailRequest]:
    """Send what is due in this process (the commands); returns the requests tried."""
    found = EmailRequest.objects.filter(due(now) | Q(state=State.QUEUED))
    if requests is not None:
        found = found.filter(pk__in=list(requests))
    ids = list(found.order_by("id").values_list("pk", flat=True))
    for pk in ids:
        deliver(pk, now)
    return list(EmailRequest.objects.filter(pk__in=ids).select_related("lead__person"))


@task()
def send_email_request(request_id: int) -> str:
    """The worker's task for one request."""
    return deliver(request_id)


def queue_due(now: datetime) -> int:
    """Hand what is due to the worker: each request moves to "queued" with its task."""
    queued = 0
    for pk in EmailRequest.objects.filter(due(now)).order_by("id").values_list("pk", flat=True):
        with transaction.atomic():
            if EmailRequest.objects.filter(due(now), pk=pk).update(state=State.QUEUED):
                send_email_request.enqueue(request_id=pk)
                queued += 1
    return queued


def give_up_stuck(now: datetime) -> int:
    """A send whose worker died mid-way may have gone: show it as failed, never resend."""
    return EmailRequest.objects.filter(
        state=State.SENDING, updated_at__lt=now - STUCK_AFTER
    ).update(
        state=State.FAILED,
        last_error="The sending stopped part-way; check with the recipient before nudging.",
        updated_at=now,
    )
