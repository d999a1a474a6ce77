"""The draft under consultation, paragraph by paragraph, each with a key comments refer to.

The words are the strategy version the consultation was opened on (never edited), or the
strategy as it stands for a consultation without one. Keys name a paragraph by where it
sits in that text (``summary-2``, ``vision-1``, ``theme-3``, ``priority-3-2``): fixed,
because a version's text never changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from wellboard.consultations.models import Consultation
from wellboard.strategy.versions import strategy_text


@dataclass(frozen=True)
class Paragraph:
    key: str
    heading: str  # a theme or priority title; empty for a paragraph of the summary
    text: str
    level: str  # "summary", "vision", "theme" or "priority"


def _blocks(kind: str, text: str) -> list[Paragraph]:
    blocks = [block.strip() for block in (text or "").replace("\r\n", "\n").split("\n\n")]
    return [
        Paragraph(f"{kind}-{n}", "", block, kind)
        for n, block in enumerate((b for b in blocks if b), start=1)
    ]


def _heading(part: dict[str, Any]) -> str:
    return f"{part.get('ref', '')} {part.get('title', '')}".strip()


def text_of(consultation: Consultation) -> dict[str, Any]:
    if consultation.strategy_version is not None:
        text: dict[str, Any] = consultation.strategy_version.text
        return text
    return strategy_text(consultation.strategy)


def paragraphs(consultation: Consultation) -> list[Paragraph]:
    """The summary and vision, then each theme and its priorities, in the text's order."""
    text = text_of(consultation)
    found = _blocks("summary", text.get("summary", "")) + _blocks("vision", text.get("vision", ""))
    for t, theme in enumerate(text.get("themes", []), start=1):
        found.append(
            Paragraph(f"theme-{t}", _heading(theme), theme.get("description", ""), "theme")
        )
        for p, priority in enumerate(theme.get("priorities", []), start=1):
            found.append(
                Paragraph(
                    f"priority-{t}-{p}",
                    _heading(priority),
                    priority.get("description", ""),
                    "priority",
                )
            )
    return found


def find(consultation: Consultation, key: str) -> Paragraph | None:
    return next((p for p in paragraphs(consultation) if p.key == key), None)
