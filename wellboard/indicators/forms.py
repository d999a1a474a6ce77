"""The local data upload form, drawn by the forms module (web/forms.jinja)."""

from __future__ import annotations

import io
from typing import Any, TextIO

from django import forms
from django.core.files.uploadedfile import UploadedFile

# A local indicator file is a few hundred rows of area, period and counts; a megabyte is
# ample and keeps a mistaken upload (a whole extract, a spreadsheet) from being parsed.
MAX_UPLOAD_BYTES = 1024 * 1024

METHODS = [
    ("wilson", "Proportion or percentage (Wilson score limits)"),
    ("byars", "Rate per population (exact Poisson below 10 events, Byar's from 10)"),
]


class LocalUploadForm(forms.Form):
    file = forms.FileField(
        label="CSV file",
        help_text="A .csv file saved as UTF-8, up to 1 MB.",
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )
    method = forms.ChoiceField(
        label="How to compute values from counts", choices=METHODS, widget=forms.RadioSelect
    )
    multiplier = forms.FloatField(
        label="Multiplier",
        required=False,
        help_text="100 for a percentage, 100000 for a rate per 100,000. "
        "Leave blank to use the indicator's unit (or 1 for a proportion, 100000 for a rate).",
    )

    def clean_file(self) -> UploadedFile:
        upload: UploadedFile = self.cleaned_data["file"]
        if upload.size is not None and upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                f"{upload.name}: the file is {upload.size / 1048576:.1f} MB, over the 1 MB limit"
            )
        return upload

    def clean_multiplier(self) -> float | None:
        value: float | None = self.cleaned_data.get("multiplier")
        if value is not None and value <= 0:
            raise forms.ValidationError("The multiplier must be greater than zero.")
        return value

    def text_stream(self) -> TextIO:
        """The upload as text for the CSV loader; raises UnicodeDecodeError when not UTF-8."""
        upload: UploadedFile = self.cleaned_data["file"]
        raw = upload.read(MAX_UPLOAD_BYTES + 1)
        return io.StringIO(raw.decode("utf-8-sig"), newline="")

    @property
    def file_name(self) -> str:
        upload: Any = self.cleaned_data.get("file")
        return str(getattr(upload, "name", "") or "upload")
