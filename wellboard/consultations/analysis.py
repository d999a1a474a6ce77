"""The results of a consultation for its administrators: counts, agreement per priority,
respondent types and the themes of what people wrote (the arithmetic and the grouping are
core/consultation's; this module reads the database and keeps the themes).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from wellboard.consultations.choices import Agreement, RespondentType
from wellboard.consultations.models import (
    Answer,
    Consultation,
    ParagraphComment,
    Question,
    Response,
    ThemeAnalysis,
)
from wellboard.core.consultation import (
    Comment,
    PriorityAgreement,
    Theme,
    Themes,
    TypeCount,
    by_type,
    find_themes,
    priority_agreement,
)
from wellboard.core.consultation.themes import Engine

# The scale as pages, charts and reports show it: agreement first.
SCALE = tuple(reversed(Agreement.values))
SCALE_LABELS = tuple(Agreement(point).label for point in SCALE)


@dataclass(frozen=True)
class Counts:
    responses: int
    residents: int
    organisations: int
    with_comments: int
    comments: int
    paragraph_comments: int


def counts(consultation: Consultation) -> Counts:
    responses = Response.objects.filter(consultation=consultation)
    written = Answer.objects.filter(response__consultation=consultation).exclude(comment="")
    return Counts(
        responses=responses.count(),
        residents=responses.filter(respondent_type=RespondentType.RESIDENT).count(),
        organisations=responses.exclude(respondent_type=RespondentType.RESIDENT).count(),
        with_comments=written.values("response").distinct().count(),
        comments=written.count(),
        paragraph_comments=ParagraphComment.objects.filter(consultation=consultation).count(),
    )


def agreement(consultation: Consultation) -> list[PriorityAgreement]:
    """One row per agreement question, in the questions' order."""
    questions = consultation.questions.filter(kind=Question.Kind.PRIORITY).select_related(
        "priority"
    )  # its label, read below, without a query per question
    points: dict[int, list[int | None]] = {q.pk: [] for q in questions}
    answers = Answer.objects.filter(question__in=questions).values_list("question_id", "scale")
    for question_id, scale in answers:
        points[question_id].append(scale)
    return [priority_agreement(_priority_label(q), points[q.pk], scale=SCALE) for q in questions]


def _priority_label(question: Question) -> str:
    return question.priority.title if question.priority else question.text


def respondent_types(consultation: Consultation) -> list[TypeCount]:
    kinds = Response.objects.filter(consultation=consultation)
    return by_type(kinds.values_list("respondent_type", flat=True), dict(RespondentType.choices))


def comments(consultation: Consultation) -> list[Comment]:
    """Every written answer and paragraph comment, keyed so a theme can point back to them:
    ("answer", id) or ("paragraph", id)."""
    answers = (
        Answer.objects.filter(response__consultation=consultation)
        .exclude(comment="")
        .values_list("pk", "comment")
    )
    paragraphs = ParagraphComment.objects.filter(consultation=consultation).values_list(
        "pk", "text"
    )
    return [Comment(("answer", pk), text) for pk, text in answers] + [
        Comment(("paragraph", pk), text) for pk, text in paragraphs
    ]


def fingerprint(found: list[Comment]) -> str:
    """A digest of the comments' keys and texts, whatever order they came in."""
    digest = hashlib.sha256()
    for key, text in sorted((repr(c.key), c.text) for c in found):
        digest.update(f"{key}\x1f{text}\x1e".encode())
    return digest.hexdigest()


@dataclass(frozen=True)
class StoredThemes:
    themes: Themes
    computed_at: datetime
    current: bool  # False when comments came in (or changed) since they were found


def stored_themes(consultation: Consultation) -> StoredThemes | None:
    """The kept themes, if any, and whether they still describe the comments."""
    kept = ThemeAnalysis.objects.filter(consultation=consultation).first()
    if kept is None:
        return None
    current = kept.fingerprint == fingerprint(comments(consultation))
    return StoredThemes(themes_from_dict(kept.result), kept.computed_at, current)


def configured_engine() -> Engine:
    """The settings' engine (settings.py accepts only auto, model or tfidf)."""
    engines: dict[str, Engine] = {"auto": "auto", "model": "model", "tfidf": "tfidf"}
    return engines[settings.CONSULTATION_THEMES_ENGINE]


def refresh_themes(consultation: Consultation, engine: Engine | None = None) -> Themes:
    """Group the comments now and keep the result (replacing the last one)."""
    found = comments(consultation)
    themes = find_themes(found, engine=engine or configured_engine())
    with transaction.atomic():
        ThemeAnalysis.objects.update_or_create(
            consultation=consultation,
            defaults={
                "engine": themes.engine,
                "fingerprint": fingerprint(found),
                "comments": themes.comments,
                "result": themes.as_dict(),
                "computed_at": timezone.now(),
            },
        )
    return themes


def current_themes(consultation: Consultation) -> Themes:
    """The kept themes when they still describe the comments, else freshly grouped."""
    kept = stored_themes(consultation)
    if kept is not None and kept.current:
        return kept.themes
    return refresh_themes(consultation)


def themes_from_dict(data: dict[str, Any]) -> Themes:
    """The inverse of Themes.as_dict() (members come back as tuples)."""
    return Themes(
        engine=data.get("engine", "tfidf"),
        comments=int(data.get("comments", 0)),
        themes=tuple(
            Theme(
                label=t["label"],
                words=tuple(t["words"]),
                size=int(t["size"]),
                quotes=tuple(t["quotes"]),
                members=tuple(tuple(m) if isinstance(m, list) else m for m in t["members"]),
            )
            for t in data.get("themes", [])
        ),
    )
