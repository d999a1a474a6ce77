"""Forms of the versions pages: save a version with a label, choose two to compare."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms

from wellboard.strategy.version_models import StrategyVersion


class SaveVersionForm(forms.Form):
    label = forms.CharField(
        label="What this version is",
        help_text="For example, Draft for the board's away day",
        max_length=200,
        required=False,
    )


class CompareForm(forms.Form):
    """Two of the strategy's versions, by number; the older one on the left by default."""

    old = forms.TypedChoiceField(label="Compare", coerce=int)
    new = forms.TypedChoiceField(label="with", coerce=int)

    def __init__(self, *args: Any, versions: Sequence[StrategyVersion], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(v.number, str(v)) for v in versions]
        for name in ("old", "new"):
            self.fields[name].choices = choices  # type: ignore[attr-defined]
