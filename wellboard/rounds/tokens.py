"""The personal link in a round's emails: a signed, single-purpose token.

It names one ask (a `RoundLead`: one person in one round) and carries that ask's nonce.
It is signed with the site's SECRET_KEY under a salt of its own, so it cannot be edited
or reused for anything else. It is refused once the round closes, once the officer
revokes it, and whenever the nonce no longer matches (a revoked ask gets a new nonce, so
even a later re-invitation never revives the old link).
"""

from __future__ import annotations

import secrets
from datetime import datetime
from enum import Enum

from django.core import signing

from wellboard.rounds.models import Round, RoundLead

SALT = "wellboard.rounds.respond"


class Refusal(Enum):
    TAMPERED = "tampered"
    EXPIRED = "expired"
    REVOKED = "revoked"
    NOT_OPEN = "not_open"


class LinkRefused(Exception):
    def __init__(self, reason: Refusal, lead: RoundLead | None = None) -> None:
        super().__init__(reason.value)
        self.reason = reason
        self.lead = lead


def new_nonce() -> str:
    return secrets.token_urlsafe(16)


def make_token(lead: RoundLead) -> str:
    return signing.dumps({"a": lead.pk, "n": lead.token_nonce}, salt=SALT, compress=False)


def read_token(token: str, now: datetime) -> RoundLead:
    """The ask the link is for, if it may still be used now; else LinkRefused."""
    try:
        payload = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        raise LinkRefused(Refusal.TAMPERED) from None
    if not isinstance(payload, dict) or not isinstance(payload.get("a"), int):
        raise LinkRefused(Refusal.TAMPERED)
    lead = (
        RoundLead.objects.select_related("round__partnership", "round__board", "person")
        .filter(pk=payload["a"])
        .first()
    )
    if lead is None:
        raise LinkRefused(Refusal.TAMPERED)
    if lead.revoked_at is not None or payload.get("n") != lead.token_nonce:
        raise LinkRefused(Refusal.REVOKED, lead)
    if lead.round.state == Round.State.CLOSED or now >= lead.round.closes_at:
        raise LinkRefused(Refusal.EXPIRED, lead)
    if lead.round.state != Round.State.OPEN:
        raise LinkRefused(Refusal.NOT_OPEN, lead)
    return lead
