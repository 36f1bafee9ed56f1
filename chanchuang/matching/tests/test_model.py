"""Instances by hand: the JSON format, validation messages, and the lottery's exact definition."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from chanchuang.matching import Instance, InstanceError

EXAMPLE: dict[str, Any] = {
    "students": {"S1": ["P1", "P2"], "S2": ["P2", "P1"], "S3": ["P1"], "S4": []},
    "positions": {
        "P1": {"capacity": 2, "ranking": ["S3", ["S1", "S4"], "S2"]},
        "P2": {"capacity": 1, "scores": {"S1": 91.5, "S2": 78}},
    },
    "seed": 7,
}


def with_changes(**changes: Any) -> dict[str, Any]:
    """The example with some top-level entries replaced."""
    return {**EXAMPLE, **changes}


def with_choices(student: str, choices: Any) -> dict[str, Any]:
    """The example with one student's choices replaced."""
    return with_changes(students={**EXAMPLE["students"], student: choices})


def with_position(**spec: Any) -> dict[str, Any]:
    """The example with position P1's specification replaced."""
    return with_changes(positions={**EXAMPLE["positions"], "P1": spec})


def test_round_trip() -> None:
    instance = Instance.from_dict(EXAMPLE)
    assert instance.to_dict() == EXAMPLE
    assert instance.seed == 7
    assert instance.student_ids == ("S1", "S2", "S3", "S4")


def test_scores_are_stored_best_first() -> None:
    data = with_position(capacity=1, scores={"S1": 1, "S2": 5, "S3": 3})
    assert Instance.from_dict(data).to_dict()["positions"]["P1"]["scores"] == {
        "S2": 5,
        "S3": 3,
        "S1": 1,
    }


@pytest.mark.parametrize(
    "ids", [["b", "a", "d", "c", "e"], ["a", "b", "c", "d", "e"], ["S9", "S10", "S11"], []]
)
def test_lottery_is_defined_by_sorted_ids_and_numpy_permutation(ids: list[str]) -> None:
    instance = Instance.from_dict({"students": {s: [] for s in ids}, "positions": {}})
    draw = np.random.default_rng(2024).permutation(len(ids))
    lottery_order = [sorted(ids)[i] for i in draw]
    numbers = instance.lottery(2024)
    assert sorted(ids, key=lambda s: numbers[ids.index(s)]) == lottery_order


def test_ties_follow_the_lottery_and_unlisted_students_are_unacceptable() -> None:
    students: dict[str, list[str]] = {s: [] for s in ["A", "B", "C", "D", "E"]}
    data = {
        "students": students,
        "positions": {
            "R": {"capacity": 1, "ranking": ["E", ["A", "B", "C"]]},
            "S": {"capacity": 1, "scores": {"A": 2, "B": 2, "C": 2, "D": 3}},
        },
    }
    instance = Instance.from_dict(data)
    numbers = instance.lottery(11)
    by_lottery = sorted("ABC", key=lambda s: numbers[instance.student_index[s]])
    priorities = instance.priorities(11)
    assert priorities.order("R") == ["E", *by_lottery]
    assert priorities.order("S") == ["D", *by_lottery]
    assert priorities.rank("R", "D") is None
    assert priorities.rank("S", "E") is None
    assert priorities.rank("S", "D") == 1


def test_arrays_constructor_matches_from_dict() -> None:
    from_arrays = Instance(
        student_ids=["S1", "S2"],
        position_ids=["P1"],
        choice_offsets=[0, 1, 2],
        choice_positions=[0, 0],
        capacities=[1],
        priority_offsets=[0, 2],
        priority_students=[0, 1],
        priority_values=[3.0, 4.0],
        uses_scores=[True],
    )
    assert from_arrays.to_dict() == {
        "students": {"S1": ["P1"], "S2": ["P1"]},
        "positions": {"P1": {"capacity": 1, "scores": {"S2": 4, "S1": 3}}},
    }


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "instance: expected an object"),
        (with_changes(extra=1), "instance: unknown key 'extra'"),
        (with_changes(students=[]), "students: expected an object"),
        (with_choices("S1", ["P9"]), "students.S1: unknown position 'P9'"),
        (with_choices("S1", "P1"), "students.S1: expected a list of position ids"),
        (
            with_choices("S1", ["P1", "P2", "P1"]),
            "students.S1: position 'P1' is listed twice",
        ),
        (
            with_position(capacity=-1, ranking=[]),
            "positions.P1.capacity: must be a non-negative integer, got -1",
        ),
        (
            with_position(capacity=True, ranking=[]),
            "positions.P1.capacity: must be a non-negative integer, got True",
        ),
        (
            with_position(capacity=1),
            "positions.P1: give exactly one of 'ranking' and 'scores'",
        ),
        (
            with_position(capacity=1, ranking=[], scores={}),
            "positions.P1: give exactly one of 'ranking' and 'scores'",
        ),
        (
            with_position(capacity=1, ranking=[], size=3),
            "positions.P1: unknown key 'size'",
        ),
        (
            with_position(capacity=1, ranking=["S1", "S9"]),
            "positions.P1.ranking: unknown student 'S9'",
        ),
        (
            with_position(capacity=1, ranking=["S1", ["S2", "S1"]]),
            "positions.P1.ranking: student 'S1' is listed twice",
        ),
        (
            with_position(capacity=1, ranking=["S1", []]),
            "positions.P1.ranking[1]: empty tie group",
        ),
        (
            with_position(capacity=1, scores={"S1": "high"}),
            "positions.P1.scores.S1: score must be a number, got 'high'",
        ),
        (
            with_position(capacity=1, scores={"S1": float("nan")}),
            "positions.P1.scores: value for student 'S1' must be a finite number, got nan",
        ),
        (with_changes(seed=-3), "seed: must be a non-negative integer, got -3"),
        (with_changes(seed="7"), "seed: must be a non-negative integer, got '7'"),
    ],
)
def test_bad_instances_name_the_offending_entry(data: Any, message: str) -> None:
    with pytest.raises(InstanceError) as error:
        Instance.from_dict(data)
    assert str(error.value) == message


