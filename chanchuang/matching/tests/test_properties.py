"""Property tests over small random instances: stability, optimality, and engine agreement."""

from __future__ import annotations

import random
from typing import Any

from hypothesis import given, settings, target
from hypothesis import strategies as st

from chanchuang.matching import Engine, Instance, Proposer, Result, explain, solve, verify
from chanchuang.matching.reference import reference_orders
from chanchuang.matching.tests.strategies import SEEDS, instance_dicts, stable_matchings

PROPOSERS = st.sampled_from(["students", "positions"])
ENGINES = st.sampled_from(["array", "reference"])


def examples(count: int) -> settings:
    """Hypothesis settings: ``count`` examples, no deadline, no example database on disk."""
    return settings(max_examples=count, deadline=None, database=None)


EXAMPLES = examples(150)


@EXAMPLES
@given(instance_dicts(), SEEDS, PROPOSERS, ENGINES)
def test_result_is_valid_and_stable(
    data: dict[str, Any], seed: int, proposer: Proposer, engine: Engine
) -> None:
    instance = Instance.from_dict(data)
    report = verify(instance, solve(instance, proposer, seed, engine))
    assert report.ok, report.lines()


@examples(120)
@given(instance_dicts(max_students=5, max_positions=3, dense=True), SEEDS)
def test_proposers_give_the_extreme_stable_matchings(data: dict[str, Any], seed: int) -> None:
    instance = Instance.from_dict(data)
    stable = stable_matchings(instance, seed)
    target(float(len(stable)), label="stable matchings")  # steer towards conflicted instances

    def place(student: str, position: str | None) -> int:
        choices = data["students"][student]
        return len(choices) if position is None else choices.index(position)

    best = {s: min(place(s, m[s]) for m in stable) for s in instance.student_ids}
    worst = {s: max(place(s, m[s]) for m in stable) for s in instance.student_ids}
    for engine in ("array", "reference"):
        student_optimal = solve(instance, "students", seed, engine).assignment
        position_optimal = solve(instance, "positions", seed, engine).assignment
        assert student_optimal in stable and position_optimal in stable
        assert {s: place(s, p) for s, p in student_optimal.items()} == best
        assert {s: place(s, p) for s, p in position_optimal.items()} == worst


@EXAMPLES
@given(instance_dicts(), SEEDS, ENGINES)
def test_rural_hospitals_theorem(data: dict[str, Any], seed: int, engine: Engine) -> None:
    instance = Instance.from_dict(data)
    by_students = solve(instance, "students", seed, engine)
    by_positions = solve(instance, "positions", seed, engine)
    matched = {s for s, p in by_students.assignment.items() if p is not None}
    assert matched == {s for s, p in by_positions.assignment.items() if p is not None}
    fills = {p: o.filled for p, o in by_students.positions.items()}
    assert fills == {p: o.filled for p, o in by_positions.positions.items()}


@examples(200)
@given(instance_dicts(max_students=12, max_positions=6, max_capacity=4), SEEDS, PROPOSERS)
def test_array_and_reference_engines_agree(
    data: dict[str, Any], seed: int, proposer: Proposer
) -> None:
    instance = Instance.from_dict(data)
    assert solve(instance, proposer, seed, "array") == solve(instance, proposer, seed, "reference")


@EXAMPLES
@given(instance_dicts(), SEEDS)
def test_tie_broken_orders_follow_the_definition(data: dict[str, Any], seed: int) -> None:
    instance = Instance.from_dict(data)
    priorities = instance.priorities(seed)
    for position, order in zip(
        instance.position_ids, reference_orders(instance, instance.lottery(seed)), strict=True
    ):
        expected = [instance.student_ids[s] for s in order]
        assert priorities.order(position) == expected
        assert [priorities.rank(position, s) for s in expected] == list(range(1, len(order) + 1))


@EXAMPLES
@given(instance_dicts(), SEEDS, PROPOSERS)
def test_explanations_are_consistent_with_cutoffs(
    data: dict[str, Any], seed: int, proposer: Proposer
) -> None:
    instance = Instance.from_dict(data)
    result = solve(instance, proposer, seed)
    priorities = instance.priorities(seed)
    for student, choices in data["students"].items():
        explanations = explain(instance, result, student)
        assigned = result.assignment[student]
        above = choices if assigned is None else choices[: choices.index(assigned)]
        assert [e.position for e in explanations] == above
        assert [e.choice_number for e in explanations] == list(range(1, len(above) + 1))
        for explanation in explanations:
            outcome = result.positions[explanation.position]
            own_rank = priorities.rank(explanation.position, student)
            if explanation.reason == "not_acceptable":
                assert own_rank is None
                continue
            assert outcome.full and explanation.student_rank == own_rank
            assert explanation.cutoff_rank == outcome.cutoff_rank
            if outcome.capacity > 0:
                assert own_rank is not None and outcome.cutoff_rank is not None
                assert own_rank > outcome.cutoff_rank


@EXAMPLES
@given(instance_dicts(), SEEDS, PROPOSERS, st.randoms(use_true_random=False))
def test_same_seed_same_result_whatever_the_input_order(
    data: dict[str, Any], seed: int, proposer: Proposer, rng: random.Random
) -> None:
    students = list(data["students"].items())
    rng.shuffle(students)
    shuffled = {"students": dict(students), "positions": data["positions"]}
    first = solve(Instance.from_dict(data), proposer, seed)
    again = solve(Instance.from_dict(data), proposer, seed)
    reordered = solve(Instance.from_dict(shuffled), proposer, seed)
    assert first == again
    assert first.assignment == reordered.assignment and first.positions == reordered.positions
    assert Result.from_dict(first.to_dict()) == first


@EXAMPLES
@given(instance_dicts(), SEEDS, st.data())
def test_verifier_catches_a_dropped_student(
    data: dict[str, Any], seed: int, draw: st.DataObject
) -> None:
    instance = Instance.from_dict(data)
    result = solve(instance, seed=seed)
    assigned = sorted(s for s, p in result.assignment.items() if p is not None)
    if not assigned:
        return
    student = draw.draw(st.sampled_from(assigned))
    position = result.assignment[student]
    broken = Result({**result.assignment, student: None}, result.positions, "students", seed)
    report = verify(instance, broken)
    assert not report.ok
    assert (student, position) in {(p.student, p.position) for p in report.blocking_pairs}
    assert any(m.position == position and m.field == "filled" for m in report.summary_mismatches)
