"""The administrator's form for moving a strategy along its lifecycle."""

from __future__ import annotations

from typing import Any

from django import forms

from wellboard.core.lifecycle import ALLOWED, LABELS


class TransitionForm(forms.Form):
    """Offers only the steps the lifecycle allows from the current status; the body and
    meeting date are checked by the rules (some steps are a body's decision, some not)."""

    target = forms.ChoiceField(label="Move the strategy to", widget=forms.RadioSelect)
    body = forms.CharField(
        label="Deciding body",
        help_text="For example, Health and Wellbeing Board, Council Cabinet, ICB Board",
        max_length=200,
        required=False,
    )
    meeting_date = forms.DateField(
        label="Meeting date", help_text="For example, 2026-09-27", required=False
    )
    minute = forms.CharField(
        label="Minute reference", help_text="For example, HWB/26/14", max_length=100, required=False
    )
    expected = forms.CharField(widget=forms.HiddenInput, max_length=20)

    def __init__(self, *args: Any, current: str, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"expected": current})
        super().__init__(*args, **kwargs)
        # Choices as the form was drawn, so that a stale form is refused for being stale
        # (by strategy.lifecycle) rather than for a choice that is no longer offered.
        drawn = str(self.data.get("expected", "")) if self.is_bound else current
        drawn = drawn if drawn in LABELS else current
        steps = [s for s in LABELS if s in ALLOWED.get(drawn, frozenset())]
        self.fields["target"].choices = [(s, LABELS[s]) for s in steps]  # type: ignore[attr-defined]
