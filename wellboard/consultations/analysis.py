"""The results of a consultation for its administrators: counts, agreement per priority,
respondent types and the themes of what people wrote (the arithmetic and the grouping are
core/consultation's; this module reads the database and keeps the themes).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Count
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
    agreements_from_counts,
    by_type_counts,
    find_themes,
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


def type_counts(consultation: Consultation) -> dict[str, int]:
    """Responses per respondent type, counted by the database in one GROUP BY."""
    grouped = (
        Response.objects.filter(consultation=consultation)
        .order_by()
        .values_list("respondent_type")
        .annotate(n=Count("pk"))
    )
    return dict(grouped)


def counts(consultation: Consultation, kinds: Mapping[str, int] | None = None) -> Counts:
    """The figures in three queries whatever the number of responses (the types given by a
    caller that counted them already, as the results page does, save one)."""
    kinds = type_counts(consultation) if kinds is None else kinds
    written = (
        Answer.objects.filter(response__consultation=consultation)
        .exclude(comment="")
        .order_by()
        .aggregate(comments=Count("pk"), with_comments=Count("response", distinct=True))
    )
    total = sum(kinds.values())
    residents = kinds.get(RespondentType.RESIDENT, 0)
    return Counts(
        responses=total,
        residents=residents,
        organisations=total - residents,
        with_comments=written["with_comments"],
        comments=written["comments"],
        paragraph_comments=ParagraphComment.objects.filter(consultation=consultation).count(),
    )


def agreement(consultation: Consultation) -> list[PriorityAgreement]:
    """One row per agreement question, in the questions' order: the answers are counted per
    question and point by the database, not fetched one by one (a page reads tens of rows
    however many thousands answered)."""
    questions = list(
        consultation.questions.filter(kind=Question.Kind.PRIORITY).select_related("priority")
    )  # its label, read below, without a query per question
    points: dict[int, dict[int | None, int]] = {q.pk: {} for q in questions}
    grouped = (
        Answer.objects.filter(question_id__in=list(points))
        .order_by()
        .values_list("question_id", "scale")
        .annotate(n=Count("*"))  # not Count("pk"): the id is not in the index
    )
    for question_id, scale, n in grouped:
        points[question_id][scale] = n
    return agreements_from_counts([(_priority_label(q), points[q.pk]) for q in questions], SCALE)


def _priority_label(question: Question) -> str:
    return question.priority.title if question.priority else question.text


def respondent_types(
    consultation: Consultation, kinds: Mapping[str, int] | None = None
) -> list[TypeCount]:
    kinds = type_counts(consultation) if kinds is None else kinds
    return by_type_counts(kinds, dict(RespondentType.choices))


def comments(consultation: Consultation, ordered: bool = True) -> list[Comment]:
    """Every written answer and paragraph comment, keyed so a theme can point back to them:
    ("answer", id) or ("paragraph", id). Unordered for the fingerprint, which sorts them
    itself: the answers' question order is a join and a sort the results page can skip."""
    answers = (
        Answer.objects.filter(response__consultation=consultation)
        .exclude(comment="")
        .values_list("pk", "comment")
    )
    paragraphs = ParagraphComment.objects.filter(consultation=consultation).values_list(
        "pk", "text"
    )
    if not ordered:
        answers, paragraphs = answers.order_by(), paragraphs.order_by()
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
    current = kept.fingerprint == fingerprint(comments(consultation, ordered=False))
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
