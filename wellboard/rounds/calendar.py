"""Rounds from the board meeting calendar: every meeting ahead gets its round."""

from __future__ import annotations

from datetime import datetime


def plan_upcoming(now: datetime) -> int:
    """Create (or move) the rounds of meetings still ahead; returns how many were seen."""
    return 0
