"""Upload, column-mapping and confirm forms, drawn by the forms module (web/forms.jinja)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile

from wellboard.imports.models import FIELD_CHOICES
from wellboard.imports.services import max_upload_bytes

NEW = "new"


class UploadForm(forms.Form):
    file = forms.FileField(
        label="Plan document",
        help_text=(
            "Word (.docx), Excel (.xlsx), PDF, CSV (including a Decidim results export) or text."
        ),
    )
    partnership = forms.TypedChoiceField(label="Partnership", coerce=int, required=False)
    # The target is resolved by the view through the permission layer, so an id of
    # another partnership's strategy answers 404 rather than a form error that confirms it.
    # Drawn as radios whose choices (a new strategy, or one of those listed) the page supplies.
    target = forms.CharField(required=False, initial=NEW, widget=forms.RadioSelect, max_length=20)

    def __init__(self, *args: Any, partnerships: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["partnership"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = [(p.pk, p.name) for p in partnerships]
        self.only_partnership = partnerships[0] if len(partnerships) == 1 else None

    def clean_file(self) -> UploadedFile:
        upload: UploadedFile = self.cleaned_data["file"]
        limit = max_upload_bytes()
        if upload.size is not None and upload.size > limit:
            raise forms.ValidationError(
                f"{upload.name}: the file is {upload.size / 1048576:.1f} MB, "
                f"over the {limit / 1048576:.0f} MB limit"
            )
        return upload

    def clean_target(self) -> str:
        value = (self.cleaned_data.get("target") or NEW).strip()
        if value != NEW and not value.isdigit():
            raise forms.ValidationError("Choose a new strategy or one of the strategies listed.")
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.only_partnership is not None:
            data["partnership"] = self.only_partnership.pk
        elif not data.get("partnership") and data.get("target") == NEW:
            self.add_error("partnership", "Choose the partnership the new strategy belongs to.")
        return data


class MappingForm(forms.Form):
    """One choice per header the parser did not recognise."""

    def __init__(self, *args: Any, headers: list[str], initial_map: dict[str, str], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.headers = headers
        choices = [("", "Choose a column type"), *FIELD_CHOICES]
        for index, header in enumerate(headers):
            self.fields[f"column_{index}"] = forms.ChoiceField(
                label=header, choices=choices, required=False, initial=initial_map.get(header, "")
            )

    def choices(self) -> dict[str, str]:
        return {
            header: self.cleaned_data[f"column_{index}"]
            for index, header in enumerate(self.headers)
            if self.cleaned_data.get(f"column_{index}")
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not any(data.get(f"column_{i}") for i in range(len(self.headers))):
            raise forms.ValidationError("Choose what at least one column holds.")
        return data


class ConfirmForm(forms.Form):
    delete_missing = forms.BooleanField(
        required=False,
        label="Also archive the actions that are missing from the sheet (their updates are kept)",
    )
    archive_missing = forms.BooleanField(
        required=False,
        label="Archive the actions that are no longer in the file",
        help_text="Archived actions keep their updates, reviews and comments and can be "
        "restored. Left unticked, they stay in the plan as they are.",
    )
    # The plan as the preview showed it (exchange.differences.plan_state): a plan edited
    # between the preview and the confirm is not overwritten.
    plan_state = forms.CharField(required=False, widget=forms.HiddenInput, max_length=64)
