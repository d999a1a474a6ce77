"""The report filters and the background-production form, scoped to one strategy.

Choices come only from the strategy's own partnership, so a posted id from another
partnership is an invalid choice, not a leak.
"""

from __future__ import annotations

from typing import Any

from django import forms

from wellboard.partnerships.models import GovernanceBoard, Organisation
from wellboard.partnerships.reference_forms import OrganisationChoiceField
from wellboard.reports.build import FORMATS
from wellboard.reports.params import DATE_RANGE_MESSAGE, FIRST_DATE, LAST_DATE
from wellboard.strategy.models import Strategy, Theme


class ReportFilterForm(forms.Form):
    # A blank filter shows everything, so the blank choice says so.
    theme = forms.ModelChoiceField(queryset=Theme.objects.none(), required=False, empty_label="All")
    board = forms.ModelChoiceField(
        queryset=GovernanceBoard.objects.none(),
        required=False,
        label="Governance board",
        empty_label="All",
    )
    organisation = OrganisationChoiceField(
        queryset=Organisation.objects.none(),
        required=False,
        label="Lead organisation",
        empty_label="All",
    )
    as_of = forms.DateField(
        required=False, label="Position at", help_text="Show the plan as it stood on this date."
    )
    year = forms.IntegerField(
        required=False,
        min_value=1990,
        max_value=2100,
        label="Year starting in April",
        help_text="For example 2025 for 2025/26.",
    )
    since = forms.DateField(
        required=False,
        label="Previous meeting",
        help_text="Blank: the board's latest earlier meeting in the board meeting calendar.",
    )

    KIND_FIELDS = {
        "delivery": ("theme", "board", "organisation", "as_of"),
        "annual": ("theme", "board", "organisation", "as_of", "year", "since"),
        "exceptions": ("theme", "board", "organisation", "as_of", "since"),
    }

    def __init__(self, *args: Any, strategy: Strategy, kind: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        plan = strategy.main_plan
        themes = self.fields["theme"]
        boards = self.fields["board"]
        organisations = self.fields["organisation"]
        assert isinstance(themes, forms.ModelChoiceField)
        assert isinstance(boards, forms.ModelChoiceField)
        assert isinstance(organisations, forms.ModelChoiceField)
        themes.queryset = Theme.objects.filter(plan=plan)
        boards.queryset = GovernanceBoard.objects.filter(partnership_id=strategy.partnership_id)
        organisations.queryset = Organisation.objects.filter(
            partnership_id=strategy.partnership_id
        ).order_by("name")
        for name in list(self.fields):
            if name in self.base_fields and name not in self.KIND_FIELDS[kind] + self.extra:
                del self.fields[name]

    extra: tuple[str, ...] = ()

    def _in_range(self, name: str) -> Any:
        value = self.cleaned_data.get(name)
        if value is not None and not FIRST_DATE <= value <= LAST_DATE:
            raise forms.ValidationError(DATE_RANGE_MESSAGE + ".")
        return value

    def clean_as_of(self) -> Any:
        return self._in_range("as_of")

    def clean_since(self) -> Any:
        return self._in_range("since")

    def report_values(self) -> dict[str, Any]:
        """Cleaned values in the shape `build_params` takes."""
        data = self.cleaned_data
        return {
            "theme": data["theme"].pk if data.get("theme") else None,
            "board": data["board"].pk if data.get("board") else None,
            "organisation": data["organisation"].pk if data.get("organisation") else None,
            "as_of": data.get("as_of"),
            "year": data.get("year"),
            "since": data.get("since"),
        }


class GenerateForm(ReportFilterForm):
    format = forms.ChoiceField(choices=[(k, k.upper()) for k in FORMATS if k != "html"])
    snapshot = forms.BooleanField(
        required=False, label="Save a copy as the snapshot for a board meeting"
    )
    meeting_date = forms.DateField(required=False, label="Meeting date")
    extra = ("format", "snapshot", "meeting_date")

    def __init__(self, *args: Any, may_snapshot: bool = False, **kwargs: Any) -> None:
        """A snapshot changes the "last board meeting" everyone sees, so only users the
        "report.snapshot" rule allows are offered it; for others the field is not there."""
        super().__init__(*args, **kwargs)
        if not may_snapshot:
            del self.fields["snapshot"]
            del self.fields["meeting_date"]
