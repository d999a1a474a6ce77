"""The form officers use to add or edit a good practice example."""

from __future__ import annotations

from typing import Any

from django import forms

from wellboard.base.links import LinkFormField
from wellboard.base.versioning import VersionedFormMixin
from wellboard.partnerships.models import Partnership
from wellboard.partnerships.reference_forms import OrganisationChoiceField
from wellboard.practice.models import GoodPractice
from wellboard.strategy.models import Action, Priority


class GoodPracticeForm(VersionedFormMixin, forms.ModelForm):
    stale_what = "good practice example"

    tags = forms.CharField(required=False, help_text="Separate tags with commas.", max_length=500)
    url = LinkFormField(required=False, label="Link")

    class Meta:
        model = GoodPractice
        fields = [
            "name",
            "summary",
            "place",
            "organisation",
            "population_group",
            "evidence_of_impact",
            "contact",
            "url",
            "tags",
            "actions",
            "priorities",
            "published",
        ]
        # Ticked boxes, not a multiple select: the NHS.UK design system has no multiple
        # select, and one is hard to use by keyboard and screen reader.
        field_classes = {"organisation": OrganisationChoiceField}
        widgets = {
            "actions": forms.CheckboxSelectMultiple,
            "priorities": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args: Any, partnership: Partnership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.partnership = partnership
        # Choices come only from this partnership, so a posted id from another is invalid.
        choices: dict[str, Any] = {
            "organisation": partnership.organisations.order_by("name"),
            "actions": Action.objects.in_partnership(partnership),
            "priorities": Priority.objects.in_partnership(partnership),
        }
        for name, queryset in choices.items():
            field = self.fields[name]
            assert isinstance(field, forms.ModelChoiceField)
            field.queryset = queryset
        if self.instance.pk:
            self.initial["tags"] = ", ".join(self.instance.tag_list)

    def save(self, commit: bool = True) -> GoodPractice:
        self.instance.partnership = self.partnership
        self.instance.set_tags(self.cleaned_data.get("tags", ""))
        return super().save(commit)
