"""Matching instances, their validation, and single tie-breaking by one seeded lottery.

An instance has students, each with an ordered list of positions (best first; incomplete lists
are allowed), and positions, each with a capacity >= 0 and a priority over students given either
as a ranking (best first; a nested list is a group of equal rank; a student not listed is
unacceptable) or as scores (higher is better; a student without a score is unacceptable).

Ties are broken by *single tie-breaking*: one lottery order over all students, drawn from a seed
and shared by every position. Within a tie group (or among equal scores) the student drawn earlier
in the lottery ranks higher. The lottery is defined exactly as::

    ids = sorted(instance.student_ids)                 # Python string order (code points)
    draw = numpy.random.default_rng(seed).permutation(len(ids))
    lottery = [ids[i] for i in draw]                   # lottery[0] is drawn first, wins ties

so a stored seed reproduces the same strict priorities, whatever order the students come in.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Iterable, Mapping, Sequence
from functools import cached_property
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from chanchuang.matching._sorting import run_starts, sort_keys

INSTANCE_KEYS = frozenset({"students", "positions", "seed"})
POSITION_KEYS = frozenset({"capacity", "ranking", "scores"})
_KEY_BITS = 63
"""Bits of an int64 sort key that hold a non-negative value."""
_CHUNK = 1 << 20
"""Elements per slice when building or reading the join's sort keys (small temporaries)."""


class InstanceError(ValueError):
    """Raised for a malformed instance; the message names the offending entry."""


def check_seed(seed: object, where: str) -> int | None:
    """Return ``seed`` if it is ``None`` or a non-negative integer, else raise InstanceError."""
    if seed is None:
        return None
    if isinstance(seed, bool) or not isinstance(seed, int | np.integer) or seed < 0:
        raise InstanceError(f"{where}: must be a non-negative integer, got {seed!r}")
    return int(seed)


def _index_dtype(count: int) -> type[np.signedinteger[Any]]:
    """The dtype for values in ``[0, count)``: int32 when they fit, else int64."""
    return np.int32 if count <= np.iinfo(np.int32).max + 1 else np.int64


def _check_ids(ids: Sequence[str], where: str) -> tuple[tuple[str, ...], np.ndarray]:
    """The ids as a tuple, and their indices in Python string order (code points).

    Raises InstanceError naming an id that is not a string or that is repeated (sorting finds
    repeats as neighbours, which for a million ids is cheaper than building a set).
    """
    ids = tuple(ids)
    if not _all_of_type(ids, str):
        bad = next(item for item in ids if not isinstance(item, str))
        raise InstanceError(f"{where}: id {bad!r} is not a string")
    dtype = _index_dtype(len(ids))
    if all(map(operator.lt, ids, itertools.islice(ids, 1, None))):  # sorted, so distinct
        return ids, np.arange(len(ids), dtype=dtype)
    order = sorted(range(len(ids)), key=ids.__getitem__)
    in_order = list(map(ids.__getitem__, order))
    if any(map(operator.eq, in_order, itertools.islice(in_order, 1, None))):
        seen: set[str] = set()
        for item in ids:
            if item in seen:
                raise InstanceError(f"{where}: duplicate id {item!r}")
            seen.add(item)
    return ids, np.fromiter(order, dtype=dtype, count=len(ids))


def _integers(values: ArrayLike, where: str) -> np.ndarray:
    """``values`` as a one-dimensional integer array (not copied; empty input gives int64)."""
    array = np.asarray(values)
    if array.size == 0:
        return np.zeros(0, dtype=np.int64)
    if array.ndim != 1 or not np.issubdtype(array.dtype, np.integer):
        raise InstanceError(f"{where}: expected a one-dimensional array of integers")
    return array


def _check_offsets(offsets: np.ndarray, count: int, total: int, where: str) -> None:
    if offsets.size != count + 1 or offsets[0] != 0 or offsets[-1] != total:
        raise InstanceError(f"{where}: expected {count + 1} offsets from 0 to {total}")
    if np.any(np.diff(offsets) < 0):
        raise InstanceError(f"{where}: offsets must not decrease")


