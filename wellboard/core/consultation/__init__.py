"""Consultation analysis without Django: themes of free-text comments (themes.py, with the
sentence model in embedding.py or TF-IDF in tfidf.py, grouped by clustering.py), agreement
per priority with Wilson intervals (agreement.py), and invented responses for the demo
(invented.py, topics.py)."""

from wellboard.core.consultation.agreement import (
    PriorityAgreement,
    TypeCount,
    agreement_from_counts,
    agreements_from_counts,
    by_type,
    by_type_counts,
    priority_agreement,
)
from wellboard.core.consultation.embedding import ModelUnavailable
from wellboard.core.consultation.invented import InventedResponse, invent_responses
from wellboard.core.consultation.themes import Comment, Theme, Themes, find_themes

__all__ = [
    "Comment",
    "InventedResponse",
    "ModelUnavailable",
    "PriorityAgreement",
    "Theme",
    "Themes",
    "TypeCount",
    "agreement_from_counts",
    "agreements_from_counts",
    "by_type",
    "by_type_counts",
    "find_themes",
    "invent_responses",
    "priority_agreement",
]
