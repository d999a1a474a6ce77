"""The vocabularies of delivery: RAG and status (role types are the partnership's own:
wellboard/partnerships/role_types.py)."""

from __future__ import annotations

from django.db import models

from wellboard.core.delivery import STATUS_WORDS


class Rag(models.TextChoices):
    """The status a lead officer gives an action, in the words of core.delivery.STATUS_WORDS."""

    GREEN = "green", STATUS_WORDS["green"]
    AMBER = "amber", STATUS_WORDS["amber"]
    RED = "red", STATUS_WORDS["red"]
    COMPLETE = "complete", STATUS_WORDS["complete"]
    NOT_STARTED = "not_started", STATUS_WORDS["not_started"]


class DeliveryStatus(models.TextChoices):
    """An action's current status: its latest RAG, unless it is past due and not complete."""

    COMPLETE = "complete", STATUS_WORDS["complete"]
    GREEN = "green", STATUS_WORDS["green"]
    AMBER = "amber", STATUS_WORDS["amber"]
    RED = "red", STATUS_WORDS["red"]
    NOT_STARTED = "not_started", STATUS_WORDS["not_started"]
    OVERDUE = "overdue", STATUS_WORDS["overdue"]
