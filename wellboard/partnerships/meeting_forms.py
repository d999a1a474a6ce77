"""The form that adds or edits a meeting in the board meeting calendar."""

from __future__ import annotations

from typing import Any

from django import forms

from wellboard.base.versioning import VersionedFormMixin
from wellboard.partnerships.meetings import PAPERS_DAYS_BEFORE, BoardMeeting
from wellboard.partnerships.models import GovernanceBoard, Partnership

DATE_HINT = "For example, 2027-03-18"


class BoardMeetingForm(VersionedFormMixin, forms.ModelForm):
    date = forms.DateField(label="Date of the meeting", help_text=DATE_HINT)
    papers_deadline = forms.DateField(
        label="Papers deadline",
        required=False,
        help_text=f"When reports are due. Leave blank for {PAPERS_DAYS_BEFORE} days before.",
    )

    class Meta:
        model = BoardMeeting
        fields = ["board", "date", "papers_deadline", "location", "notes"]
        labels = {"board": "Board"}
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, partnership: Partnership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.partnership = partnership
        board = self.fields["board"]
        assert isinstance(board, forms.ModelChoiceField)
        board.queryset = GovernanceBoard.objects.filter(partnership=partnership).order_by("name")
        board.empty_label = f"{partnership.name} (the board itself)"
        board.help_text = ""

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        day, deadline = data.get("date"), data.get("papers_deadline")
        if day and deadline and deadline > day:
            self.add_error(
                "papers_deadline", "The papers deadline must be on or before the meeting."
            )
        if day and self._clashes(data.get("board"), day):
            self.add_error("date", "That board already has a meeting on this day.")
        return data

    def _clashes(self, board: GovernanceBoard | None, day: Any) -> bool:
        meetings = BoardMeeting.objects.filter(partnership=self.partnership, date=day)
        meetings = meetings.filter(board=board) if board else meetings.filter(board__isnull=True)
        return meetings.exclude(pk=self.instance.pk).exists()

    def save(self, commit: bool = True) -> BoardMeeting:
        self.instance.partnership = self.partnership
        meeting: BoardMeeting = super().save(commit)
        return meeting