def test_arrays_constructor_names_bad_entries() -> None:
    arrays: dict[str, Any] = {
        "student_ids": ["S1", "S1"],
        "position_ids": ["P1"],
        "choice_offsets": [0, 0, 0],
        "choice_positions": [],
        "capacities": [1],
        "priority_offsets": [0, 0],
        "priority_students": [],
        "priority_values": [],
        "uses_scores": [False],
    }
    with pytest.raises(InstanceError, match="students: duplicate id 'S1'"):
        Instance(**arrays)
    with pytest.raises(InstanceError, match="positions: duplicate id 'P2'"):
        Instance(**{**arrays, "student_ids": ["S1", "S2"], "position_ids": ["P1", "P2", "P2"]})
    arrays["student_ids"] = ["S1", "S2"]
    with pytest.raises(InstanceError, match=r"students.S2: position index 3 is out of range"):
        Instance(**{**arrays, "choice_offsets": [0, 0, 1], "choice_positions": [3]})
    with pytest.raises(InstanceError, match="choices: expected 3 offsets from 0 to 1"):
        Instance(**{**arrays, "choice_offsets": [0, 0], "choice_positions": [0]})


def test_instance_arrays_are_read_only() -> None:
    instance = Instance.from_dict(EXAMPLE)
    with pytest.raises(ValueError, match="read-only"):
        instance.capacities[0] = 5


def test_arrays_constructor_takes_any_integer_dtype_copies_and_stores_compactly() -> None:
    arrays: dict[str, Any] = {
        "choice_offsets": np.array([0, 2, 3], dtype=np.uint8),
        "choice_positions": np.array([1, 0, 0], dtype=np.int16),
        "capacities": np.array([1, 2], dtype=np.uint64),
        "priority_offsets": np.array([0, 2, 4], dtype=np.int32),
        "priority_students": np.array([0, 1, 1, 0], dtype=np.uint64),  # P2 not best first
        "priority_values": np.array([1.5, 2.5, 3, 1], dtype=np.float32),
        "uses_scores": np.array([True, False]),
    }
    originals = {name: array.copy() for name, array in arrays.items()}
    instance = Instance(student_ids=["S1", "S2"], position_ids=["P1", "P2"], **arrays)
    for name, array in arrays.items():
        assert np.array_equal(array, originals[name]) and array.flags.writeable, name
    assert instance.to_dict() == {
        "students": {"S1": ["P2", "P1"], "S2": ["P1"]},
        "positions": {
            "P1": {"capacity": 1, "scores": {"S2": 2.5, "S1": 1.5}},
            "P2": {"capacity": 2, "ranking": ["S1", "S2"]},
        },
    }
    assert instance.choice_base_ranks.tolist() == [0, 1, 0]
    for name in ("choice_positions", "choice_students", "priority_students", "base_ranks"):
        assert getattr(instance, name).dtype == np.int32, name
    for name in ("choice_offsets", "priority_offsets", "capacities"):
        assert getattr(instance, name).dtype == np.int64, name
    assert instance.choice_base_ranks.dtype == np.int32
    assert instance.priority_values.dtype == np.float64


def test_arrays_constructor_names_out_of_range_entries() -> None:
    arrays: dict[str, Any] = {
        "student_ids": ["S1", "S2"],
        "position_ids": ["P1", "P2"],
        "choice_offsets": [0, 0, 2],
        "choice_positions": [1, 0],
        "capacities": [1, 1],
        "priority_offsets": [0, 0, 2],
        "priority_students": [0, 1],
        "priority_values": [1, 2],
        "uses_scores": [False, True],
    }
    Instance(**arrays)
    with pytest.raises(InstanceError, match=r"^students.S2: position index -1 is out of range$"):
        Instance(**{**arrays, "choice_positions": [1, -1]})
    with pytest.raises(
        InstanceError, match=r"^positions.P2.scores: student index 2 is out of range$"
    ):
        Instance(**{**arrays, "priority_students": [0, 2]})
    with pytest.raises(
        InstanceError, match=r"^positions.P2.scores: value for student 'S2' must be a finite"
    ):
        Instance(**{**arrays, "priority_values": [1, np.inf]})
    with pytest.raises(InstanceError, match=r"^choice_positions: expected a one-dimensional"):
        Instance(**{**arrays, "choice_positions": [1.0, 0.0]})
