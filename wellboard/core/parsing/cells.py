"""Cleaning the text of one table cell into a list of paragraphs.

Cells arrive from Word with several paragraphs, from spreadsheets with embedded
newlines, and from "text exports" of Word tables with the HTML of a web editor
left inside (``<p>``, ``<ul><li>``, ``<u>``, ``&amp;``). Paragraph boundaries
carry meaning for the plan builder (one action per paragraph or bullet), so
block-level tags and bullet characters become paragraph breaks and everything
else is flattened to plain text.
"""

from __future__ import annotations

import html
import re

BULLET = "\u2022"
BULLET_CHARS = "\u2022\u25e6\u25aa\u25cf\u00b7\uf0b7\uf0a7\u2023\u2043\u25a0\u25a1\u27a2"

_BREAK_TAG = re.compile(r"<\s*br\s*/?\s*>", re.IGNORECASE)
_LI_TAG = re.compile(r"<\s*li\b[^<>]*>", re.IGNORECASE)
_BLOCK_TAG = re.compile(
    r"<\s*/?\s*(?:p|div|ul|ol|li|tr|table|h[1-6]|blockquote)\b[^<>]*>", re.IGNORECASE
)
_ANY_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9:-]*(?:\s[^<>]*)?/?\s*>")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_SPACES = re.compile(r"[ \t\u00a0\u2002-\u200a\u202f\u205f\u3000]+")
_BULLET_SPLIT = re.compile(f"\\s*(?=[{BULLET_CHARS}])")
_LEADING_MARK = re.compile(f"^(?:[{BULLET_CHARS}]|[-*\u2013\u2014](?=\\s))\\s*")

AS_ABOVE = frozenset(
    {
        "as above",
        "as per above",
        "same as above",
        "see above",
        "ditto",
        "as previous",
        '"',
        "\u201d",
    }
)


def clean_cell(raw: str) -> list[str]:
    """Split raw cell text into clean, non-empty paragraphs."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n")
    if "<" in text:
        text = _strip_html(text)
    if "&" in text:
        text = html.unescape(text)
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub(" ", text)
    paragraphs: list[str] = []
    for line in text.split("\n"):
        for piece in _BULLET_SPLIT.split(line):
            cleaned = _tidy(piece)
            if cleaned:
                paragraphs.append(cleaned)
    return paragraphs


def _strip_html(text: str) -> str:
    text = _COMMENT.sub("", text)
    text = _BREAK_TAG.sub("\n", text)
    text = _LI_TAG.sub(f"\n{BULLET} ", text)
    text = _BLOCK_TAG.sub("\n", text)
    return _ANY_TAG.sub("", text)


def _tidy(piece: str) -> str:
    text = _SPACES.sub(" ", piece).strip()
    if not text:
        return ""
    if text[0] in BULLET_CHARS:
        body = text[1:].strip()
        return f"{BULLET} {body}" if body else ""
    return text


def is_bulleted(paragraph: str) -> bool:
    """Whether the paragraph starts with a bullet or dash list marker."""
    return bool(_LEADING_MARK.match(paragraph))


def strip_bullet(paragraph: str) -> str:
    """The paragraph without its leading list marker."""
    return _LEADING_MARK.sub("", paragraph, count=1).strip()


def normalise_label(text: str) -> str:
    """Lower case, punctuation dropped, spaces collapsed: the key for synonym tables."""
    lowered = text.lower().replace("&", " and ").replace("\u2019", "'").replace("'", "")
    return " ".join(re.sub(r"[^\w]+", " ", lowered).split())


def is_as_above(text: str) -> bool:
    """Whether a cell says "same as the row above" rather than giving a value."""
    stripped = text.strip()
    if stripped in AS_ABOVE:
        return True
    return normalise_label(stripped) in AS_ABOVE
