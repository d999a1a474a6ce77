"""The forms the public fills in: a response (built from the consultation's questions),
the optional equality-monitoring questions, and a comment on one paragraph of the draft.

Every field has a length limit; the honeypot `website` is hidden from people (the page
draws it inside a `hidden` block) but not from scripts that fill in every box.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.db import models

from wellboard.consultations.choices import Agreement, RespondentType
from wellboard.consultations.models import Consultation, EqualityAnswers, Question
from wellboard.consultations.models.responses import TEXT_LIMIT
from wellboard.consultations.services import Submission

HONEYPOT = "website"


def _honeypot() -> forms.CharField:
    return forms.CharField(
        required=False,
        max_length=200,
        label="Leave this box empty",
        help_text="This box is here to catch automated spam.",
    )


def _comment_label(question: Question) -> str:
    if not question.asks_agreement:
        return question.text
    about = question.priority.title if question.priority else "this priority"
    return f"Why? Your comments on “{about[:200]}” (optional)"


class HoneypotMixin:
    cleaned_data: dict[str, Any]

    @property
    def is_spam(self) -> bool:
        """Filled in by something that fills in every box; pretend to accept it."""
        return bool(self.cleaned_data.get(HONEYPOT))


class ResponseForm(HoneypotMixin, forms.Form):
    respondent_type = forms.ChoiceField(
        label="Are you responding as",
        choices=RespondentType.choices,
        widget=forms.RadioSelect,
    )
    organisation_name = forms.CharField(
        required=False,
        max_length=300,
        label="Name of the organisation you are responding for",
        help_text="Only if you are responding on behalf of an organisation or partner.",
    )
    name = forms.CharField(
        required=False,
        max_length=200,
        label="Your name (optional)",
        help_text="Never published.",
    )
    email = forms.EmailField(
        required=False,
        max_length=254,
        label="Your email address (optional)",
        help_text="Only to tell you about the outcome, if you ask us to below. Never published.",
    )

    def __init__(self, *args: Any, consultation: Consultation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.consultation = consultation
        self.questions = list(consultation.questions.select_related("priority"))
        for question in self.questions:
            if question.asks_agreement:
                self.fields[f"scale_{question.pk}"] = forms.TypedChoiceField(
                    required=False,
                    label=question.text,
                    help_text=question.hint,
                    choices=Agreement.choices,
                    coerce=int,
                    empty_value=None,
                    widget=forms.RadioSelect,
                )
            self.fields[f"comment_{question.pk}"] = forms.CharField(
                required=False,
                max_length=TEXT_LIMIT,
                label=_comment_label(question),
                help_text="" if question.asks_agreement else question.hint,
                widget=forms.Textarea(attrs={"rows": 4}),
            )
        self.fields["consent_publish"] = forms.BooleanField(
            required=False,
            label="You may publish my comments, without my name or contact details",
        )
        self.fields["consent_contact"] = forms.BooleanField(
            required=False,
            label="Email me about the outcome of the consultation",
        )
        self.fields["consent_privacy"] = forms.BooleanField(
            label="I have read the privacy notice and agree to my response being used as it says",
            error_messages={"required": "Confirm that you have read the privacy notice"},
        )
        self.fields[HONEYPOT] = _honeypot()

    def about_you(self) -> list[forms.BoundField]:
        return [self[name] for name in ("respondent_type", "organisation_name", "name", "email")]

    def question_fields(self, question: Question) -> list[forms.BoundField]:
        names = [f"scale_{question.pk}"] if question.asks_agreement else []
        return [self[name] for name in [*names, f"comment_{question.pk}"]]

    def consents(self) -> list[forms.BoundField]:
        return [self[n] for n in ("consent_publish", "consent_contact", "consent_privacy")]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind = data.get("respondent_type")
        if (
            kind in (RespondentType.ORGANISATION, RespondentType.PARTNER)
            and not data.get("organisation_name", "").strip()
        ):
            self.add_error("organisation_name", "Enter the name of the organisation")
        if data.get("consent_contact") and not data.get("email"):
            self.add_error("email", "Enter an email address so that we can tell you the outcome")
        if self.questions and not any(
            data.get(f"scale_{q.pk}") is not None or data.get(f"comment_{q.pk}", "").strip()
            for q in self.questions
        ):
            raise forms.ValidationError("Answer at least one question")
        return data

    def submission(self, equality: dict[str, str]) -> Submission:
        data = self.cleaned_data
        kind = data["respondent_type"]
        return Submission(
            respondent_type=kind,
            organisation_name=data["organisation_name"].strip()
            if kind != RespondentType.RESIDENT
            else "",
            name=data["name"].strip(),
            email=data["email"],
            consent_publish=data["consent_publish"],
            consent_contact=data["consent_contact"],
            answers={
                q.pk: (data.get(f"scale_{q.pk}"), data.get(f"comment_{q.pk}", "").strip())
                for q in self.questions
            },
            equality=equality,
        )


class EqualityForm(forms.ModelForm):
    """Optional, every question: a blank answer is stored as nothing at all."""

    class Meta:
        model = EqualityAnswers
        fields = [
            "age_band",
            "sex",
            "gender_same_as_birth",
            "ethnic_group",
            "disability",
            "carer",
            "sexual_orientation",
            "religion",
        ]
        labels = {
            "age_band": "Your age",
            "sex": "Your sex",
            "gender_same_as_birth": "Is the gender you identify with the same as your sex "
            "registered at birth?",
            "ethnic_group": "Your ethnic group",
            "disability": "Do you have a physical or mental health condition or illness "
            "lasting or expected to last 12 months or more?",
            "carer": "Do you look after, or give any help or support to, anyone because of "
            "their health or age?",
            "sexual_orientation": "Your sexual orientation",
            "religion": "Your religion",
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["prefix"] = "equality"
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            assert isinstance(field, forms.ChoiceField)
            field.required = False
            model_field = EqualityAnswers._meta.get_field(name)
            assert isinstance(model_field, models.CharField)
            field.choices = list(model_field.choices or [])
            field.widget = forms.RadioSelect(choices=field.choices)

    def answers(self) -> dict[str, str]:
        return {name: self.cleaned_data.get(name) or "" for name in self.Meta.fields}


class ParagraphCommentForm(HoneypotMixin, forms.Form):
    text = forms.CharField(
        max_length=2000,
        label="Your comment on this paragraph",
        help_text="Do not include your name or anyone's contact details.",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Enter your comment"},
    )
    consent_publish = forms.BooleanField(
        label="I agree that my comment may be published beside this paragraph once a "
        "moderator has read it",
        error_messages={
            "required": "Agree to publication, or send your views in the response form instead"
        },
    )
    website = _honeypot()

    def clean_text(self) -> str:
        text: str = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError("Enter your comment")
        return text
