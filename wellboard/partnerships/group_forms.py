"""Forms for working groups: the group itself, and its places (filled, named but not yet
confirmed, or to be advised)."""

from __future__ import annotations

from typing import Any

from django import forms

from wellboard.base.versioning import VersionedFormMixin
from wellboard.partnerships.models import (
    GovernanceBoard,
    Organisation,
    Partnership,
    Person,
    WorkingGroup,
    WorkingGroupPlace,
)


class WorkingGroupForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = WorkingGroup
        fields = ["name", "purpose", "terms_of_reference", "reports_to"]
        widgets = {
            "purpose": forms.Textarea(attrs={"rows": 2}),
            "terms_of_reference": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args: Any, partnership: Partnership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.partnership = partnership
        reports_to = self.fields["reports_to"]
        assert isinstance(reports_to, forms.ModelChoiceField)
        reports_to.queryset = GovernanceBoard.objects.filter(partnership=partnership)
        reports_to.empty_label = "No board"

    def clean_name(self) -> str:
        name = str(self.cleaned_data["name"]).strip()
        clash = WorkingGroup.objects.filter(partnership=self.partnership, name__iexact=name)
        if clash.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(f"There is already a working group called {name}.")
        return name

    def save(self, commit: bool = True) -> WorkingGroup:
        self.instance.partnership = self.partnership
        group: WorkingGroup = super().save(commit)
        return group


class OrganisationChoiceField(forms.ModelChoiceField):
    """Organisations by full name with the acronym beside it."""

    def label_from_instance(self, obj: Any) -> str:
        return str(obj.full_label)


class PlaceForm(forms.ModelForm):
    class Meta:
        model = WorkingGroupPlace
        fields = ["role", "organisation", "person", "confirmed"]
        field_classes = {"organisation": OrganisationChoiceField}
        labels = {
            "role": "Place",
            "organisation": "From",
            "person": "Who",
            "confirmed": "Confirmed",
        }
        help_texts = {"person": "Leave blank while the place is to be advised."}

    def __init__(self, *args: Any, group: WorkingGroup, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.group = group
        partnership_id = group.partnership_id
        for name, model in (("organisation", Organisation), ("person", Person)):
            field = self.fields[name]
            assert isinstance(field, forms.ModelChoiceField)
            field.queryset = model.objects.filter(partnership_id=partnership_id).order_by("name")
            field.empty_label = "Not named yet" if name == "person" else "None"
