"""Two versions of a strategy's text side by side, with the changed words marked.

Pure Python (difflib): the result is plain data, pieces of text each marked "same",
"deleted" or "inserted", and the page draws <del>/<ins> around them with the text escaped
by the template. No HTML is built here, so nothing a user typed can become markup.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

# Leading spaces, then words and single punctuation marks each with the spaces after it:
# joined back they give the text. Only the words are compared (spaces never count as
# "unchanged" between two changed words, nor a changed space as a changed word).
_TOKENS = re.compile(r"^\s+|\w+\s*|[^\w\s]\s*", re.UNICODE)

Piece = tuple[str, str]  # ("same" | "deleted" | "inserted", text)


@dataclass(frozen=True)
class Row:
    """One part of the text (the vision, a priority's description...) in both versions."""

    label: str
    old: list[Piece]
    new: list[Piece]

    @property
    def changed(self) -> bool:
        return any(kind != "same" for kind, _ in [*self.old, *self.new])


def word_diff(old: str, new: str) -> tuple[list[Piece], list[Piece]]:
    """The old text with deleted words marked and the new with inserted words marked."""
    a, b = _TOKENS.findall(old or ""), _TOKENS.findall(new or "")
    left: list[Piece] = []
    right: list[Piece] = []
    words_a, words_b = [t.strip() for t in a], [t.strip() for t in b]
    matcher = difflib.SequenceMatcher(None, words_a, words_b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            _add(left, "same", a[i1:i2])
            _add(right, "same", b[j1:j2])
        else:
            _add(left, "deleted", a[i1:i2])
            _add(right, "inserted", b[j1:j2])
    return left, right


def _add(pieces: list[Piece], kind: str, tokens: Sequence[str]) -> None:
    text = "".join(tokens)
    if not text:
        return
    if pieces and pieces[-1][0] == kind:
        pieces[-1] = (kind, pieces[-1][1] + text)
    else:
        pieces.append((kind, text))


def sections(text: Mapping[str, Any]) -> dict[str, tuple[str, str]]:
    """The text's parts by a key that survives edits (a theme or priority's reference, or
    its place when it has none), each with the label a reader sees."""
    parts = {
        "title": ("Title", text.get("title", "")),
        "summary": ("Summary", text.get("summary", "")),
        "vision": ("Vision", text.get("vision", "")),
    }
    for t, theme in enumerate(text.get("themes", []), start=1):
        tkey = f"theme:{theme.get('ref') or t}"
        name = f"Theme {theme.get('ref') or t}"
        parts[tkey] = (name, theme.get("title", ""))
        parts[f"{tkey}:description"] = (f"{name}: description", theme.get("description", ""))
        for p, priority in enumerate(theme.get("priorities", []), start=1):
            pkey = f"{tkey}:priority:{priority.get('ref') or p}"
            pname = f"Priority {priority.get('ref') or f'{t}.{p}'}"
            parts[pkey] = (pname, priority.get("title", ""))
            parts[f"{pkey}:description"] = (
                f"{pname}: description",
                priority.get("description", ""),
            )
    return parts


def compare(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[Row]:
    """Every part of either version, in the new version's order then parts it dropped;
    parts empty in both are left out."""
    before, after = sections(old), sections(new)
    keys = list(after) + [k for k in before if k not in after]
    rows = []
    for key in keys:
        label = (after.get(key) or before[key])[0]
        was, now = before.get(key, ("", ""))[1], after.get(key, ("", ""))[1]
        if was or now:
            rows.append(Row(label, *word_diff(was, now)))
    return rows
