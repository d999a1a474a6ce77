"""A public consultation on a strategy: its questions and events, the responses to it, the
comments on paragraphs of the draft, and the counters that slow down abuse.

Split by concern: consultation.py (what the board asks), responses.py (what people answer,
with their consents and personal data), comments.py (comments on a paragraph of the draft),
limits.py (requests counted per client).
"""

from wellboard.consultations.models.analysis import ThemeAnalysis, YouSaidWeDid
from wellboard.consultations.models.comments import ParagraphComment
from wellboard.consultations.models.consultation import (
    Consultation,
    ConsultationEvent,
    Question,
)
from wellboard.consultations.models.limits import ClientHit
from wellboard.consultations.models.responses import Answer, EqualityAnswers, Response

__all__ = [
    "Answer",
    "ClientHit",
    "Consultation",
    "ConsultationEvent",
    "EqualityAnswers",
    "ParagraphComment",
    "Question",
    "Response",
    "ThemeAnalysis",
    "YouSaidWeDid",
]
