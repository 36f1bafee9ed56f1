"""Edge cases by hand: solving, cutoffs, explanations, verification and seeds."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from chanchuang.matching import (
    AcceptabilityViolation,
    BlockingPair,
    CapacityViolation,
    Explanation,
    Instance,
    PositionOutcome,
    Proposer,
    Result,
    ResultError,
    SummaryMismatch,
    explain,
    solve,
    verify,
)
from chanchuang.matching.tests.test_model import EXAMPLE

#: Two students want P1, which ranks S1 first; S2 also accepts P2; P0 has no seats.
CONTEST: dict[str, Any] = {
    "students": {"S1": ["P1"], "S2": ["P0", "P1", "P3", "P2"], "S3": ["P3"]},
    "positions": {
        "P0": {"capacity": 0, "ranking": ["S2"]},
        "P1": {"capacity": 1, "ranking": ["S1", "S2"]},
        "P2": {"capacity": 5, "scores": {"S2": 60}},
        "P3": {"capacity": 1, "scores": {"S3": 1}},
    },
}


def test_the_issue_example() -> None:
    instance = Instance.from_dict(EXAMPLE)
    result = solve(instance)
    assert result.assignment == {"S1": "P1", "S2": "P2", "S3": "P1", "S4": None}
    cutoff_at_p1 = instance.priorities(7).rank("P1", "S1")  # S1 ties with S4 (who did not apply)
    assert cutoff_at_p1 in (2, 3)
    assert result.positions == {
        "P1": PositionOutcome(capacity=2, filled=2, cutoff_rank=cutoff_at_p1),
        "P2": PositionOutcome(capacity=1, filled=1, cutoff_rank=2),
    }
    assert (result.proposer, result.seed) == ("students", 7)
    assert explain(instance, result, "S4") == []
    assert verify(instance, result).ok


def test_explanations_by_hand() -> None:
    instance = Instance.from_dict(CONTEST)
    result = solve(instance, seed=1)
    assert result.assignment == {"S1": "P1", "S2": "P2", "S3": "P3"}
    assert result.positions["P0"] == PositionOutcome(0, 0, None)
    assert result.positions["P2"] == PositionOutcome(5, 1, None)
    explanations = explain(instance, result, "S2")
    assert explanations == [
        Explanation("P0", 1, "full", None, 1),
        Explanation("P1", 2, "full", 1, 2),
        Explanation("P3", 3, "not_acceptable", None, None),
    ]
    assert [e.message for e in explanations] == [
        "P0: full, it has no seats (your rank 1)",
        "P1: full, cutoff above you (cutoff rank 1, your rank 2)",
        "P3: you were not acceptable to it",
    ]
    assert explain(instance, result, "S1") == []


def test_more_seats_than_students() -> None:
    data = {
        "students": {"S1": ["P1", "P2"], "S2": ["P1"]},
        "positions": {
            "P1": {"capacity": 5, "ranking": [["S1", "S2"]]},
            "P2": {"capacity": 5, "ranking": ["S1"]},
        },
    }
    result = solve(Instance.from_dict(data), seed=3)
    assert result.assignment == {"S1": "P1", "S2": "P1"}
    assert result.positions["P1"] == PositionOutcome(5, 2, None)


def test_empty_instance() -> None:
    instance = Instance.from_dict({"students": {}, "positions": {}})
    for engine in ("array", "reference"):
        result = solve(instance, seed=0, engine=engine)
        assert result == Result({}, {}, "students", 0)
        assert verify(instance, result).ok


def test_seed_comes_from_the_argument_then_the_instance_then_chance() -> None:
    instance = Instance.from_dict(EXAMPLE)
    assert solve(instance).seed == 7
    assert solve(instance, seed=8).seed == 8
    unseeded = Instance.from_dict({k: v for k, v in EXAMPLE.items() if k != "seed"})
    drawn = solve(unseeded)
    assert solve(unseeded, seed=drawn.seed) == drawn


def test_solve_rejects_unknown_options() -> None:
    instance = Instance.from_dict(EXAMPLE)
    with pytest.raises(ValueError, match="proposer must be one of students, positions"):
        solve(instance, proposer="mentors")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="engine must be one of auto, array, reference"):
        solve(instance, engine="fast")  # type: ignore[arg-type]


@pytest.mark.parametrize("proposer", ["students", "positions"])
def test_engines_agree_on_a_larger_instance_with_many_ties(proposer: Proposer) -> None:
    rng = np.random.default_rng(5)
    n_students, n_positions, per_student = 600, 40, 6
    choices = np.stack([rng.permutation(n_positions)[:per_student] for _ in range(n_students)])
    applicants = [np.flatnonzero((choices == p).any(axis=1)) for p in range(n_positions)]
    instance = Instance(
        student_ids=[f"S{i}" for i in range(n_students)],
        position_ids=[f"P{p}" for p in range(n_positions)],
        choice_offsets=np.arange(0, choices.size + 1, per_student),
        choice_positions=choices.ravel(),
        capacities=rng.integers(0, 20, n_positions),
        priority_offsets=np.cumsum([0, *(a.size for a in applicants)]),
        priority_students=np.concatenate(applicants),
        priority_values=rng.integers(0, 8, sum(a.size for a in applicants)),  # many ties
        uses_scores=rng.random(n_positions) < 0.5,
    )
    array = solve(instance, proposer, seed=9, engine="array")
    assert array == solve(instance, proposer, seed=9, engine="reference")
    assert verify(instance, array).ok


def test_verifier_reports_each_kind_of_problem() -> None:
    instance = Instance.from_dict(CONTEST)
    result = solve(instance, seed=1)
    broken = Result(
        {"S1": "P1", "S2": "P1", "S3": "P2"},
        {**result.positions, "P2": PositionOutcome(5, 2, None)},
        "students",
        1,
    )
    report = verify(instance, broken)
    assert not report.ok
    assert report.capacity_violations == [CapacityViolation("P1", 1, 2)]
    assert report.acceptability_violations == [
        AcceptabilityViolation("S3", "P2", "not_chosen"),
    ]
    assert report.blocking_pairs == [BlockingPair("S3", "P3")]
    assert report.summary_mismatches == []  # only compared for a valid assignment
    assert report.lines() == [
        "over capacity: P1 holds 2 of 1 seats",
        "not acceptable: S3 at P2 (not chosen)",
        "blocking pair: S3 and P3",
    ]


def test_verifier_compares_the_summary_with_a_valid_assignment() -> None:
    instance = Instance.from_dict(CONTEST)
    result = solve(instance, seed=1)
    misreported = {**result.positions, "P1": PositionOutcome(2, 1, 7)}
    report = verify(instance, Result(result.assignment, misreported, "students", 1))
    assert report.summary_mismatches == [
        SummaryMismatch("P1", "capacity", 2, 1),
        SummaryMismatch("P1", "cutoff_rank", 7, 1),
    ]
    assert not report.ok


def test_verifier_flags_a_student_the_position_does_not_accept() -> None:
    instance = Instance.from_dict(CONTEST)
    result = solve(instance, seed=1)
    broken = Result({**result.assignment, "S2": "P3", "S3": None}, result.positions, "students", 1)
    report = verify(instance, broken)
    assert report.acceptability_violations == [AcceptabilityViolation("S2", "P3", "not_acceptable")]
    assert BlockingPair("S3", "P3") in report.blocking_pairs


def test_results_that_do_not_fit_the_instance_are_rejected() -> None:
    instance = Instance.from_dict(CONTEST)
    result = solve(instance, seed=1)
    cases: dict[str, dict[str, str | None]] = {
        "assignment.S9: unknown student": {**result.assignment, "S9": None},
        "assignment.S1: unknown position 'P9'": {**result.assignment, "S1": "P9"},
        "assignment.S3: missing (use null for an unassigned student)": {"S1": "P1", "S2": "P2"},
    }
    for message, assignment in cases.items():
        with pytest.raises(ResultError, match=message.replace("(", r"\(").replace(")", r"\)")):
            verify(instance, Result(assignment, result.positions, "students", 1))
    positions = {p: o for p, o in result.positions.items() if p != "P0"}
    with pytest.raises(ResultError, match=r"positions\.P0: missing"):
        verify(instance, Result(result.assignment, positions, "students", 1))


def test_explain_refuses_unknown_students_and_unstable_results() -> None:
    instance = Instance.from_dict(CONTEST)
    result = solve(instance, seed=1)
    with pytest.raises(ResultError, match="S9: unknown student"):
        explain(instance, result, "S9")
    unstable = Result({**result.assignment, "S3": None}, result.positions, "students", 1)
    with pytest.raises(ResultError, match="not stable: S3 and P3 would both rather be matched"):
        explain(instance, unstable, "S3")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"assignment": {}, "positions": {}, "proposer": "students"}, "result: missing key 'seed'"),
        (
            {"assignment": {"S1": 3}, "positions": {}, "proposer": "students", "seed": 1},
            "assignment.S1: expected a position id or null",
        ),
        (
            {"assignment": {}, "positions": {}, "proposer": "mentors", "seed": 1},
            "proposer: must be one of students, positions",
        ),
        (
            {"assignment": {}, "positions": {}, "proposer": "students", "seed": None},
            "seed: must be a non-negative integer, got None",
        ),
        (
            {
                "assignment": {},
                "positions": {"P1": {"capacity": 1, "filled": -1, "cutoff_rank": None}},
                "proposer": "students",
                "seed": 1,
            },
            "positions.P1.filled: expected a non-negative integer, got -1",
        ),
    ],
)
def test_bad_results_name_the_offending_entry(data: dict[str, Any], message: str) -> None:
    with pytest.raises(ResultError) as error:
        Result.from_dict(data)
    assert str(error.value) == message