def _first(mask: np.ndarray) -> int | None:
    hits = np.flatnonzero(mask)
    return int(hits[0]) if hits.size else None


def _first_outside(array: np.ndarray, bound: int) -> int | None:
    """The index of the first value outside ``[0, bound)``, or None. (Two reductions settle the
    usual case, every value in range, without any temporary array.)"""
    if not array.size or (array.min() >= 0 and array.max() < bound):
        return None
    return _first((array < 0) | (array >= bound))


def _segment_of(offsets: np.ndarray, index: int) -> int:
    """The segment holding ``index``: the ``i`` with ``offsets[i] <= index < offsets[i + 1]``."""
    return int(np.searchsorted(offsets, index, side="right")) - 1


def _segments(offsets: np.ndarray, start: int, stop: int) -> np.ndarray:
    """The segment of each index in ``range(start, stop)`` (see :func:`_segment_of`)."""
    first, last = _segment_of(offsets, start), _segment_of(offsets, stop - 1)
    bounds = np.clip(offsets[first : last + 2], start, stop)
    return np.repeat(np.arange(first, last + 1), np.diff(bounds))


def _frozen(array: np.ndarray) -> np.ndarray:
    array.setflags(write=False)
    return array


class Instance:
    """A many-to-one matching instance: students' choices, positions' capacities and priorities.

    Build one with :meth:`from_dict` (the JSON format) or, for large instances, directly from
    arrays with the constructor. Either way everything is validated and an
    :class:`InstanceError` names the first offending entry. All arrays are read-only numpy
    arrays, the instance's own copies; offsets and capacities are int64, ids (indices of
    students and positions), ranks and indices of choices and entries are int32 (int64 only
    beyond 2**31 - 1), values are float64 and flags bool:

    - ``choice_offsets``, ``choice_positions``, ``choice_students``: the students' choices as
      one flat list (student ``i``'s are ``choice_offsets[i]:choice_offsets[i + 1]``, best
      first), with each choice's position and student;
    - ``capacities``, ``uses_scores``: per position;
    - ``priority_offsets``, ``priority_students``, ``priority_values``: the positions'
      priority entries as one flat list, best first within each position;
    - ``base_ranks``: each entry's 0-based place in its position's order, ties not yet broken
      (tied entries share the place of the first of their group);
    - ``choice_base_ranks``: the same for each choice's student at its position (``-1``: the
      position does not accept the student);
    - ``tied_entries``, ``tied_groups``: the entries in tie groups, and a label per group
      (ascending);
    - ``tied_choices``, ``tied_choice_entries``: the choices whose student is in a tie group at
      the chosen position, and that entry.
    """

    def __init__(
        self,
        *,
        student_ids: Sequence[str],
        position_ids: Sequence[str],
        choice_offsets: ArrayLike,
        choice_positions: ArrayLike,
        capacities: ArrayLike,
        priority_offsets: ArrayLike,
        priority_students: ArrayLike,
        priority_values: ArrayLike,
        uses_scores: ArrayLike,
        seed: int | None = None,
    ) -> None:
        """Validate and store an instance given as arrays.

        Student ``i``'s choices are ``choice_positions[choice_offsets[i]:choice_offsets[i + 1]]``
        (position indices, best first). Position ``p``'s priority entries are
        ``priority_students[priority_offsets[p]:priority_offsets[p + 1]]`` with one value each:
        if ``uses_scores[p]`` the value is a score (higher is better), otherwise it is a rank
        group number (lower is better; equal numbers are tied). Students without an entry are
        unacceptable to ``p``. ``seed`` is the instance's default lottery seed.

        Any integer dtype will do for the index arrays (and any real dtype for the values); the
        inputs are copied, never modified or kept. Building is fastest when each position's
        entries already come best first (e.g. from ``ORDER BY position, score DESC``).
        """
        self.student_ids, self._sorted_student_order = _check_ids(student_ids, "students")
        self.position_ids, _ = _check_ids(position_ids, "positions")
        self.seed = check_seed(seed, "seed")
        choices = self._read_choices(choice_offsets, choice_positions)
        self._read_capacities(capacities)
        entry_students = self._read_priorities(
            priority_offsets, priority_students, priority_values, uses_scores
        )
        self._rank_before_tie_breaking()
        self._join_choices_to_entries(choices, entry_students)
        # The compact copies come last, into memory the join has just freed (on some virtual
        # machines, memory a process has not touched recently is several times slower).
        n_students, n_positions = len(self.student_ids), len(self.position_ids)
        self.choice_positions = choices.astype(_index_dtype(n_positions))
        self.choice_students = np.repeat(
            np.arange(n_students, dtype=_index_dtype(n_students)), np.diff(self.choice_offsets)
        )
        self.priority_students = entry_students.astype(_index_dtype(n_students))
        for name, value in vars(self).items():
            if isinstance(value, np.ndarray):
                setattr(self, name, _frozen(value))

    def _read_choices(self, offsets: ArrayLike, positions: ArrayLike) -> np.ndarray:
        """Validate and store the choice offsets; return the validated (uncopied) positions."""
        choice_positions = _integers(positions, "choice_positions")
        self.choice_offsets = _integers(offsets, "choice_offsets").astype(np.int64)
        _check_offsets(self.choice_offsets, len(self.student_ids), choice_positions.size, "choices")
        bad = _first_outside(choice_positions, len(self.position_ids))
        if bad is not None:
            student = self.student_ids[_segment_of(self.choice_offsets, bad)]
            index = choice_positions[bad]
            raise InstanceError(f"students.{student}: position index {index} is out of range")
        return choice_positions

    def _read_capacities(self, capacities: ArrayLike) -> None:
        self.capacities = _integers(capacities, "capacities").astype(np.int64)
        if self.capacities.size != len(self.position_ids):
            raise InstanceError(f"capacities: expected {len(self.position_ids)} capacities")
        bad = _first(self.capacities < 0)
        if bad is not None:
            raise InstanceError(
                f"positions.{self.position_ids[bad]}.capacity: must be a non-negative integer,"
                f" got {self.capacities[bad]}"
            )

    def _read_priorities(
        self, offsets: ArrayLike, students: ArrayLike, values: ArrayLike, uses_scores: ArrayLike
    ) -> np.ndarray:
        """Validate and store the offsets, flags and values (a float64 copy), best first within
        each position; return the validated students in the same order (uncopied if the
        entries came best first)."""
        n_positions = len(self.position_ids)
        self.uses_scores = np.array(uses_scores, dtype=bool).reshape(-1)
        if self.uses_scores.size != n_positions:
            raise InstanceError(f"uses_scores: expected {n_positions} flags")
        entry_students = _integers(students, "priority_students")
        entry_values = np.array(values, dtype=np.float64).reshape(-1)
        self.priority_offsets = _integers(offsets, "priority_offsets").astype(np.int64)
        _check_offsets(self.priority_offsets, n_positions, entry_students.size, "priorities")
        if entry_values.size != entry_students.size:
            raise InstanceError("priority_values: expected one value per priority entry")
        bad = _first_outside(entry_students, len(self.student_ids))
        if bad is not None:
            raise InstanceError(
                f"{self._priority_name(_segment_of(self.priority_offsets, bad))}: student index"
                f" {entry_students[bad]} is out of range"
            )
        if not np.isfinite(entry_values).all():
            bad = int(np.flatnonzero(~np.isfinite(entry_values))[0])
            raise InstanceError(
                f"{self._priority_name(_segment_of(self.priority_offsets, bad))}:"
                f" value for student {self.student_ids[entry_students[bad]]!r} must be a finite"
                f" number, got {entry_values[bad]}"
            )
        order = self._best_first_order(entry_values)
        if order is not None:
            entry_students, entry_values = entry_students[order], entry_values[order]
        self.priority_values = entry_values
        return entry_students

    def _best_first_order(self, values: np.ndarray) -> np.ndarray | None:
        """The (stable) order putting each position's entries best first; None if they already
        are, which is checked without building sort keys."""
        if values.size < 2:
            return None
        counts = np.diff(self.priority_offsets)
        later_better = np.empty(values.size - 1, dtype=bool)
        if self.uses_scores.all():
            np.greater(values[1:], values[:-1], out=later_better)
        elif not self.uses_scores.any():
            np.less(values[1:], values[:-1], out=later_better)
        else:
            later_better[:] = np.where(
                np.repeat(self.uses_scores, counts)[1:],
                values[1:] > values[:-1],
                values[1:] < values[:-1],
            )
        starts = self.priority_offsets[1:-1]
        later_better[starts[(starts > 0) & (starts < values.size)] - 1] = False  # other position
        if not later_better.any():
            return None
        positions = np.repeat(np.arange(self.uses_scores.size), counts)
        keys = np.where(self.uses_scores[positions], -values, values)  # lower is better
        return np.lexsort((keys, positions))

    def _priority_name(self, position: int) -> str:
        kind = "scores" if self.uses_scores[position] else "ranking"
        return f"positions.{self.position_ids[position]}.{kind}"

    def _rank_before_tie_breaking(self) -> None:
        """Set ``base_ranks``, ``tied_entries`` and ``tied_groups`` from the entries' values
        (equal values within a position are tied, whether scores or rank group numbers)."""
        values, offsets = self.priority_values, self.priority_offsets
        n_entries = values.size
        dtype = _index_dtype(n_entries)
        starts_group = np.ones(n_entries, dtype=bool)
        np.not_equal(values[1:], values[:-1], out=starts_group[1:])
        starts_group[offsets[:-1][offsets[:-1] < n_entries]] = True
        alone = starts_group.copy()
        alone[:-1] &= starts_group[1:]  # the next entry starts a group too
        np.logical_not(alone, out=alone)
        self.tied_entries = np.flatnonzero(alone).astype(dtype)
        del alone
        ranks = np.arange(n_entries, dtype=dtype)
        if self.tied_entries.size:
            ranks *= starts_group
            np.maximum.accumulate(ranks, out=ranks)  # the first entry of each entry's group
        self.tied_groups = ranks[self.tied_entries]
        firsts = offsets[:-1].astype(dtype)  # each position's first entry
        for start in range(0, n_entries, _CHUNK):
            stop = min(start + _CHUNK, n_entries)
            ranks[start:stop] -= firsts[_segments(offsets, start, stop)]
        self.base_ranks = ranks

    def _join_choices_to_entries(self, choices: np.ndarray, entry_students: np.ndarray) -> None:
        """Find each choice's priority entry, rejecting duplicates; set ``choice_base_ranks``,
        ``tied_choices`` and ``tied_choice_entries``.

        Entries and choices are sorted together by their pair (student, position), so that a
        pair's entry and choice become neighbours (see :meth:`_sorted_join_keys`); the keys are
        then read in slices, to keep temporaries small. An entry's base rank is its place among
        its position's entries, unless it is tied behind the first of its group.
        """
        n_positions = max(len(self.position_ids), 1)
        n_entries, n_choices = entry_students.size, choices.size
        keys, order, place_bits = self._sorted_join_keys(choices, entry_students)
        pair_shift, place_mask = place_bits + 1, (1 << place_bits) - 1
        is_tied = np.zeros(n_entries if self.tied_entries.size else 0, dtype=bool)
        is_tied[self.tied_entries] = True
        choice_base_ranks = np.full(n_choices, -1, dtype=self.base_ranks.dtype)
        tied_choices, tied_choice_entries = [], []
        for start in range(0, keys.size, _CHUNK):
            chunk = keys[start : start + _CHUNK + 1]
            pairs = chunk >> pair_shift
            firsts = np.flatnonzero(pairs[1:] == pairs[:-1])  # neighbours with the same pair
            first, second = chunk[firsts], chunk[firsts + 1]
            if not np.all((first ^ second) & (1 << place_bits)):  # not an entry and a choice
                self._raise_duplicate(keys, place_bits)
            if order is None:  # the key gives the pair and the places
                students = first >> pair_shift
                students //= n_positions
                matched = second & place_mask
                matched += self.choice_offsets[students]
                first &= place_mask
                if not is_tied.size:  # no ties: every base rank is the entry's place
                    choice_base_ranks[matched] = first
                    continue
                positions = second >> pair_shift
                positions -= students * n_positions
                entries = first + self.priority_offsets[positions]
            else:
                firsts += start
                entries, matched = order[firsts], order[firsts + 1] - n_entries
            choice_base_ranks[matched] = self.base_ranks[entries]
            if is_tied.size:
                tied = is_tied[entries]
                tied_choices.append(matched[tied])
                tied_choice_entries.append(entries[tied])
        self.choice_base_ranks = choice_base_ranks
        self.tied_choices = _concatenated(tied_choices, _index_dtype(n_choices))
        self.tied_choice_entries = _concatenated(tied_choice_entries, _index_dtype(n_entries))

    def _sorted_join_keys(
        self, choices: np.ndarray, entry_students: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray | None, int]:
        """One sorted int64 key per entry and per choice; returns the keys, the order that
        sorted them (None when the keys themselves carry the indices) and ``place_bits``.

        A key is ``pair << (place_bits + 1) | flag << place_bits | place``: the pair is
        ``student * n_positions + position``, the flag 0 for an entry and 1 for a choice, and
        the place the entry's among its position's entries or the choice's in its student's
        list. Sorted, an entry and a choice of the same pair are neighbours (entry first), and
        pair and place give back each one's index. Ordering pairs by student keeps the writes
        to ``choice_base_ranks`` nearly sequential. If the three parts do not fit in 63 bits,
        keys hold only pair and flag (``place_bits`` is 0) and an argsort keeps the indices.
        """
        n_students, n_positions = max(len(self.student_ids), 1), max(len(self.position_ids), 1)
        longest = max(
            int(np.diff(self.priority_offsets).max(initial=1)),
            int(np.diff(self.choice_offsets).max(initial=1)),
        )
        place_bits = (longest - 1).bit_length()
        packed = (2 * n_students * n_positions - 1).bit_length() + place_bits <= _KEY_BITS
        if not packed:
            place_bits = 0
        pair_shift = place_bits + 1
        # key = one factor * an index array + a base per position (entries) or per student
        # (choices) + the element's index, the base holding the other half of the pair, the
        # flag, and minus the index of the position's first entry or the student's first choice
        entry_base = np.arange(n_positions, dtype=np.int64) << pair_shift
        choice_base = np.arange(n_students, dtype=np.int64) * (n_positions << pair_shift)
        choice_base += 1 << place_bits
        if packed:
            entry_base[: len(self.position_ids)] -= self.priority_offsets[:-1]
            choice_base[: len(self.student_ids)] -= self.choice_offsets[:-1]
        keys = np.empty(entry_students.size + choices.size, dtype=np.int64)
        for part, indices, factor, offsets, base in (
            (keys[: entry_students.size], entry_students, n_positions << pair_shift,
             self.priority_offsets, entry_base),
            (keys[entry_students.size :], choices, 1 << pair_shift, self.choice_offsets,
             choice_base),
        ):  # fmt: skip
            for start in range(0, part.size, _CHUNK):
                stop = min(start + _CHUNK, part.size)
                chunk = part[start:stop]
                np.multiply(indices[start:stop], factor, out=chunk, dtype=np.int64)
                chunk += base[_segments(offsets, start, stop)]
                if packed:
                    chunk += np.arange(start, stop)
        if packed:
            keys.sort()
            return keys, None, place_bits
        order = np.argsort(keys)
        return keys[order], order, place_bits

    def _raise_duplicate(self, keys: np.ndarray, place_bits: int) -> None:
        """Raise naming the duplicate first in (position, student) order: a student listed
        twice by a position, or a position listed twice by a student."""
        n_positions = max(len(self.position_ids), 1)
        keys = keys >> place_bits  # pair << 1 | flag
        repeated = keys[1:][keys[1:] == keys[:-1]]
        pairs, is_choice = repeated >> 1, repeated & 1
        students, positions = pairs // n_positions, pairs % n_positions
        first = int(np.lexsort((is_choice, students, positions))[0])
        student_id = self.student_ids[students[first]]
        position = int(positions[first])
        if is_choice[first]:
            position_id = self.position_ids[position]
            raise InstanceError(f"students.{student_id}: position {position_id!r} is listed twice")
        raise InstanceError(
            f"{self._priority_name(position)}: student {student_id!r} is listed twice"
        )

    @cached_property
    def student_index(self) -> dict[str, int]:
        """Student id -> index."""
        return {student: index for index, student in enumerate(self.student_ids)}

    @cached_property
    def position_index(self) -> dict[str, int]:
        """Position id -> index."""
        return {position: index for index, position in enumerate(self.position_ids)}

    def choices_of(self, student: int) -> np.ndarray:
        """Position indices chosen by student index ``student``, best first."""
        start, stop = self.choice_offsets[student], self.choice_offsets[student + 1]
        return self.choice_positions[start:stop]

    def lottery(self, seed: int) -> np.ndarray:
        """Each student's lottery number for ``seed`` (0 is drawn first and wins every tie)."""
        draw = np.random.default_rng(seed).permutation(len(self.student_ids))
        numbers = np.empty(len(self.student_ids), dtype=np.int64)
        numbers[self._sorted_student_order[draw]] = np.arange(draw.size)
        return numbers

    def priorities(self, seed: int) -> Priorities:
        """The positions' priorities made strict by the lottery drawn from ``seed``."""
        return Priorities(self, seed)

    @classmethod
    def from_dict(cls, data: object) -> Instance:
        """Build an instance from the JSON format, e.g.::

        {"students": {"S1": ["P1", "P2"]},
         "positions": {"P1": {"capacity": 2, "ranking": ["S3", ["S1", "S4"], "S2"]},
                       "P2": {"capacity": 1, "scores": {"S1": 91.5, "S2": 78}}},
         "seed": 7}
        """
        data = _mapping(data, "instance")
        unknown = sorted(set(data) - INSTANCE_KEYS)
        if unknown:
            raise InstanceError(f"instance: unknown key {unknown[0]!r}")
        students = _mapping(data.get("students"), "students")
        positions = _mapping(data.get("positions"), "positions")
        student_index = {student: index for index, student in enumerate(students)}
        position_index = {position: index for index, position in enumerate(positions)}

        choice_positions: list[int] = []
        choice_counts: list[int] = []
        for student, choices in students.items():
            if not isinstance(choices, list):
                raise InstanceError(f"students.{student}: expected a list of position ids")
            choice_positions.extend(
                _indexes(choices, position_index, "position", f"students.{student}")
            )
            choice_counts.append(len(choices))

        capacities: list[int] = []
        uses_scores: list[bool] = []
        priority_students: list[int] = []
        priority_values: list[float] = []
        priority_counts: list[int] = []
        for position, spec in positions.items():
            where = f"positions.{position}"
            spec = _mapping(spec, where)
            unknown = sorted(set(spec) - POSITION_KEYS)
            if unknown:
                raise InstanceError(f"{where}: unknown key {unknown[0]!r}")
            capacity = spec.get("capacity")
            if isinstance(capacity, bool) or not isinstance(capacity, int):
                raise InstanceError(
                    f"{where}.capacity: must be a non-negative integer, got {capacity!r}"
                )
            capacities.append(capacity)
            if ("ranking" in spec) == ("scores" in spec):
                raise InstanceError(f"{where}: give exactly one of 'ranking' and 'scores'")
            uses_scores.append("scores" in spec)
            if "scores" in spec:
                entries = _score_entries(spec["scores"], student_index, f"{where}.scores")
            else:
                entries = _ranking_entries(spec["ranking"], student_index, f"{where}.ranking")
            priority_students.extend(entries[0])
            priority_values.extend(entries[1])
            priority_counts.append(len(entries[0]))

        return cls(
            student_ids=list(students),
            position_ids=list(positions),
            choice_offsets=np.cumsum([0, *choice_counts]),
            choice_positions=choice_positions,
            capacities=capacities,
            priority_offsets=np.cumsum([0, *priority_counts]),
            priority_students=priority_students,
            priority_values=priority_values,
            uses_scores=uses_scores,
            seed=check_seed(data.get("seed"), "seed"),
        )

    def to_dict(self) -> dict[str, Any]:
        """The instance in the JSON format (scores best first; ties as nested lists)."""
        choices = list(map(self.position_ids.__getitem__, self.choice_positions.tolist()))
        offsets = self.choice_offsets.tolist()
        students = {
            student: choices[offsets[index] : offsets[index + 1]]
            for index, student in enumerate(self.student_ids)
        }
        ids = list(map(self.student_ids.__getitem__, self.priority_students.tolist()))
        values = _json_numbers(self.priority_values)
        offsets = self.priority_offsets.tolist()
        positions: dict[str, Any] = {}
        for index, position in enumerate(self.position_ids):
            start, stop = offsets[index], offsets[index + 1]
            spec: dict[str, Any] = {"capacity": int(self.capacities[index])}
            if self.uses_scores[index]:
                spec["scores"] = dict(zip(ids[start:stop], values[start:stop], strict=True))
            else:
                spec["ranking"] = _ranking_groups(ids[start:stop], values[start:stop])
            positions[position] = spec
        data: dict[str, Any] = {"students": students, "positions": positions}
        if self.seed is not None:
            data["seed"] = self.seed
        return data


