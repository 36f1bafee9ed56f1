"""Matching results: the assignment and, per position, its fill, capacity and cutoff."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal, get_args

import numpy as np

from chanchuang.matching.model import Instance, Priorities, check_seed

Proposer = Literal["students", "positions"]
PROPOSERS: tuple[str, ...] = get_args(Proposer)


class ResultError(ValueError):
    """Raised for a malformed result (or one that does not fit its instance); names the entry."""


@dataclass(frozen=True)
class PositionOutcome:
    """How a position ended: its capacity, seats filled and cutoff.

    ``cutoff_rank`` is the 1-based place, in the position's tie-broken order, of its last
    (lowest-ranked) admitted student; ``None`` when the position is not full (or has no seats).
    """

    capacity: int
    filled: int
    cutoff_rank: int | None

    @property
    def full(self) -> bool:
        """True when every seat is taken (always true for a position without seats)."""
        return self.filled >= self.capacity


@dataclass(frozen=True)
class Result:
    """A matching: each student's position (``None``: unassigned) and each position's outcome.

    ``seed`` is the lottery seed the priorities were tie-broken with; it is needed to verify or
    explain the result.
    """

    assignment: dict[str, str | None]
    positions: dict[str, PositionOutcome]
    proposer: Proposer
    seed: int

    def to_dict(self) -> dict[str, Any]:
        """The result in the JSON format."""
        return {
            "assignment": dict(self.assignment),
            "positions": {
                position: {
                    "capacity": outcome.capacity,
                    "filled": outcome.filled,
                    "cutoff_rank": outcome.cutoff_rank,
                }
                for position, outcome in self.positions.items()
            },
            "proposer": self.proposer,
            "seed": self.seed,
        }

    @classmethod
    def from_dict(cls, data: object) -> Result:
        """Read a result in the JSON format, raising ResultError naming a malformed entry."""
        data = _mapping(data, "result")
        missing = sorted({"assignment", "positions", "proposer", "seed"} - set(data))
        if missing:
            raise ResultError(f"result: missing key {missing[0]!r}")
        assignment = _mapping(data["assignment"], "assignment")
        for student, position in assignment.items():
            if position is not None and not isinstance(position, str):
                raise ResultError(f"assignment.{student}: expected a position id or null")
        positions = {
            position: _outcome(outcome, f"positions.{position}")
            for position, outcome in _mapping(data["positions"], "positions").items()
        }
        if data["proposer"] not in PROPOSERS:
            raise ResultError(f"proposer: must be one of {', '.join(PROPOSERS)}")
        try:
            seed = check_seed(data["seed"], "seed")
        except ValueError as error:
            raise ResultError(str(error)) from None
        if seed is None:
            raise ResultError("seed: must be a non-negative integer, got None")
        return cls(dict(assignment), positions, data["proposer"], seed)


def build_result(
    instance: Instance, priorities: Priorities, matched_choices: np.ndarray, proposer: Proposer
) -> Result:
    """Assemble a Result from each student's matched choice index (``-1``: unassigned)."""
    matched = matched_choices[matched_choices >= 0]
    positions = instance.choice_positions[matched]
    assigned = np.full(len(instance.student_ids), -1, dtype=np.int64)
    assigned[instance.choice_students[matched]] = positions
    names = [*instance.position_ids, None]  # index -1 (unassigned) picks the trailing None
    return Result(
        assignment=dict(
            zip(instance.student_ids, map(names.__getitem__, assigned.tolist()), strict=True)
        ),
        positions=position_outcomes(instance, positions, priorities.choice_ranks[matched]),
        proposer=proposer,
        seed=priorities.seed,
    )


def position_outcomes(
    instance: Instance, positions: np.ndarray, ranks: np.ndarray
) -> dict[str, PositionOutcome]:
    """Each position's outcome, given the position and 0-based rank of every admitted student."""
    filled = np.bincount(positions, minlength=len(instance.position_ids))
    worst = np.full(len(instance.position_ids), -1, dtype=np.int64)
    np.maximum.at(worst, positions, ranks.astype(np.int64))  # same dtypes: numpy's fast path
    return {
        position: PositionOutcome(
            capacity, fill, last + 1 if fill == capacity and capacity > 0 else None
        )
        for position, capacity, fill, last in zip(
            instance.position_ids,
            instance.capacities.tolist(),
            filled.tolist(),
            worst.tolist(),
            strict=True,
        )
    }


def check_fits(instance: Instance, result: Result) -> np.ndarray:
    """Check that the result names exactly the instance's students and positions.

    Returns each student's assigned position index (``-1``: unassigned). Raises ResultError
    naming an unknown or missing student or position.
    """
    assigned = np.full(len(instance.student_ids), -1, dtype=np.int64)
    for student, position in result.assignment.items():
        if student not in instance.student_index:
            raise ResultError(f"assignment.{student}: unknown student")
        if position is not None:
            if position not in instance.position_index:
                raise ResultError(f"assignment.{student}: unknown position {position!r}")
            assigned[instance.student_index[student]] = instance.position_index[position]
    for position in result.positions:
        if position not in instance.position_index:
            raise ResultError(f"positions.{position}: unknown position")
    if len(result.assignment) != len(instance.student_ids):
        missing = next(s for s in instance.student_ids if s not in result.assignment)
        raise ResultError(f"assignment.{missing}: missing (use null for an unassigned student)")
    if len(result.positions) != len(instance.position_ids):
        missing = next(p for p in instance.position_ids if p not in result.positions)
        raise ResultError(f"positions.{missing}: missing")
    return assigned


def _mapping(value: object, where: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ResultError(f"{where}: expected an object")
    return value


def _outcome(value: object, where: str) -> PositionOutcome:
    outcome = _mapping(value, where)
    return PositionOutcome(
        capacity=_count(outcome.get("capacity"), f"{where}.capacity"),
        filled=_count(outcome.get("filled"), f"{where}.filled"),
        cutoff_rank=None
        if outcome.get("cutoff_rank") is None
        else _count(outcome["cutoff_rank"], f"{where}.cutoff_rank"),
    )


def _count(number: object, where: str) -> int:
    if isinstance(number, bool) or not isinstance(number, int) or number < 0:
        raise ResultError(f"{where}: expected a non-negative integer, got {number!r}")
    return number
