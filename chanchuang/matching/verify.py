"""Verification of a result: capacities, acceptability, stability, and the reported summary.

Stability is checked against the priorities tie-broken by the result's seed. A result stable
for those strict priorities is also (weakly) stable for the original priorities with ties.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from chanchuang.matching.model import Instance
from chanchuang.matching.result import Result, check_fits, position_outcomes


@dataclass(frozen=True)
class CapacityViolation:
    """A position holding more students than it has seats."""

    position: str
    capacity: int
    filled: int


@dataclass(frozen=True)
class AcceptabilityViolation:
    """A student placed where they did not choose, or where the position does not accept them."""

    student: str
    position: str
    reason: Literal["not_chosen", "not_acceptable"]


@dataclass(frozen=True)
class BlockingPair:
    """A student and a position that would both rather be matched to each other.

    The student prefers the position to their outcome, and the position accepts the student and
    has a free seat or holds someone it ranks below them.
    """

    student: str
    position: str


@dataclass(frozen=True)
class SummaryMismatch:
    """A position whose reported capacity, fill or cutoff rank differs from the assignment's."""

    position: str
    field: Literal["capacity", "filled", "cutoff_rank"]
    reported: int | None
    actual: int | None


@dataclass(frozen=True)
class VerificationReport:
    """Everything wrong with a result; ``ok`` when nothing is."""

    capacity_violations: list[CapacityViolation] = field(default_factory=list)
    acceptability_violations: list[AcceptabilityViolation] = field(default_factory=list)
    blocking_pairs: list[BlockingPair] = field(default_factory=list)
    summary_mismatches: list[SummaryMismatch] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when the result is valid, stable and its summary matches its assignment."""
        return not (
            self.capacity_violations
            or self.acceptability_violations
            or self.blocking_pairs
            or self.summary_mismatches
        )

    def lines(self) -> list[str]:
        """One English line per problem found."""
        return [
            *(
                f"over capacity: {v.position} holds {v.filled} of {v.capacity} seats"
                for v in self.capacity_violations
            ),
            *(
                f"not acceptable: {v.student} at {v.position} ({v.reason.replace('_', ' ')})"
                for v in self.acceptability_violations
            ),
            *(f"blocking pair: {p.student} and {p.position}" for p in self.blocking_pairs),
            *(
                f"summary mismatch: {m.position} {m.field} reported {m.reported}, actual {m.actual}"
                for m in self.summary_mismatches
            ),
        ]


def verify(instance: Instance, result: Result) -> VerificationReport:
    """Check a result against its instance and return every problem found.

    The reported summary (fill and cutoff per position) is compared with the assignment only
    when the assignment itself respects capacities and acceptability. Raises ResultError when
    the result does not fit the instance (unknown or missing ids).
    """
    assigned = check_fits(instance, result)
    ranks = instance.priorities(result.seed).choice_ranks
    students, positions = instance.choice_students, instance.choice_positions
    is_assigned = assigned >= 0
    filled = np.bincount(assigned[is_assigned], minlength=len(instance.position_ids))

    # Each student's choice index of their assignment (-1: unassigned or not chosen) and their
    # rank there (-1: not ranked, or no such choice).
    holds = positions == assigned[students]
    matched = np.full(len(instance.student_ids), -1, dtype=np.int64)
    matched[students[holds]] = np.flatnonzero(holds)
    admitted_ranks = np.full(len(instance.student_ids), -1, dtype=np.int64)
    admitted_ranks[matched >= 0] = ranks[matched[matched >= 0]]
    invalid = np.flatnonzero(is_assigned & (admitted_ranks < 0))

    # A choice blocks if the student prefers it to their outcome and the position wants them:
    # it has a free seat or admitted someone it ranks lower (an invalid admission is the lowest).
    admitted_ranks[invalid] = np.iinfo(np.int64).max
    worst = np.full(len(instance.position_ids), -1, dtype=np.int64)
    np.maximum.at(worst, assigned[is_assigned], admitted_ranks[is_assigned])
    outcome_place = np.where(matched >= 0, matched, instance.choice_offsets[1:])
    preferred = np.arange(positions.size) < outcome_place[students]
    wanted = (filled[positions] < instance.capacities[positions]) | (ranks < worst[positions])
    blocking = np.flatnonzero(preferred & (ranks >= 0) & wanted)

    student_ids, position_ids = instance.student_ids, instance.position_ids
    capacity_violations = [
        CapacityViolation(position_ids[p], int(instance.capacities[p]), int(filled[p]))
        for p in np.flatnonzero(filled > instance.capacities).tolist()
    ]
    acceptability_violations = [
        AcceptabilityViolation(
            student_ids[s],
            position_ids[assigned[s]],
            "not_chosen" if matched[s] < 0 else "not_acceptable",
        )
        for s in invalid.tolist()
    ]
    summary_mismatches = []
    if not (capacity_violations or acceptability_violations):
        actual = position_outcomes(instance, assigned[is_assigned], admitted_ranks[is_assigned])
        summary_mismatches = [
            SummaryMismatch(position, name, reported_value, actual_value)
            for position, reported in result.positions.items()
            for name in ("capacity", "filled", "cutoff_rank")
            if (reported_value := getattr(reported, name))
            != (actual_value := getattr(actual[position], name))
        ]
    return VerificationReport(
        capacity_violations=capacity_violations,
        acceptability_violations=acceptability_violations,
        blocking_pairs=[
            BlockingPair(student_ids[students[c]], position_ids[positions[c]])
            for c in blocking.tolist()
        ],
        summary_mismatches=summary_mismatches,
    )
