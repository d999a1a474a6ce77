"""Absolute links for emails: the site's address comes from WELLBOARD_BASE_URL."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse

from wellboard.rounds.models import Round, RoundLead
from wellboard.rounds.tokens import make_token


def absolute(path: str) -> str:
    return settings.WELLBOARD_BASE_URL.rstrip("/") + path


def respond_link(lead: RoundLead) -> str:
    return absolute(reverse("rounds:respond", args=[make_token(lead)]))


def round_link(round: Round) -> str:
    return absolute(reverse("rounds:round", args=[round.pk]))
