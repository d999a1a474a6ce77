"""Forms for the delivery pages. Validation that must hold whoever saves lives in services."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

from wellboard.base.links import LinkFormField
from wellboard.base.scoping import partnership_id_of
from wellboard.base.versioning import VersionedFormMixin
from wellboard.core.limits import COMMENT_TEXT, GENERATED_TEXT, LONG_TEXT, TITLE_TEXT
from wellboard.strategy.models import Milestone, Rag, RoleType, Strategy
from wellboard.strategy.services import EDITABLE_ACTION_FIELDS, editable_value


class UpdateForm(forms.Form):
    date = forms.DateField(label="Date of this update", help_text="For example, 2026-11-23")
    rag = forms.ChoiceField(label="Status", choices=Rag.choices, widget=forms.RadioSelect)
    text = forms.CharField(
        label="Progress since the last update", widget=forms.Textarea, max_length=LONG_TEXT
    )
    percent_complete = forms.IntegerField(
        label="Percent complete", min_value=0, max_value=100, required=False
    )
    evidence_url = LinkFormField(label="Link to evidence", required=False)
    override_reason = forms.CharField(
        label="Why this status?",
        help_text="Needed when the status is off track (red) or differs from the suggested one.",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=LONG_TEXT,
    )
    # The update this one corrects ("correct this update"), if any.
    supersedes = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, milestones: list[Milestone] = (), **kwargs: Any) -> None:  # type: ignore[assignment]
        super().__init__(*args, **kwargs)
        self.milestones = list(milestones)
        for milestone in self.milestones:
            self.fields[f"milestone_{milestone.pk}"] = forms.DateField(
                label=f"New date for: {milestone.title}", required=False
            )

    def milestone_dates(self) -> list[tuple[Milestone, dt.date]]:
        return [
            (m, self.cleaned_data[f"milestone_{m.pk}"])
            for m in self.milestones
            if self.cleaned_data.get(f"milestone_{m.pk}")
        ]


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("approve", "Approve"), ("return", "Return to the lead officer")],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label="Reason (needed to return)", required=False, max_length=LONG_TEXT
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision") == "return" and not data.get("reason", "").strip():
            self.add_error("reason", "Say why the update is returned.")
        return data


class ProposalDecisionForm(forms.Form):
    """Accept or reject a lead officer's proposed change; a rejection says why."""

    decision = forms.ChoiceField(
        choices=[("accept", "Accept"), ("reject", "Reject")], widget=forms.RadioSelect
    )
    reason = forms.CharField(
        label="Reason (needed to reject)", required=False, max_length=LONG_TEXT
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision") == "reject" and not data.get("reason", "").strip():
            self.add_error("reason", "Say why the proposed change is rejected.")
        return data


# The hidden copy of a value as drawn may hold a text saved before the limits existed;
# the visible box refuses it (saying its length), so the hidden copy must not refuse first.
ORIGINAL_MAX = GENERATED_TEXT


class ActionEditForm(forms.Form):
    """The editable fields, plus the version and values the editor started from."""

    title = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), max_length=TITLE_TEXT)
    description = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=LONG_TEXT
    )
    outcome_measures = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=LONG_TEXT
    )
    role_type = forms.ChoiceField(choices=[("", "Not set")], required=False)
    due_text = forms.CharField(label="Due", required=False, max_length=300)
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, action: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if action is not None:
            role_types = RoleType.objects.filter(partnership_id=partnership_id_of(action))
            role_field = self.fields["role_type"]
            assert isinstance(role_field, forms.ChoiceField)
            role_field.choices = [("", "Not set"), *((r.key, r.name) for r in role_types)]
        for name in EDITABLE_ACTION_FIELDS:
            # The value as drawn: as long as the field's own limit allows (an older,
            # longer text may be drawn, so the longest limit of any editable field).
            self.fields[f"original_{name}"] = forms.CharField(
                required=False, widget=forms.HiddenInput, strip=False, max_length=ORIGINAL_MAX
            )

    @classmethod
    def for_action(cls, action: Any) -> ActionEditForm:
        values = {name: editable_value(action, name) for name in EDITABLE_ACTION_FIELDS}
        initial = {**values, **{f"original_{k}": v for k, v in values.items()}}
        return cls(initial={**initial, "version": action.version}, action=action)

    def original(self) -> dict[str, Any]:
        return {
            name: self.cleaned_data.get(f"original_{name}", "") for name in EDITABLE_ACTION_FIELDS
        }

    def values(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in EDITABLE_ACTION_FIELDS}


class CommentForm(forms.Form):
    text = forms.CharField(
        label="Comment",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=COMMENT_TEXT,
        error_messages={"required": "Write a comment before sending it."},
    )


class StrategySettingsForm(VersionedFormMixin, forms.ModelForm):
    stale_what = "strategy"

    class Meta:
        model = Strategy
        fields = ["published", "requires_approval", "locked_through"]
        labels = {
            "requires_approval": "Updates need an administrator's approval",
            "locked_through": "Reporting locked up to (YYYY-MM-DD)",
        }


class WeightsForm(forms.Form):
    """One weight field per theme and priority of a plan."""

    def __init__(self, *args: Any, objects: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.objects = objects
        for obj in objects:
            key = f"{type(obj).__name__.lower()}_{obj.pk}"
            self.fields[key] = forms.IntegerField(
                label=str(obj), min_value=0, max_value=100, initial=obj.weight
            )

    def weights(self) -> dict[Any, int]:
        return {
            obj: self.cleaned_data[f"{type(obj).__name__.lower()}_{obj.pk}"] for obj in self.objects
        }
