"""Property tests over small random instances: stability, optimality, and engine agreement."""

from __future__ import annotations

import random
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings, target
from hypothesis import strategies as st

from chanchuang.matching import (
    Engine,
    Instance,
    InstanceError,
    Proposer,
    Result,
    explain,
    model,
    solve,
    verify,
)
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


BUILT_ARRAYS = (
    "choice_offsets",
    "choice_positions",
    "choice_students",
    "capacities",
    "uses_scores",
    "priority_offsets",
    "priority_students",
    "priority_values",
    "base_ranks",
    "choice_base_ranks",
    "tied_entries",
    "tied_groups",
)


def build_with(data: dict[str, Any], chunk: int, key_bits: int) -> Instance:
    """Instance.from_dict(data), reading and writing the join's keys in slices of ``chunk``
    and packing keys only if they fit in ``key_bits`` bits (0: the argsort fallback)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(model, "_CHUNK", chunk)
        patch.setattr(model, "_KEY_BITS", key_bits)
        return Instance.from_dict(data)


def tied_choices(instance: Instance) -> set[tuple[int, int]]:
    pairs = zip(instance.tied_choices.tolist(), instance.tied_choice_entries.tolist(), strict=True)
    return set(pairs)


@EXAMPLES
@given(instance_dicts(max_students=10, max_positions=5), st.sampled_from([1, 2, 3, 7]))
def test_building_does_not_depend_on_slices_or_key_packing(
    data: dict[str, Any], chunk: int
) -> None:
    expected = Instance.from_dict(data)
    for key_bits in (model._KEY_BITS, 0):
        built = build_with(data, chunk, key_bits)
        for name in BUILT_ARRAYS:
            assert np.array_equal(getattr(built, name), getattr(expected, name)), name
        assert tied_choices(built) == tied_choices(expected)
    # Each choice's base rank and tie, straight from the definition.
    tied_entries = set(expected.tied_entries.tolist())
    for choice, (student, position) in enumerate(
        zip(expected.choice_students.tolist(), expected.choice_positions.tolist(), strict=True)
    ):
        start, stop = expected.priority_offsets[position : position + 2]
        entries = [e for e in range(start, stop) if expected.priority_students[e] == student]
        rank = int(expected.base_ranks[entries[0]]) if entries else -1
        assert expected.choice_base_ranks[choice] == rank
        tied = {(choice, entries[0])} if entries and entries[0] in tied_entries else set()
        assert {pair for pair in tied_choices(expected) if pair[0] == choice} == tied


@EXAMPLES
@given(instance_dicts(max_students=8, max_positions=4), st.data())
def test_the_duplicate_named_is_the_first_by_position_then_student(
    data: dict[str, Any], draw: st.DataObject
) -> None:
    students, positions = list(data["students"]), list(data["positions"])
    choosers = [s for s in students if data["students"][s]]
    rankers = [p for p in positions if data["positions"][p].get("ranking")]
    if not choosers and not rankers:
        return
    duplicated = dict(data, students=dict(data["students"]), positions=dict(data["positions"]))
    for student in draw.draw(st.lists(st.sampled_from(choosers), unique=True)) if choosers else []:
        choices = duplicated["students"][student]
        duplicated["students"][student] = [*choices, draw.draw(st.sampled_from(choices))]
    for position in draw.draw(st.lists(st.sampled_from(rankers), unique=True)) if rankers else []:
        spec = duplicated["positions"][position]
        flat = [s for item in spec["ranking"] for s in (item if isinstance(item, list) else [item])]
        extra = draw.draw(st.sampled_from(flat))
        duplicated["positions"][position] = {**spec, "ranking": [*spec["ranking"], extra]}
    # The oracle: (position, student, 0 for a ranking or 1 for a student's list), smallest first.
    found = []
    for p, position in enumerate(positions):
        spec = duplicated["positions"][position]
        items = spec.get("ranking", [])
        flat = [s for item in items for s in (item if isinstance(item, list) else [item])]
        found += [(p, students.index(s), 0) for s in set(flat) if flat.count(s) > 1]
    for s, student in enumerate(students):
        choices = duplicated["students"][student]
        found += [(positions.index(q), s, 1) for q in set(choices) if choices.count(q) > 1]
    if not found:
        return
    p, s, in_list = min(found)
    expected = (
        f"students.{students[s]}: position {positions[p]!r} is listed twice"
        if in_list
        else f"positions.{positions[p]}.ranking: student {students[s]!r} is listed twice"
    )
    for chunk, key_bits in ((1 << 20, model._KEY_BITS), (2, model._KEY_BITS), (3, 0)):
        with pytest.raises(InstanceError) as error:
            build_with(duplicated, chunk, key_bits)
        assert str(error.value) == expected
