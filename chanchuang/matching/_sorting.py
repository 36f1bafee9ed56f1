"""Fast, stable sorting and grouping helpers for non-negative integer keys."""

import numpy as np

_INT64_BITS = 63
_CHUNK = 1 << 20


def sort_keys(keys: np.ndarray, key_bound: int) -> np.ndarray:
    """Sort ``keys`` (int64 in ``[0, key_bound)``) in place, ties in index order; return the
    order, i.e. the original index of each sorted key.

    When a key and an index fit together into 63 bits, the index is packed into the low bits
    and a plain (vectorised, unstable) sort of the packed values gives a stable order; otherwise
    numpy's stable argsort is used.
    """
    index_bits = max(int(keys.size - 1).bit_length(), 1)
    key_bits = max(int(key_bound - 1).bit_length(), 1)
    if key_bits + index_bits > _INT64_BITS:
        order = np.argsort(keys, kind="stable")
        keys[:] = keys[order]
        return order
    keys <<= index_bits
    for start in range(0, keys.size, _CHUNK):  # chunks keep the index temporary small
        keys[start : start + _CHUNK] |= np.arange(start, min(start + _CHUNK, keys.size))
    keys.sort()
    order = keys & ((1 << index_bits) - 1)
    keys >>= index_bits
    return order


def ragged_ranges(starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Concatenate ``range(start, start + count)`` for each pair, as one int64 array."""
    ends = np.cumsum(counts)
    shift = np.repeat(starts - (ends - counts), counts)
    return shift + np.arange(int(ends[-1]) if ends.size else 0, dtype=np.int64)


def run_starts(sorted_labels: np.ndarray) -> np.ndarray:
    """For each element of a sorted array, the index of the first element equal to it."""
    return group_starts(_new_run(sorted_labels))


def group_starts(starts_group: np.ndarray) -> np.ndarray:
    """For each element, the index of the first element of its group, given a boolean array
    that is true where a group starts (and at index 0)."""
    starts = np.arange(starts_group.size, dtype=np.int64)
    starts[~starts_group] = 0
    np.maximum.accumulate(starts, out=starts)
    return starts


def _new_run(sorted_labels: np.ndarray) -> np.ndarray:
    first = np.ones(sorted_labels.size, dtype=bool)
    np.not_equal(sorted_labels[1:], sorted_labels[:-1], out=first[1:])
    return first


def distinct(values: np.ndarray, bound: int) -> np.ndarray:
    """The distinct values of an array of ints in ``[0, bound)``, ascending."""
    seen = np.zeros(bound, dtype=bool)
    seen[values] = True
    return np.flatnonzero(seen)
