"""What people answer: a response with its consents and personal data, its answers, and
the optional equality-monitoring answers kept apart and never published."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from wellboard.base.limits import limited_text
from wellboard.base.models import TimestampedModel
from wellboard.base.versioning import VersionedModel
from wellboard.consultations.choices import (
    AGE_BANDS,
    ETHNIC_GROUPS,
    RELIGIONS,
    SEXES,
    SEXUAL_ORIENTATIONS,
    YES_NO,
    Agreement,
    Moderation,
    RespondentType,
)
from wellboard.consultations.models.consultation import Consultation, Question
from wellboard.core.redaction import redact

TEXT_LIMIT = 4000  # a long answer fits; a pasted book does not


class ResponseQuerySet(models.QuerySet["Response"]):
    def awaiting_moderation(self) -> ResponseQuerySet:
        """Responses whose writers agreed to publication and nobody has decided on yet."""
        return self.filter(consent_publish=True, moderation=Moderation.PENDING)

    def published(self) -> ResponseQuerySet:
        return self.filter(consent_publish=True, moderation=Moderation.PUBLISHED)


class Response(VersionedModel, TimestampedModel):
    """One person's or organisation's response. Name and email are personal data: erased on
    request or after the retention period, leaving the answers as an anonymous response."""

    class Erasure(models.TextChoices):
        REQUEST = "request", "At the respondent's request"
        RETENTION = "retention", "At the end of the retention period"

    partnership_path: ClassVar[str] = "consultation__strategy__partnership"

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="responses"
    )
    submitted_at = models.DateTimeField(default=timezone.now)
    respondent_type = models.CharField(
        max_length=20, choices=RespondentType.choices, default=RespondentType.RESIDENT
    )
    organisation_name = models.CharField(max_length=300, blank=True)
    name = models.CharField(max_length=200, blank=True)
    email = models.EmailField(max_length=254, blank=True)
    consent_privacy = models.BooleanField(
        default=False, help_text="Read the privacy notice and agreed to it."
    )
    consent_publish = models.BooleanField(
        default=False, help_text="Agreed that their comments may be published without names."
    )
    consent_contact = models.BooleanField(
        default=False, help_text="Agreed to be told about the outcome by email."
    )
    moderation = models.CharField(
        max_length=10, choices=Moderation.choices, default=Moderation.PENDING
    )
    published_text = limited_text(
        20000, blank=True, help_text="What is shown, after names are removed."
    )
    moderated_at = models.DateTimeField(null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    retain_until = models.DateField(
        null=True, blank=True, help_text="Personal data is erased after this day."
    )
    erased_at = models.DateTimeField(null=True, blank=True)
    erasure_reason = models.CharField(max_length=10, choices=Erasure.choices, blank=True)

    objects = ResponseQuerySet.as_manager()

    class Meta:
        ordering = ["submitted_at", "id"]

    def __str__(self) -> str:
        return f"Response {self.pk} to {self.consultation}"

    @property
    def is_erased(self) -> bool:
        return self.erased_at is not None

    def redacted_text(self) -> str:
        """Every written answer, question by question, with names and contact details out:
        the moderator's starting point for what is published."""
        parts = [
            f"{answer.question.text}\n{redact(answer.comment, self.name)}"
            for answer in self.answers.select_related("question")
            if answer.comment.strip()
        ]
        return "\n\n".join(parts)

    def erase_personal_data(self, reason: str) -> None:
        """Remove who they are, keep what they said: name and email blanked, names and
        contact details taken out of their comments, equality answers deleted. The row is
        locked and read afresh (a moderator may have published since this copy was read)
        and its version raised, so a moderation form drawn before the erasure is refused
        rather than publishing the name again."""
        with transaction.atomic():
            current = Response.objects.select_for_update().get(pk=self.pk)
            for answer in self.answers.all():
                cleaned = redact(answer.comment, current.name)
                if cleaned != answer.comment:
                    answer.comment = cleaned
                    answer.save(update_fields=["comment"])
            EqualityAnswers.objects.filter(response=self).delete()
            for name in ("moderation", "moderated_at", "moderated_by_id"):
                setattr(self, name, getattr(current, name))
            self.published_text = redact(current.published_text, current.name)
            self.name = ""
            self.email = ""
            self.consent_contact = False
            self.erased_at = timezone.now()
            self.erasure_reason = reason
            self.version = current.version + 1
            self.save()


class Answer(models.Model):
    """The answer to one question: a point on the scale (priority questions) and a comment."""

    partnership_path: ClassVar[str] = "response__consultation__strategy__partnership"

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    scale = models.PositiveSmallIntegerField(null=True, blank=True, choices=Agreement.choices)
    comment = limited_text(TEXT_LIMIT, blank=True)

    class Meta:
        ordering = ["question__position", "question_id"]
        # The results page counts each question's answers per point: this index answers
        # that GROUP BY alone, without reading the answers' rows (an index-only scan).
        indexes = [models.Index(fields=["question", "scale"], name="answer_question_scale")]
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question"], name="one_answer_per_question"
            ),
            models.CheckConstraint(
                condition=models.Q(scale__isnull=True) | models.Q(scale__gte=1, scale__lte=5),
                name="scale_one_to_five",
            ),
        ]

    def __str__(self) -> str:
        return f"Answer to {self.question}"


class EqualityAnswers(models.Model):
    """Optional equality monitoring (Equality Act 2010 protected characteristics): a table of
    its own, special category data, counted in aggregate only and never published."""

    partnership_path: ClassVar[str] = "response__consultation__strategy__partnership"

    response = models.OneToOneField(Response, on_delete=models.CASCADE, related_name="equality")
    age_band = models.CharField(max_length=20, choices=AGE_BANDS, blank=True)
    sex = models.CharField(max_length=20, choices=SEXES, blank=True)
    gender_same_as_birth = models.CharField(max_length=20, choices=YES_NO, blank=True)
    ethnic_group = models.CharField(max_length=20, choices=ETHNIC_GROUPS, blank=True)
    disability = models.CharField(max_length=20, choices=YES_NO, blank=True)
    carer = models.CharField(max_length=20, choices=YES_NO, blank=True)
    sexual_orientation = models.CharField(max_length=20, choices=SEXUAL_ORIENTATIONS, blank=True)
    religion = models.CharField(max_length=20, choices=RELIGIONS, blank=True)

    class Meta:
        verbose_name_plural = "equality answers"

    def __str__(self) -> str:
        return f"Equality answers of response {self.response_id}"
