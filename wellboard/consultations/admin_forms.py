"""The administrator's forms: a consultation's dates and wording, a question, an event, and
the moderation of what the public wrote."""

from __future__ import annotations

from typing import Any

from django import forms

from wellboard.base.versioning import VersionedFormMixin
from wellboard.consultations.models import (
    Consultation,
    ConsultationEvent,
    ParagraphComment,
    Question,
    Response,
)
from wellboard.consultations.models.consultation import default_closes


class ConsultationForm(VersionedFormMixin, forms.ModelForm):
    stale_what = "consultation"

    class Meta:
        model = Consultation
        fields = ["title", "summary", "opens", "closes", "privacy_contact"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["closes"].required = False
        if self.instance.pk is None and not self.is_bound:
            opens = self.initial.get("opens") or self.fields["opens"].initial
            if callable(opens):
                opens = opens()
            self.initial["opens"] = opens
            self.initial["closes"] = default_closes(opens)


class QuestionForm(VersionedFormMixin, forms.ModelForm):
    stale_what = "question"

    class Meta:
        model = Question
        fields = ["text", "hint", "position"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"position": "Questions are asked in this order, lowest first."}


class EventForm(VersionedFormMixin, forms.ModelForm):
    stale_what = "event"

    class Meta:
        model = ConsultationEvent
        fields = ["date", "time", "place", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class ModerationForm(VersionedFormMixin, forms.ModelForm):
    """A response's moderation: publish (the text as edited here) or reject. Versioned,
    so a moderator whose page was drawn before someone else decided (or the respondent's
    data was erased) is told, and their decision is not written over the newer one."""

    stale_what = "response"

    decision = forms.ChoiceField(
        label="Decision",
        choices=[("publish", "Publish this text"), ("reject", "Do not publish")],
        widget=forms.RadioSelect,
    )

    def __init__(self, *args: Any, limit: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["text"] = forms.CharField(
            required=False,
            max_length=limit,
            label="Text to publish",
            help_text="Names and contact details are taken out already: check before publishing.",
            widget=forms.Textarea(attrs={"rows": 8}),
        )

    @property
    def publish(self) -> bool:
        return self.cleaned_data["decision"] == "publish"

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision") == "publish" and not data.get("text", "").strip():
            self.add_error("text", "Enter the text to publish, or choose not to publish")
        return data

    class Meta:
        model = Response
        fields: list[str] = []  # the decision is written by services.decide


class CommentModerationForm(ModerationForm):
    """The same decision on a comment on a paragraph of the draft."""

    stale_what = "comment"

    class Meta:
        model = ParagraphComment
        fields: list[str] = []
