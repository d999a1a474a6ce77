"""The update form on the emailed link's page: one small form per action."""

from __future__ import annotations

from typing import Any

from django import forms

from wellboard.core.limits import LONG_TEXT
from wellboard.rounds.schedule import ScheduleError, parse_reminder_days
from wellboard.strategy.models import Rag


class RespondForm(forms.Form):
    rag = forms.ChoiceField(label="Status", choices=Rag.choices, widget=forms.RadioSelect)
    text = forms.CharField(
        label="Progress since the last update",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=LONG_TEXT,
    )
    percent_complete = forms.IntegerField(
        label="Percent complete", min_value=0, max_value=100, required=False
    )
    override_reason = forms.CharField(
        label="Why this status?",
        help_text="Needed for off track (red), or a status other than the suggested one.",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=LONG_TEXT,
    )


class RoundSettingsForm(forms.Form):
    """When the round opens and when the waiting leads are reminded."""

    open_days = forms.IntegerField(
        label="Open the round this many days before the meeting",
        min_value=1,
        max_value=90,
        help_text="Only before the round opens.",
    )
    reminder_days = forms.CharField(
        label="Remind those who have not answered this many days before the papers deadline",
        help_text="Days separated by commas, for example 7, 2. Leave empty for no reminders.",
        required=False,
        max_length=50,
    )

    def clean_reminder_days(self) -> list[int]:
        try:
            return parse_reminder_days(self.cleaned_data.get("reminder_days") or "")
        except ScheduleError as error:
            raise forms.ValidationError(str(error).capitalize() + ".") from None

    def __init__(self, *args: Any, opened: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if opened:
            self.fields["open_days"].disabled = True
            self.fields["open_days"].help_text = "The round is already open."
