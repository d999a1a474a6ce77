"""What the API shows of each record. Read-only, explicit fields: a column another change
adds to a model is not published until someone decides it should be."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from wellboard.indicators.models import Indicator, IndicatorValue
from wellboard.partnerships.models import GovernanceBoard, Organisation, Partnership
from wellboard.strategy.delivery import ActionState
from wellboard.strategy.models import (
    Action,
    DeliveryStatus,
    Milestone,
    Plan,
    Priority,
    ProgressUpdate,
    Strategy,
    Theme,
)


def _archived() -> serializers.DateTimeField:
    """When the record was archived (null while it is in use): archived, never deleted."""
    return serializers.DateTimeField(read_only=True, allow_null=True)


class PartnershipSerializer(serializers.ModelSerializer):
    class Meta:
        model = Partnership
        fields = ["id", "name", "slug", "kind", "area"]


class StrategySerializer(serializers.ModelSerializer):
    archived_at = _archived()

    class Meta:
        model = Strategy
        fields = [
            "id", "partnership", "title", "summary", "period_start", "period_end", "status",
            "published", "requires_approval", "locked_through", "version", "archived_at",
            "updated_at",
        ]  # fmt: skip


class PlanSerializer(serializers.ModelSerializer):
    archived_at = _archived()

    class Meta:
        model = Plan
        fields = ["id", "strategy", "title", "kind", "period", "position", "version", "archived_at"]


class ThemeSerializer(serializers.ModelSerializer):
    archived_at = _archived()

    class Meta:
        model = Theme
        fields = [
            "id", "plan", "ref", "title", "description", "lead_member", "position", "weight",
            "version", "archived_at",
        ]  # fmt: skip


class PrioritySerializer(serializers.ModelSerializer):
    archived_at = _archived()

    class Meta:
        model = Priority
        fields = [
            "id", "theme", "ref", "title", "description", "lead_officer", "sub_plan",
            "position", "weight", "version", "archived_at",
        ]  # fmt: skip


class MilestoneSerializer(serializers.ModelSerializer):
    """A milestone as the action's page shows it: its due wording, the last day that
    wording allows (null when it names no date) and the day it was done (null until
    then). Read-only: the action's `milestones` text sets them, as on the edit page."""

    class Meta:
        model = Milestone
        fields = ["id", "title", "due_text", "due_end", "done_on"]
        read_only_fields = fields


class ActionSerializer(serializers.ModelSerializer):
    """The action with its delivery state as the action list shows it (``state`` in the
    context: the caller computes it once per page of actions)."""

    archived_at = _archived()
    role_type = serializers.SlugRelatedField(slug_field="key", read_only=True, allow_null=True)
    lead_officer_name = serializers.SerializerMethodField()
    lead_organisations = serializers.SerializerMethodField()
    supporting_organisations = serializers.SerializerMethodField()
    boards = serializers.SerializerMethodField()
    status = serializers.SerializerMethodField()
    percent = serializers.SerializerMethodField()
    stale = serializers.SerializerMethodField()
    latest_update_date = serializers.SerializerMethodField()
    milestones = MilestoneSerializer(many=True, read_only=True)

    class Meta:
        model = Action
        fields = [
            "id", "priority", "ref", "title", "description", "lead_officer",
            "lead_officer_name", "lead_organisations", "supporting_organisations", "boards",
            "due_text", "due_start", "due_end", "due_precision", "ongoing", "to_be_agreed",
            "outcome_measures", "role_type", "weight", "version", "status", "percent", "stale",
            "latest_update_date", "milestones", "archived_at", "updated_at",
        ]  # fmt: skip

    def _state(self, action: Action) -> ActionState:
        states: dict[int, ActionState] = self.context["states"]
        return states[action.pk]

    def get_lead_officer_name(self, action: Action) -> str:
        return action.lead_officer.name if action.lead_officer else ""

    def get_lead_organisations(self, action: Action) -> list[int]:
        return [link.organisation_id for link in action.organisation_links.all() if link.is_lead]

    def get_supporting_organisations(self, action: Action) -> list[int]:
        links = action.organisation_links.all()
        return [link.organisation_id for link in links if not link.is_lead]

    def get_boards(self, action: Action) -> list[int]:
        return [link.board_id for link in action.board_links.all()]

    @extend_schema_field(serializers.ChoiceField(choices=DeliveryStatus.choices))
    def get_status(self, action: Action) -> str:
        return self._state(action).status

    def get_percent(self, action: Action) -> int:
        return self._state(action).percent

    def get_stale(self, action: Action) -> bool:
        """No update for 90 days."""
        return self._state(action).stale

    @extend_schema_field(serializers.DateField(allow_null=True))
    def get_latest_update_date(self, action: Action) -> Any:
        latest = self._state(action).latest
        return latest.date if latest and latest.date else None


class UpdateSerializer(serializers.ModelSerializer):
    review = serializers.SerializerMethodField()

    class Meta:
        model = ProgressUpdate
        fields = [
            "id", "action", "date", "rag", "text", "percent_complete", "evidence_url",
            "suggested_rag", "override_reason", "author_name", "supersedes", "review",
            "created_at",
        ]  # fmt: skip

    @extend_schema_field(serializers.ChoiceField(choices=["", "pending", "approved", "returned"]))
    def get_review(self, update: ProgressUpdate) -> str:
        """Blank when the strategy needs no approval; pending updates do not count yet."""
        review = getattr(update, "review", None)
        return review.decision if review is not None else ""


class OrganisationSerializer(serializers.ModelSerializer):
    archived_at = _archived()

    class Meta:
        model = Organisation
        fields = [
            "id",
            "partnership",
            "name",
            "acronym",
            "kind",
            "website",
            "parent",
            "archived_at",
        ]


class BoardSerializer(serializers.ModelSerializer):
    archived_at = _archived()

    class Meta:
        model = GovernanceBoard
        fields = ["id", "partnership", "name", "short_name", "description", "archived_at"]


class IndicatorSerializer(serializers.ModelSerializer):
    framework = serializers.CharField(read_only=True)

    class Meta:
        model = Indicator
        fields = [
            "id", "partnership", "code", "name", "framework", "polarity", "unit", "baseline",
            "baseline_period", "target", "target_date", "target_text",
        ]  # fmt: skip


class IndicatorValueSerializer(serializers.ModelSerializer):
    class Meta:
        model = IndicatorValue
        fields = [
            "id", "indicator", "area_code", "area_name", "area_type", "period_label",
            "period_start", "period_end", "sex", "age", "category_type", "category",
            "numerator", "denominator", "value", "lower_ci95", "upper_ci95", "lower_ci998",
            "upper_ci998", "value_note", "compared_to_england", "trend", "source",
        ]  # fmt: skip
