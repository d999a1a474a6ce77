"""The administrator's form for moving a strategy along its lifecycle."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms

from wellboard.core.lifecycle import ALLOWED, LABELS
from wellboard.partnerships.models import DecidingBody


class TransitionForm(forms.Form):
    """Offers only the steps the lifecycle allows from the current status and the
    partnership's deciding bodies; whether a step needs a body and a meeting date, and
    which body may take it, is checked by the rules (strategy.lifecycle)."""

    target = forms.ChoiceField(label="Move the strategy to", widget=forms.RadioSelect)
    body = forms.ChoiceField(
        label="Deciding body",
        help_text="The partnership's deciding bodies: the Board, the council's Cabinet, the ICB",
        required=False,
    )
    meeting_date = forms.DateField(
        label="Meeting date", help_text="For example, 2026-09-27", required=False
    )
    minute = forms.CharField(
        label="Minute reference", help_text="For example, HWB/26/14", max_length=100, required=False
    )
    expected = forms.CharField(widget=forms.HiddenInput, max_length=20)

    def __init__(
        self, *args: Any, current: str, bodies: Iterable[DecidingBody] = (), **kwargs: Any
    ) -> None:
        kwargs.setdefault("initial", {"expected": current})
        super().__init__(*args, **kwargs)
        # Choices as the form was drawn, so that a stale form is refused for being stale
        # (by strategy.lifecycle) rather than for a choice that is no longer offered.
        drawn = str(self.data.get("expected", "")) if self.is_bound else current
        drawn = drawn if drawn in LABELS else current
        steps = [s for s in LABELS if s in ALLOWED.get(drawn, frozenset())]
        self.fields["target"].choices = [(s, LABELS[s]) for s in steps]  # type: ignore[attr-defined]
        self.fields["body"].choices = [("", "None (an officer's step)")] + [  # type: ignore[attr-defined]
            (b.name, f"{b.name} ({b.get_part_display().lower()})") for b in bodies
        ]
