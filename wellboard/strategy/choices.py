"""The vocabularies of delivery: role types with their colours, RAG and status."""

from __future__ import annotations

from django.db import models

from wellboard.core.delivery import STATUS_WORDS


class RoleType(models.TextChoices):
    """The partnership's role in an action, each with the colour boards use for it."""

    NONE = "", "Not set"
    ADVOCACY = "advocacy", "Advocacy"
    SCRUTINY = "scrutiny", "Scrutiny and monitoring"
    DIRECT = "direct", "Direct action"
    CAPACITY = "capacity", "Capacity building"
    PARTNER_MONITORING = "partner_monitoring", "Monitoring action led by partners"


ROLE_TYPE_COLOURS = {
    RoleType.ADVOCACY: "purple",
    RoleType.SCRUTINY: "green",
    RoleType.DIRECT: "blue",
    RoleType.CAPACITY: "red",
    RoleType.PARTNER_MONITORING: "grey",
}


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
