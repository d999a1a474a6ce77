"""Free-text comments grouped into themes, each with a label, a size and quotes.

Two engines: the sentence model (embedding.py, when installed) groups comments that say the
same thing in different words; TF-IDF (tfidf.py) groups comments that share words, and runs
anywhere. Either way the labels come from the words that set a theme apart from the others
(class-based TF-IDF) and the quotes are the comments nearest the theme's centre. Comments are
put in a canonical order (by text, then key) first, so the same comments give the same
themes whatever order the database returns them in.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from wellboard.core.consultation import clustering, embedding
from wellboard.core.consultation.tfidf import TfIdf, tfidf

Engine = Literal["auto", "model", "tfidf"]
ENGINE_NAMES = {"model": "sentence model (all-MiniLM-L6-v2)", "tfidf": "TF-IDF word overlap"}
LABEL_WORDS = 3
QUOTES = 3


@dataclass(frozen=True)
class Comment:
    key: Hashable  # e.g. (response id, question id): what the theme's members point back to
    text: str


@dataclass(frozen=True)
class Theme:
    label: str
    words: tuple[str, ...]
    size: int
    quotes: tuple[str, ...]
    members: tuple[Hashable, ...]


@dataclass(frozen=True)
class Themes:
    engine: str  # "model" or "tfidf"
    themes: tuple[Theme, ...]
    comments: int

    @property
    def engine_name(self) -> str:
        return ENGINE_NAMES[self.engine]

    def as_dict(self) -> dict[str, object]:
        """The JSON shape `wellboard consultation themes --json` prints."""
        return {
            "engine": self.engine,
            "comments": self.comments,
            "themes": [
                {
                    "label": t.label,
                    "words": list(t.words),
                    "size": t.size,
                    "share": round(t.size / self.comments, 4) if self.comments else 0.0,
                    "quotes": list(t.quotes),
                    "members": [list(m) if isinstance(m, tuple) else m for m in t.members],
                }
                for t in self.themes
            ],
        }


def choose_engine(engine: Engine = "auto") -> str:
    """ "model" when asked for or available; ModelUnavailable if asked for and missing."""
    if engine == "tfidf":
        return "tfidf"
    if engine == "model" or embedding.is_available():
        embedding.model_directory()
        return "model"
    return "tfidf"


def find_themes(
    comments: Sequence[Comment], *, engine: Engine = "auto", max_themes: int = 8
) -> Themes:
    """Themes of the non-blank comments, largest first."""
    kept = sorted(
        (Comment(c.key, " ".join(c.text.split())) for c in comments if c.text.strip()),
        key=lambda c: (c.text, repr(c.key)),
    )
    chosen = choose_engine(engine)
    if not kept:
        return Themes(chosen, (), 0)
    texts = [c.text for c in kept]
    words = tfidf(texts)
    vectors = embedding.embed(texts) if chosen == "model" else words.matrix
    x = clustering.unit_rows(vectors)
    labels = clustering.group(x, max_groups=min(max_themes, max(1, len(kept) // 4)))
    themes = [_theme(kept, x, words, labels, g) for g in range(int(labels.max()) + 1)]
    return Themes(chosen, tuple(themes), len(kept))


def _theme(
    kept: Sequence[Comment], x: NDArray, words: TfIdf, labels: NDArray[np.int64], g: int
) -> Theme:
    inside = np.flatnonzero(labels == g)
    label_words = _distinctive_words(words, labels == g)
    return Theme(
        label=(", ".join(label_words) or "other comments").capitalize(),
        words=label_words,
        size=len(inside),
        quotes=_quotes(kept, x, inside),
        members=tuple(kept[int(i)].key for i in inside),
    )


def _distinctive_words(words: TfIdf, inside: NDArray[np.bool_]) -> tuple[str, ...]:
    """Words weighing more inside the theme than outside it, the heaviest first (ties in
    alphabetical order, which is the vocabulary's order)."""
    if not words.vocabulary:
        return ()
    within = words.matrix[inside].mean(axis=0)
    without = words.matrix[~inside].mean(axis=0) if (~inside).any() else 0.0
    score = within - without
    present = (words.matrix[inside] > 0).sum(axis=0)
    # A word used by one comment of a larger theme does not name the theme.
    score = np.where(present >= min(2, int(inside.sum())), score, -np.inf)
    order = np.lexsort((np.arange(len(score)), -score))
    return tuple(words.vocabulary[i] for i in order[:LABEL_WORDS] if score[i] > 0)


def _quotes(kept: Sequence[Comment], x: NDArray, inside: NDArray[np.int64]) -> tuple[str, ...]:
    """The distinct comments nearest the theme's centre."""
    centre = x[inside].mean(axis=0)
    closeness = x[inside] @ centre
    order = inside[np.lexsort((inside, -closeness))]
    quotes: list[str] = []
    for i in order:
        if kept[i].text not in quotes:
            quotes.append(kept[i].text)
        if len(quotes) == QUOTES:
            break
    return tuple(quotes)
