"""Forms for the partnership pages: glossary terms."""

from __future__ import annotations

from typing import Any

from django import forms

from wellboard.partnerships.models import GlossaryTerm, Partnership


class GlossaryTermForm(forms.ModelForm):
    class Meta:
        model = GlossaryTerm
        fields = ["term", "meaning"]

    def __init__(self, *args: Any, partnership: Partnership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.partnership = partnership

    def clean_term(self) -> str:
        term = self.cleaned_data["term"].strip()
        if not term:
            raise forms.ValidationError("Enter the acronym.")
        if GlossaryTerm.objects.filter(partnership=self.partnership, term=term).exists():
            raise forms.ValidationError(f"{term} is already in the glossary.")
        return term

    def save(self, commit: bool = True) -> GlossaryTerm:
        self.instance.partnership = self.partnership
        return super().save(commit)


class PublishingForm(forms.ModelForm):
    """What the partnership shows the public beyond its published strategies."""

    class Meta:
        model = Partnership
        fields = ["publish_names", "open_data_licence"]
        widgets = {"open_data_licence": forms.RadioSelect}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["open_data_licence"].required = False

    def clean_open_data_licence(self) -> str:
        """Not sent (an older form): the licence stays as it was."""
        return str(self.cleaned_data.get("open_data_licence") or self.instance.open_data_licence)
