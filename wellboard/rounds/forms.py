"""The update form on the emailed link's page: one small form per action."""

from __future__ import annotations

from django import forms

from wellboard.strategy.models import Rag


class RespondForm(forms.Form):
    rag = forms.ChoiceField(label="Status", choices=Rag.choices, widget=forms.RadioSelect)
    text = forms.CharField(
        label="Progress since the last update", widget=forms.Textarea(attrs={"rows": 3})
    )
    percent_complete = forms.IntegerField(
        label="Percent complete", min_value=0, max_value=100, required=False
    )
    override_reason = forms.CharField(
        label="Why this status?",
        help_text="Needed for off track (red), or a status other than the suggested one.",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
