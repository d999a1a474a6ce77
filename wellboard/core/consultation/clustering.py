"""Deterministic grouping of unit vectors: spherical k-means, the number of groups chosen by
the silhouette score.

The same input must give the same themes every time (a board paper quoting "five themes"
cannot change on reload), so nothing here is left to chance: k-means++ seeding draws from
NumPy generators with fixed seeds, several fixed restarts keep the lowest cost, ties go to
the lowest index, and the caller puts the texts in a canonical order first.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

# Fixed restarts: more where they are cheap (a small consultation), where a poor local
# optimum would also show most.
SMALL, SEEDS_SMALL, SEEDS_LARGE = 400, tuple(range(10)), (0, 1, 2)
MAX_ITERATIONS = 60
SILHOUETTE_SAMPLE = 2500


def unit_rows(vectors: NDArray) -> NDArray[np.float64]:
    matrix = np.asarray(vectors, dtype=np.float64)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return np.divide(matrix, norms, out=np.zeros_like(matrix), where=norms > 0)


def group(vectors: NDArray, *, min_groups: int = 2, max_groups: int = 8) -> NDArray[np.int64]:
    """A group number per row (0 the largest group), the count of groups chosen between
    ``min_groups`` and ``max_groups`` by the best silhouette (the fewer on a tie)."""
    x = unit_rows(vectors)
    n = x.shape[0]
    highest = min(max_groups, n - 1)
    if n < 3 or highest < max(min_groups, 2):
        return np.zeros(n, dtype=np.int64)
    best_labels, best_score = np.zeros(n, dtype=np.int64), -np.inf
    sample = np.arange(0, n, max(1, -(-n // SILHOUETTE_SAMPLE)))
    distance = 1.0 - x[sample] @ x[sample].T  # once, for every k
    for k in range(max(min_groups, 2), highest + 1):
        labels = kmeans(x, k)
        score = silhouette(distance, labels[sample])
        if score > best_score + 1e-9:
            best_labels, best_score = labels, score
    return _by_size(best_labels)


def kmeans(x: NDArray[np.float64], k: int) -> NDArray[np.int64]:
    """The lowest-cost of a few seeded runs (cost: the sum of 1 - cosine to the centroid)."""
    best: tuple[float, NDArray[np.int64]] | None = None
    for seed in SEEDS_SMALL if x.shape[0] <= SMALL else SEEDS_LARGE:
        labels, cost = _kmeans_once(x, k, np.random.default_rng(seed))
        if best is None or cost < best[0] - 1e-9:
            best = (cost, labels)
    assert best is not None
    return best[1]


def _kmeans_once(
    x: NDArray[np.float64], k: int, rng: np.random.Generator
) -> tuple[NDArray[np.int64], float]:
    centroids = _plus_plus(x, k, rng)
    labels = np.full(x.shape[0], -1, dtype=np.int64)
    for _ in range(MAX_ITERATIONS):
        similarity = x @ centroids.T
        new = np.argmax(similarity, axis=1)  # argmax keeps the first of equal values
        if np.array_equal(new, labels):
            break
        labels = new
        centroids = _centroids(x, labels, k, similarity)
    cost = float(np.sum(1.0 - (x @ centroids.T)[np.arange(x.shape[0]), labels]))
    return labels, cost


def _plus_plus(x: NDArray[np.float64], k: int, rng: np.random.Generator) -> NDArray[np.float64]:
    """k-means++ seeding on cosine distance: each new centre drawn in proportion to how far
    the rows are from the centres already chosen."""
    chosen = [int(rng.integers(x.shape[0]))]
    distance = 1.0 - x @ x[chosen[0]]
    for _ in range(1, k):
        weights = np.clip(distance, 0.0, None)
        total = weights.sum()
        pick = int(rng.choice(x.shape[0], p=weights / total)) if total > 0 else len(chosen)
        chosen.append(pick)
        distance = np.minimum(distance, 1.0 - x @ x[pick])
    return x[chosen].copy()


def _centroids(
    x: NDArray[np.float64], labels: NDArray[np.int64], k: int, similarity: NDArray[np.float64]
) -> NDArray[np.float64]:
    centroids = np.zeros((k, x.shape[1]))
    for g in range(k):  # (np.add.at is many times slower)
        centroids[g] = x[labels == g].sum(axis=0)
    taken: set[int] = set()
    for empty in np.flatnonzero(np.bincount(labels, minlength=k) == 0):
        # An empty group restarts at the row worst served by its own centre.
        fit = similarity[np.arange(x.shape[0]), labels].copy()
        fit[list(taken)] = np.inf
        worst = int(np.argmin(fit))
        taken.add(worst)
        centroids[empty] = x[worst]
    return unit_rows(centroids)


def silhouette(distance: NDArray[np.float64], labels: NDArray[np.int64]) -> float:
    """Mean silhouette from the rows' cosine distances; rows alone in their group count 0."""
    groups = np.unique(labels)
    if len(groups) < 2:
        return -1.0
    members = (labels[:, None] == groups[None, :]).astype(np.float64)
    sums = distance @ members
    sizes = members.sum(axis=0)
    own = np.searchsorted(groups, labels)
    own_size = sizes[own]
    rows = np.arange(len(labels))
    a = np.divide(sums[rows, own], own_size - 1, out=np.zeros(len(labels)), where=own_size > 1)
    others = sums / sizes
    others[rows, own] = np.inf
    b = others.min(axis=1)
    scores = np.where(own_size > 1, (b - a) / np.maximum(np.maximum(a, b), 1e-12), 0.0)
    return float(scores.mean())


def _by_size(labels: NDArray[np.int64]) -> NDArray[np.int64]:
    """Renumber the groups largest first (first appearance breaks a tie)."""
    groups, first, counts = np.unique(labels, return_index=True, return_counts=True)
    order = sorted(range(len(groups)), key=lambda i: (-counts[i], first[i]))
    mapping = np.empty(int(groups.max()) + 1, dtype=np.int64)
    for new, i in enumerate(order):
        mapping[groups[i]] = new
    return mapping[labels]
