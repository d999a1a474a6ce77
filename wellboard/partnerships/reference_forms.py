"""Add and edit forms for the partnership's reference data: organisations, people,
governance boards, other strategies and glossary terms. Each refuses a stale edit
(wellboard/base/versioning.py) and a name the partnership already uses."""

from __future__ import annotations

from typing import Any, ClassVar

from django import forms

from wellboard.base.versioning import VersionedFormMixin
from wellboard.partnerships.models import (
    GlossaryTerm,
    GovernanceBoard,
    Organisation,
    OtherStrategy,
    Partnership,
    Person,
)


class OrganisationChoiceField(forms.ModelChoiceField):
    """Organisations by full name with the acronym beside it."""

    def label_from_instance(self, obj: Any) -> str:
        return str(obj.full_label)


class OrganisationChoicesField(forms.ModelMultipleChoiceField):
    """Organisations to tick, by full name with the acronym beside it."""

    def label_from_instance(self, obj: Any) -> str:
        return str(obj.full_label)


class ReferenceForm(VersionedFormMixin, forms.ModelForm):
    """The partnership's record: `unique` names the field no two of its records share."""

    unique: ClassVar[str] = "name"

    def __init__(self, *args: Any, partnership: Partnership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.partnership = partnership
        self.instance.partnership = partnership
        for field in self.fields.values():
            if isinstance(field, forms.ModelChoiceField):
                model = field.queryset.model  # type: ignore[union-attr]
                field.queryset = model.objects.filter(partnership=partnership)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        value = str(data.get(self.unique) or "").strip()
        if value:
            model = type(self.instance)
            found = model.objects.filter(
                partnership=self.partnership, **{f"{self.unique}__iexact": value}
            ).exclude(pk=self.instance.pk)
            if found.exists():
                self.add_error(self.unique, f"The partnership already has “{value}”.")
        return data


class OrganisationForm(ReferenceForm):
    class Meta:
        model = Organisation
        fields = ["name", "acronym", "kind", "website", "parent"]
        field_classes = {"parent": OrganisationChoiceField}
        labels = {"parent": "Part of"}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        parent = self.fields["parent"]
        assert isinstance(parent, forms.ModelChoiceField)
        parent.queryset = parent.queryset.exclude(pk=self.instance.pk).order_by("name")  # type: ignore[union-attr]
        parent.empty_label = "None"


class PersonForm(ReferenceForm):
    class Meta:
        model = Person
        fields = ["name", "job_title", "organisation", "email", "board_role", "boards"]
        field_classes = {"organisation": OrganisationChoiceField}
        widgets = {"boards": forms.CheckboxSelectMultiple}


class BoardForm(ReferenceForm):
    class Meta:
        model = GovernanceBoard
        fields = ["name", "short_name", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class OtherStrategyForm(ReferenceForm):
    unique = "title"

    class Meta:
        model = OtherStrategy
        fields = ["title", "owner", "url"]


class GlossaryEditForm(ReferenceForm):
    unique = "term"

    class Meta:
        model = GlossaryTerm
        fields = ["term", "meaning"]
