"""The administrator's form for a "you said, we did" row."""

from __future__ import annotations

from typing import Any

from django import forms

from wellboard.base.versioning import VersionedFormMixin
from wellboard.consultations.models import Consultation, YouSaidWeDid
from wellboard.consultations.you_said import later_versions, section_choices


class YouSaidForm(VersionedFormMixin, forms.ModelForm):
    stale_what = "row"

    class Meta:
        model = YouSaidWeDid
        fields = ["theme", "you_said", "we_did", "strategy_version", "section"]
        labels = {
            "theme": "Theme (optional)",
            "you_said": "You said",
            "we_did": "We did",
            "strategy_version": "Version of the strategy with the change (optional)",
            "section": "Part of the strategy that changed (optional)",
        }

    def __init__(self, *args: Any, consultation: Consultation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        versions = later_versions(consultation)
        version_field = self.fields["strategy_version"]
        assert isinstance(version_field, forms.ModelChoiceField)
        version_field.queryset = versions
        version_field.empty_label = "Not tied to a version"
        newest = versions.last() or consultation.strategy_version
        choices = [("", "Not tied to a part of the text")]
        seen = set()
        for version in [newest] if newest else []:
            for key, label in section_choices(version):
                if key not in seen:
                    seen.add(key)
                    choices.append((key, label))
        self.fields["section"] = forms.ChoiceField(
            choices=choices, required=False, label=self.Meta.labels["section"]
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        version, section = data.get("strategy_version"), data.get("section")
        if section and version is None:
            self.add_error("strategy_version", "Choose the version that carries this change.")
        elif section and section not in dict(section_choices(version)):
            self.add_error("section", "That version of the strategy has no such part.")
        return data
