"""The local data upload form, drawn by the forms module (web/forms.jinja)."""

from __future__ import annotations

import io
import re
from typing import Any, TextIO

from django import forms
from django.core.files.uploadedfile import UploadedFile

from wellboard.indicators.models import ENGLAND_CODE, ReportingArea

# A local indicator file is a few hundred rows of area, period and counts; a megabyte is
# ample and keeps a mistaken upload (a whole extract, a spreadsheet) from being parsed.
MAX_UPLOAD_BYTES = 1024 * 1024
AREA_CODE = re.compile(r"[EWSN]\d{8}")  # ONS codes: a country letter and eight digits

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


class ReportingAreaForm(forms.ModelForm):
    """The partnership's own area and region, as Fingertips codes them (E06000047, E12000001).

    Indicator pages and loaders pick these rows out of national downloads, so a code that
    cannot be an area (England itself, a stray word) is refused here, not found empty later.
    """

    class Meta:
        model = ReportingArea
        fields = ["area_code", "area_name", "region_code", "region_name"]
        labels = {
            "area_code": "Area code",
            "area_name": "Area name",
            "region_code": "Region code",
            "region_name": "Region name",
        }
        help_texts = {
            "area_code": "The upper-tier local authority's ONS code, for example E06000047.",
            "region_code": "Its region's code, for example E12000001. Leave blank if unknown.",
        }

    def _code(self, name: str, *, required: bool) -> str:
        code = str(self.cleaned_data.get(name) or "").strip().upper()
        if not code:
            if required:
                raise forms.ValidationError("Enter the area code.")
            return ""
        if not AREA_CODE.fullmatch(code):
            raise forms.ValidationError(
                f"“{code}” is not an area code: a letter and eight digits, like E06000047."
            )
        if code == ENGLAND_CODE:
            raise forms.ValidationError("That is England's code: enter the local area's code.")
        return code

    def clean_area_code(self) -> str:
        return self._code("area_code", required=True)

    def clean_region_code(self) -> str:
        return self._code("region_code", required=False)
