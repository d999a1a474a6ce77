"""The forms administrators build a plan with: strategy, plan, theme, priority, action.

Each form holds every field the exchange format holds for its record, offers only the
partnership's own records as choices (so a posted id from another partnership is simply
invalid), and is versioned: a form opened before someone else saved is refused.
"""

from __future__ import annotations

from typing import Any

from django import forms

from wellboard.base.versioning import VersionedFormMixin
from wellboard.core.dates import parse_due
from wellboard.core.limits import LONG_TEXT
from wellboard.partnerships.models import GovernanceBoard, Organisation, OtherStrategy, Person
from wellboard.partnerships.reference_forms import OrganisationChoicesField
from wellboard.strategy import plan_editing
from wellboard.strategy.models import Action, Plan, Priority, RoleType, Strategy, Theme

MILESTONE_HINT = 'One a line: what, then "|" and when, e.g. "Pilot evaluated | March 2027".'


def due_is_readable(text: str) -> bool:
    """Whether the date reader understands the wording (blank, "ongoing" and "to be
    agreed" count as understood)."""
    due = parse_due(text)
    return not text.strip() or bool(due.end or due.start or due.ongoing or due.to_be_agreed)


def _checkboxes(
    queryset: Any, label: str, hint: str = "", *, organisation: bool = False
) -> forms.ModelMultipleChoiceField:
    """Boxes to tick; organisations by full name with the acronym beside it."""
    kind = OrganisationChoicesField if organisation else forms.ModelMultipleChoiceField
    return kind(
        queryset=queryset,
        required=False,
        label=label,
        help_text=hint,
        widget=forms.CheckboxSelectMultiple,
    )


class StrategyForm(VersionedFormMixin, forms.ModelForm):
    stale_what = "strategy"

    class Meta:
        model = Strategy
        fields = ["title", "summary", "vision", "period_start", "period_end"]
        labels = {"period_start": "First year", "period_end": "Last year"}
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 4}),
            "vision": forms.Textarea(attrs={"rows": 3}),
        }


class PlanForm(VersionedFormMixin, forms.ModelForm):
    stale_what = "plan"

    class Meta:
        model = Plan
        fields = ["title", "kind", "period"]
        labels = {"kind": "Kind of plan", "period": "Period, as the plan words it"}


