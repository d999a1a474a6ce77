"""The vocabularies of delivery: role types with their colours, RAG and status."""

from __future__ import annotations

from django.db import models


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
    RED = "red", "Red"
    AMBER = "amber", "Amber"
    GREEN = "green", "Green"
    COMPLETE = "complete", "Complete"
    NOT_STARTED = "not_started", "Not started"


class DeliveryStatus(models.TextChoices):
    """An action's current status: its latest RAG, unless it is past due and not complete."""

    COMPLETE = "complete", "Complete"
    GREEN = "green", "On track"
    AMBER = "amber", "At risk"
    RED = "red", "Off track"
    NOT_STARTED = "not_started", "Not started"
    OVERDUE = "overdue", "Overdue"