class Priorities:
    """An instance's priorities made strict by one seeded lottery (single tie-breaking).

    ``lottery[s]`` is student ``s``'s lottery number (0 is drawn first). ``entry_ranks[e]`` is
    the 0-based place of priority entry ``e`` in its position's tie-broken order;
    ``choice_ranks[c]`` is the same for choice ``c`` (``-1`` when the chosen position finds the
    student unacceptable).
    """

    def __init__(self, instance: Instance, seed: int) -> None:
        """Draw the lottery for ``seed`` and break every tie of ``instance`` with it."""
        self.instance = instance
        self.seed = seed
        self.lottery = _frozen(instance.lottery(seed))
        self.entry_ranks, self.choice_ranks = instance.base_ranks, instance.choice_base_ranks
        tied, groups = instance.tied_entries, instance.tied_groups
        if tied.size:
            n_students = len(instance.student_ids)
            keys = groups.astype(np.int64) * n_students
            keys += self.lottery[instance.priority_students[tied]]
            order = sort_keys(keys, (int(groups[-1]) + 1) * n_students)
            entry_ranks = instance.base_ranks.copy()
            entry_ranks[tied[order]] += np.arange(order.size) - run_starts(keys // n_students)
            choice_ranks = instance.choice_base_ranks.copy()
            choice_ranks[instance.tied_choices] = entry_ranks[instance.tied_choice_entries]
            self.entry_ranks, self.choice_ranks = _frozen(entry_ranks), _frozen(choice_ranks)

    def rank(self, position_id: str, student_id: str) -> int | None:
        """1-based place of the student in the position's tie-broken order; None if unacceptable."""
        instance = self.instance
        position = instance.position_index[position_id]
        start, stop = instance.priority_offsets[position], instance.priority_offsets[position + 1]
        hits = np.flatnonzero(
            instance.priority_students[start:stop] == instance.student_index[student_id]
        )
        return int(self.entry_ranks[start + hits[0]]) + 1 if hits.size else None

    def order(self, position_id: str) -> list[str]:
        """The position's acceptable students, best first, ties broken by the lottery."""
        instance = self.instance
        position = instance.position_index[position_id]
        start, stop = instance.priority_offsets[position], instance.priority_offsets[position + 1]
        students = instance.priority_students[start:stop][np.argsort(self.entry_ranks[start:stop])]
        return [instance.student_ids[s] for s in students.tolist()]


def _concatenated(parts: list[np.ndarray], dtype: type[np.signedinteger[Any]]) -> np.ndarray:
    return np.concatenate(parts).astype(dtype) if parts else np.zeros(0, dtype=dtype)


def _mapping(value: object, where: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise InstanceError(f"{where}: expected an object")
    if not _all_of_type(value, str):
        bad = next(key for key in value if not isinstance(key, str))
        raise InstanceError(f"{where}: key {bad!r} is not a string")
    return value


def _all_of_type(items: Iterable[object], kind: type) -> bool:
    """Whether every item is an instance of ``kind`` (checked per distinct type, so fast)."""
    return all(issubclass(item_type, kind) for item_type in set(map(type, items)))


def _indexes(ids: list[Any], index: Mapping[str, int], kind: str, where: str) -> list[int]:
    """The indices of ``ids``; raise naming the first that is not a known id."""
    try:
        return list(map(index.__getitem__, ids))
    except (KeyError, TypeError):
        bad = next(item for item in ids if not isinstance(item, str) or item not in index)
        raise InstanceError(f"{where}: unknown {kind} {bad!r}") from None


def _ranking_entries(
    ranking: object, student_index: Mapping[str, int], where: str
) -> tuple[list[int], Sequence[float]]:
    """Students and their group numbers, from a ranking with optional tie groups."""
    if not isinstance(ranking, list):
        raise InstanceError(f"{where}: expected a list of student ids or lists of them")
    if _all_of_type(ranking, str):  # no tie groups
        return _indexes(ranking, student_index, "student", where), list(range(len(ranking)))
    students: list[int] = []
    groups: list[int] = []
    for group_number, item in enumerate(ranking):
        group = item if isinstance(item, list) else [item]
        if not group:
            raise InstanceError(f"{where}[{group_number}]: empty tie group")
        students.extend(_indexes(group, student_index, "student", where))
        groups.extend([group_number] * len(group))
    return students, groups


def _score_entries(
    scores: object, student_index: Mapping[str, int], where: str
) -> tuple[list[int], Sequence[float]]:
    """Students and their scores."""
    scores = _mapping(scores, where)
    values = list(scores.values())
    if not all(_is_number_type(kind) for kind in set(map(type, values))):
        student, score = next((s, v) for s, v in scores.items() if not _is_number_type(type(v)))
        raise InstanceError(f"{where}.{student}: score must be a number, got {score!r}")
    return _indexes(list(scores), student_index, "student", where), values


def _is_number_type(kind: type) -> bool:
    return issubclass(kind, int | float) and not issubclass(kind, bool)


def _json_numbers(values: np.ndarray) -> list[Any]:
    """Floats as JSON numbers, whole ones as ints (91.0 becomes 91)."""
    whole = (values == np.trunc(values)) & (np.abs(values) < 2**53)
    if whole.all():
        return values.astype(np.int64).tolist()
    numbers = values.astype(object)
    numbers[whole] = values[whole].astype(np.int64).astype(object)
    return numbers.tolist()


def _ranking_groups(ids: list[str], values: list[Any]) -> Sequence[str | list[str]]:
    """A ranking with tie groups as nested lists, from ids best first and their group numbers."""
    if len(set(values)) == len(values):
        return ids
    groups: list[list[str]] = []
    for index, (student, value) in enumerate(zip(ids, values, strict=True)):
        if index and value == values[index - 1]:
            groups[-1].append(student)
        else:
            groups.append([student])
    return [group[0] if len(group) == 1 else group for group in groups]