class ThemeForm(VersionedFormMixin, forms.ModelForm):
    stale_what = "theme"

    class Meta:
        model = Theme
        fields = ["plan", "ref", "title", "description", "lead_member", "weight"]
        labels = {"plan": "Plan", "ref": "Reference", "lead_member": "Lead board member"}
        widgets = {"title": forms.TextInput, "description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, strategy: Strategy, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        partnership = strategy.partnership
        _limit(self, "plan", strategy.plans.active())
        _limit(self, "lead_member", Person.objects.in_partnership(partnership).active())
        self.fields["indicators"] = _checkboxes(
            partnership.indicators.order_by("code"), "Outcome indicators"
        )
        if self.instance.pk:
            self.initial["indicators"] = [
                link.indicator_id for link in self.instance.indicator_links.all()
            ]
        _drop_empty_choices(self)

    def save(self, commit: bool = True) -> Theme:
        from wellboard.strategy.models import ThemeIndicator

        theme: Theme = super().save(commit)
        theme.indicator_links.all().delete()
        ThemeIndicator.objects.bulk_create(
            ThemeIndicator(theme=theme, indicator=indicator, position=i)
            for i, indicator in enumerate(self.cleaned_data.get("indicators", []))
        )
        return theme


class PriorityForm(VersionedFormMixin, forms.ModelForm):
    stale_what = "priority"

    class Meta:
        model = Priority
        fields = ["theme", "ref", "title", "description", "lead_officer", "sub_plan", "weight"]
        labels = {
            "theme": "Theme",
            "ref": "Reference",
            "sub_plan": "Delivered by another plan",
        }
        widgets = {
            "title": forms.Textarea(attrs={"rows": 2}),
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, strategy: Strategy, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _limit(self, "theme", Theme.objects.in_strategy(strategy).active().in_plan_order())
        _limit(self, "lead_officer", Person.objects.in_partnership(strategy.partnership).active())
        _limit(self, "sub_plan", strategy.plans.active())


class ActionForm(VersionedFormMixin, forms.ModelForm):
    """Every field of an action, for administrators."""

    stale_what = "action"

    confirm_due = forms.BooleanField(
        required=False,
        label="Keep this due wording although it cannot be read as a date",
        help_text="The action keeps its current due date for sorting and overdue checks.",
    )
    milestones = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=MILESTONE_HINT,
        max_length=LONG_TEXT,
    )

    class Meta:
        model = Action
        fields = [
            "priority",
            "ref",
            "title",
            "description",
            "lead_officer",
            "role_type",
            "due_text",
            "outcome_measures",
            "weight",
        ]
        labels = {"priority": "Priority", "ref": "Reference", "due_text": "Due"}
        help_texts = {"due_text": "As the plan words it, e.g. March 2027, Q3 2026/27, ongoing."}
        widgets = {
            "title": forms.Textarea(attrs={"rows": 2}),
            "description": forms.Textarea(attrs={"rows": 3}),
            "outcome_measures": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, strategy: Strategy, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        partnership = strategy.partnership
        # The partnership's own role types, posted by key ("direct") as plans name them.
        self.fields["role_type"] = forms.ModelChoiceField(
            queryset=RoleType.objects.filter(partnership=partnership).order_by("position"),
            to_field_name="key",
            required=False,
            label="Role type",
        )
        if self.instance.pk and self.instance.role_type is not None:
            self.initial["role_type"] = self.instance.role_type.key
        _limit(self, "priority", Priority.objects.in_strategy(strategy).active().in_plan_order())
        _limit(self, "lead_officer", Person.objects.in_partnership(partnership).active())
        organisations = Organisation.objects.in_partnership(partnership).active().order_by("name")
        self.fields["leads"] = _checkboxes(organisations, "Lead organisations", organisation=True)
        self.fields["supporting"] = _checkboxes(
            organisations, "Supporting organisations", organisation=True
        )
        self.fields["boards"] = _checkboxes(
            GovernanceBoard.objects.in_partnership(partnership).active(), "Governance boards"
        )
        self.fields["indicators"] = _checkboxes(
            partnership.indicators.order_by("code"), "Outcome indicators"
        )
        self.fields["links"] = _checkboxes(
            OtherStrategy.objects.filter(partnership=partnership), "Other strategies it serves"
        )
        self.order_fields([*self.Meta.fields[:7], "confirm_due", "leads", "supporting"])
        if self.instance.pk:
            self.initial.update(_current_links(self.instance))
        _drop_empty_choices(self)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        text = data.get("due_text", "")
        changed = text != (self.instance.due_text if self.instance.pk else "")
        if changed and not due_is_readable(text) and not data.get("confirm_due"):
            self.add_error(
                "due_text",
                f"“{text}” cannot be read as a date. Tick the box below to keep the wording; "
                "until then nothing is saved and the action keeps its due date.",
            )
        data["milestone_lines"] = _milestones(data.get("milestones", ""))
        return data

    def save(self, commit: bool = True) -> Action:
        action: Action = self.instance
        text = self.cleaned_data["due_text"]
        before = Action.objects.filter(pk=action.pk).values("due_text").first()
        if (before is None or before["due_text"] != text) and due_is_readable(text):
            action.set_due(text)
        # An unreadable wording is kept as written; the structured date stays as it was.
        action = super().save(commit)
        data = self.cleaned_data
        plan_editing.set_action_links(
            action,
            leads=list(data.get("leads", [])),
            supporting=list(data.get("supporting", [])),
            boards=list(data.get("boards", [])),
            indicators=list(data.get("indicators", [])),
            links=list(data.get("links", [])),
        )
        plan_editing.set_milestones(action, data["milestone_lines"])
        return action


def _limit(form: forms.ModelForm, name: str, queryset: Any) -> None:
    field = form.fields[name]
    assert isinstance(field, forms.ModelChoiceField)
    field.queryset = queryset


def _drop_empty_choices(form: forms.BaseForm) -> None:
    """Leave out a group of boxes with nothing to tick (a partnership with no indicators
    yet): an empty group would be a label over nothing."""
    for name, field in list(form.fields.items()):
        if isinstance(field, forms.ModelMultipleChoiceField) and not (
            field.queryset is not None and field.queryset.exists()
        ):
            del form.fields[name]


def _current_links(action: Action) -> dict[str, Any]:
    links = list(action.organisation_links.all())
    return {
        "leads": [link.organisation_id for link in links if link.is_lead],
        "supporting": [link.organisation_id for link in links if not link.is_lead],
        "boards": [link.board_id for link in action.board_links.all()],
        "indicators": [link.indicator_id for link in action.indicator_links.all()],
        "links": [link.other_strategy_id for link in action.strategy_links.all()],
        "milestones": plan_editing.milestone_lines(action),
    }


def _milestones(text: str) -> list[tuple[str, str]]:
    lines = []
    for line in text.splitlines():
        title, _, due = line.partition("|")
        if title.strip():
            lines.append((title.strip()[:500], due.strip()[:200]))
    return lines
