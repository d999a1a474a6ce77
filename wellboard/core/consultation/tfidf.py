"""TF-IDF vectors in NumPy: the fallback engine when the sentence model is not installed,
and the source of every theme's label (whichever engine grouped the comments).

Sublinear term frequency and smoothed IDF, rows scaled to unit length, as is usual for
short texts; the vocabulary is sorted so the columns never depend on the input's order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from wellboard.core.consultation.words import words


@dataclass(frozen=True)
class TfIdf:
    vocabulary: tuple[str, ...]
    matrix: NDArray[np.float64]  # one unit-length row per text (zero for a text of no words)


def tfidf(texts: Sequence[str], *, min_count: int = 1) -> TfIdf:
    """Vectors of the texts over the words used in at least ``min_count`` of them."""
    counted = [Counter(words(text)) for text in texts]
    documents = Counter(word for counts in counted for word in counts)
    vocabulary = tuple(sorted(w for w, n in documents.items() if n >= min_count))
    column = {word: i for i, word in enumerate(vocabulary)}
    matrix = np.zeros((len(texts), len(vocabulary)))
    for row, counts in enumerate(counted):
        for word, count in counts.items():
            if word in column:
                matrix[row, column[word]] = 1.0 + np.log(count)
    frequency = np.array([documents[w] for w in vocabulary], dtype=float)
    matrix *= np.log((1.0 + len(texts)) / (1.0 + frequency)) + 1.0
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    np.divide(matrix, norms, out=matrix, where=norms > 0)
    return TfIdf(vocabulary, matrix)
