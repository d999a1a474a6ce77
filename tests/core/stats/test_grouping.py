import numpy as np

from wellboard.core.stats.grouping import group_index


def test_sorted_keys_need_no_reordering():
    index = group_index(np.array([1, 1, 2, 5, 5, 5]))
    assert index.order is None
    assert list(index.keys) == [1, 2, 5]
    assert list(index.sizes) == [2, 1, 3]
    assert list(index.sums(np.array([1.0, 2, 3, 4, 5, 6]))) == [3.0, 3.0, 15.0]
    assert index.group_numbers().tolist() == [0, 0, 1, 2, 2, 2]


def test_unsorted_string_keys():
    index = group_index(np.array(["b", "a", "b", "c", "a"]))
    assert list(index.keys) == ["a", "b", "c"]
    assert list(index.sums(np.array([1.0, 10, 100, 1000, 10_000]))) == [10_010.0, 101.0, 1000.0]
    assert index.group_numbers().tolist() == [1, 0, 1, 2, 0]


def test_no_rows():
    index = group_index(np.array([], dtype=int))
    assert index.keys.size == 0 and index.sums(np.array([])).size == 0
