"""Grouped sums without a Python loop per group.

Rows are put in group order once (a stable argsort, skipped when the keys are already sorted,
as they are when each group's rows are contiguous and the groups come in key order), and every
per-group total is then one ``np.add.reduceat`` over the run starts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray


@dataclass(frozen=True)
class GroupIndex:
    """Where each group's run of rows starts once the rows are in key order."""

    keys: NDArray[Any]
    starts: NDArray[np.intp]
    order: NDArray[np.intp] | None
    n_rows: int

    @property
    def sizes(self) -> NDArray[np.intp]:
        return np.diff(np.append(self.starts, self.n_rows))

    def sorted(self, values: NDArray) -> NDArray:
        """The values put in group order (a view when no reordering is needed)."""
        return values if self.order is None else values[self.order]

    def sums(self, values: NDArray) -> NDArray:
        """Per-group totals of one row-aligned array, in the order of ``keys``."""
        if self.n_rows == 0:
            return np.zeros(0, dtype=np.result_type(values, np.float64))
        return np.add.reduceat(self.sorted(values), self.starts)

    def group_numbers(self) -> NDArray[np.intp]:
        """Each row's group as a position in ``keys``, in the rows' original order."""
        numbers = np.repeat(np.arange(self.starts.size), self.sizes)
        if self.order is None:
            return numbers
        out = np.empty(self.n_rows, dtype=np.intp)
        out[self.order] = numbers
        return out

    def broadcast(self, per_group: NDArray) -> NDArray:
        """Repeat one value per group back out to the group-ordered rows."""
        return np.repeat(per_group, self.sizes)


def group_index(keys: ArrayLike) -> GroupIndex:
    """Index the rows by group key; keys may be numbers or strings, in any order."""
    key_array = np.asarray(keys)
    if key_array.ndim != 1:
        raise ValueError("group keys must be one-dimensional")
    n_rows = key_array.shape[0]
    if n_rows == 0:
        return GroupIndex(key_array, np.zeros(0, dtype=np.intp), None, 0)
    order: NDArray[np.intp] | None = None
    ordered = key_array
    if np.any(key_array[1:] < key_array[:-1]):
        order = np.argsort(key_array, kind="stable")
        ordered = key_array[order]
    changes = np.flatnonzero(ordered[1:] != ordered[:-1]) + 1
    starts = np.concatenate((np.zeros(1, dtype=np.intp), changes.astype(np.intp)))
    return GroupIndex(ordered[starts], starts, order, n_rows)
