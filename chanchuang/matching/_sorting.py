"""Fast, stable sorting and grouping helpers for non-negative integer keys."""

import numpy as np

_INT64_BITS = 63


def sort_keys(keys: np.ndarray, key_bound: int) -> tuple[np.ndarray, np.ndarray]:
    """Sort ``keys`` (ints in ``[0, key_bound)``), ties in index order.

    Returns ``(sorted_keys, order)`` with ``sorted_keys == keys[order]``. When a key and an index
    fit together into 63 bits, the index is packed into the low bits and a plain (vectorised,
    unstable) sort of the packed values gives a stable order; otherwise numpy's stable argsort is
    used.
    """
    index_bits = max(int(keys.size - 1).bit_length(), 1)
    key_bits = max(int(key_bound - 1).bit_length(), 1)
    if key_bits + index_bits > _INT64_BITS:
        order = np.argsort(keys, kind="stable")
        return keys[order], order
    packed = (keys.astype(np.int64) << index_bits) | np.arange(keys.size, dtype=np.int64)
    packed.sort()
    return packed >> index_bits, packed & ((1 << index_bits) - 1)


def argsort_keys(keys: np.ndarray, key_bound: int) -> np.ndarray:
    """Return the indices that sort ``keys`` (ints in ``[0, key_bound)``), ties in index order."""
    return sort_keys(keys, key_bound)[1]


def ragged_ranges(starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Concatenate ``range(start, start + count)`` for each pair, as one int64 array."""
    ends = np.cumsum(counts)
    shift = np.repeat(starts - (ends - counts), counts)
    return shift + np.arange(int(ends[-1]) if ends.size else 0, dtype=np.int64)


def run_starts(sorted_labels: np.ndarray) -> np.ndarray:
    """For each element of a sorted array, the index of the first element equal to it."""
    first = np.ones(sorted_labels.size, dtype=bool)
    first[1:] = sorted_labels[1:] != sorted_labels[:-1]
    starts = np.flatnonzero(first)
    return np.repeat(starts, np.diff(np.append(starts, sorted_labels.size)))


def distinct(values: np.ndarray, bound: int) -> np.ndarray:
    """The distinct values of an array of ints in ``[0, bound)``, ascending."""
    seen = np.zeros(bound, dtype=bool)
    seen[values] = True
    return np.flatnonzero(seen)
