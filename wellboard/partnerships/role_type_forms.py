"""Forms for the partnership's role types: add or edit one, or switch to a preset set."""

from __future__ import annotations

from typing import Any

from django import forms

from wellboard.base.versioning import VersionedFormMixin
from wellboard.partnerships.models import Partnership
from wellboard.partnerships.role_types import PRESETS, RoleType


class RoleTypeForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = RoleType
        fields = ["name", "colour", "description", "position"]
        labels = {"position": "Order", "description": "What it means"}
        help_texts = {
            "colour": "Shown as a diamond beside the name, never on its own.",
            "position": "Lower numbers come first.",
        }
        widgets = {"colour": forms.RadioSelect}
        error_messages = {"name": {"required": "Enter the role type's name."}}

    def __init__(self, *args: Any, partnership: Partnership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.partnership = partnership
        if self.instance.pk is None and not self.is_bound:
            self.initial.setdefault("position", partnership.role_types.count())

    def clean_name(self) -> str:
        name = str(self.cleaned_data["name"]).strip()
        if not name:
            raise forms.ValidationError("Enter the role type's name.")
        clash = RoleType.objects.filter(partnership=self.partnership, name__iexact=name)
        if clash.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(f"The partnership already has a role type “{name}”.")
        return name

    def save(self, commit: bool = True) -> RoleType:
        self.instance.partnership = self.partnership
        role_type: RoleType = super().save(commit)
        return role_type


class PresetForm(forms.Form):
    preset = forms.ChoiceField(
        label="Use a ready-made set",
        choices=[(key, label) for key, (label, _) in PRESETS.items()],
        widget=forms.RadioSelect,
        help_text="Role types no action uses are replaced; those in use stay until you "
        "give their actions another.",
    )
