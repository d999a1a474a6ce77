"""Forms of the duplication finder: the threshold, and a pair of actions to decide on."""

from __future__ import annotations

from typing import Any

from django import forms

from wellboard.core.similarity import check_threshold
from wellboard.partnerships.models import Partnership
from wellboard.strategy.models import Action


class ThresholdForm(forms.Form):
    strategy = forms.TypedChoiceField(coerce=int, label="Strategy")
    min_similarity = forms.FloatField(
        initial=0.85, label="Minimum similarity", help_text="Between 0 and 1; 0.85 by default."
    )

    def __init__(self, *args: Any, strategies: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["strategy"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(s.pk, s.title) for s in strategies]

    def clean_min_similarity(self) -> float:
        value = self.cleaned_data["min_similarity"]
        try:
            return check_threshold(value)
        except ValueError as exc:
            raise forms.ValidationError(str(exc)) from None


class PairForm(forms.Form):
    """Two actions of the partnership; for a merge, which one to keep."""

    first = forms.IntegerField(widget=forms.HiddenInput)
    second = forms.IntegerField(widget=forms.HiddenInput)
    keep = forms.ChoiceField(choices=[("first", "first"), ("second", "second")], required=False)
    similarity = forms.FloatField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, partnership: Partnership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.partnership = partnership

    def _action(self, name: str) -> Action:
        try:
            actions = Action.objects.in_partnership(self.partnership).with_strategy()
            return actions.get(pk=self.cleaned_data[name])
        except Action.DoesNotExist:
            raise forms.ValidationError("That action is not in this partnership.") from None

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors:
            return data
        data["first_action"] = self._action("first")
        data["second_action"] = self._action("second")
        if data["first_action"].pk == data["second_action"].pk:
            raise forms.ValidationError("Choose two different actions.")
        return data
