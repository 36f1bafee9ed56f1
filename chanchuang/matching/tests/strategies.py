"""Hypothesis strategies for small instances, and a brute-force oracle over all matchings."""

from __future__ import annotations

import itertools
from typing import Any

from hypothesis import strategies as st

from chanchuang.matching.model import Instance
from chanchuang.matching.reference import reference_orders

SEEDS = st.integers(min_value=0, max_value=2**32 - 1)


@st.composite
def instance_dicts(
    draw: st.DrawFn,
    max_students: int = 6,
    max_positions: int = 4,
    max_capacity: int = 3,
    dense: bool = False,
) -> dict[str, Any]:
    """Instances in the JSON format: ties, incomplete lists, zero capacities, spare seats.

    ``dense`` instances have at least two students and two positions and (nearly) complete lists
    on both sides, so that they more often have several stable matchings.
    """
    smallest = 2 if dense else 0
    students = [f"S{i}" for i in range(draw(st.integers(smallest, max_students)))]
    positions = [f"P{j}" for j in range(draw(st.integers(smallest, max_positions)))]
    subsets = _Subsets(draw, dense)
    return {
        "students": {student: subsets(positions) for student in students},
        "positions": {
            position: draw(_position_specs(students, max_capacity, subsets))
            for position in positions
        },
    }


class _Subsets:
    """Draws distinct items in uniformly random order: any number of them, or all but at most
    one if dense. (Hypothesis picks the sizes; a seeded Random shuffles, since Hypothesis's own
    permutations lean towards the identity and would hide most preference conflicts.)"""

    def __init__(self, draw: st.DrawFn, dense: bool) -> None:
        self.draw = draw
        self.dense = dense
        self.random = draw(st.randoms(use_true_random=True))

    def __call__(self, items: list[str]) -> list[str]:
        smallest = max(len(items) - 1, 0) if self.dense else 0
        return self.random.sample(items, self.draw(st.integers(smallest, len(items))))


@st.composite
def _position_specs(
    draw: st.DrawFn, students: list[str], max_capacity: int, subsets: _Subsets
) -> dict[str, Any]:
    """A capacity and a priority. Dense instances have seats everywhere and fewer ties (ties
    broken by the shared lottery make positions agree, which leaves one stable matching)."""
    dense = subsets.dense
    capacity = draw(st.integers(1 if dense else 0, max_capacity))
    acceptable = subsets(students)
    tie: st.SearchStrategy[bool] = (
        st.integers(0, 4).map(lambda n: n == 0) if dense else st.booleans()
    )
    if draw(st.booleans()):
        scores = st.integers(-5, 20) if dense else st.sampled_from([0, 1, 1.5, 2, -3])
        return {"capacity": capacity, "scores": {s: draw(scores) for s in acceptable}}
    groups: list[list[str]] = []
    for student in acceptable:
        ties_previous = draw(tie) if groups else False
        if ties_previous:
            groups[-1].append(student)
        else:
            groups.append([student])
    ranking = [group[0] if len(group) == 1 else group for group in groups]
    return {"capacity": capacity, "ranking": ranking}


def stable_matchings(instance: Instance, seed: int) -> list[dict[str, str | None]]:
    """Every stable matching of a tiny instance for the priorities tie-broken by ``seed``.

    Brute force over all assignments of students to acceptable choices, written independently
    of the solver and the verifier.
    """
    lottery = instance.lottery(seed)
    ranks = [{s: r for r, s in enumerate(order)} for order in reference_orders(instance, lottery)]
    n_students = len(instance.student_ids)
    choices = [instance.choices_of(s).tolist() for s in range(n_students)]
    options = [[None, *(p for p in choices[s] if s in ranks[p])] for s in range(n_students)]
    capacities = instance.capacities.tolist()
    stable = []
    for matching in itertools.product(*options):
        admitted: list[list[int]] = [[] for _ in capacities]
        for student, position in enumerate(matching):
            if position is not None:
                admitted[position].append(student)
        if any(len(a) > c for a, c in zip(admitted, capacities, strict=True)):
            continue
        if not any(
            _blocks(student, position, admitted[position], capacities[position], ranks[position])
            for student in range(n_students)
            for position in _preferred(choices[student], matching[student])
        ):
            stable.append(
                {
                    instance.student_ids[s]: None if p is None else instance.position_ids[p]
                    for s, p in enumerate(matching)
                }
            )
    return stable


def _preferred(choices: list[int], current: int | None) -> list[int]:
    return choices if current is None else choices[: choices.index(current)]


def _blocks(
    student: int, position: int, admitted: list[int], capacity: int, ranks: dict[int, int]
) -> bool:
    if student not in ranks:
        return False
    return len(admitted) < capacity or any(ranks[other] > ranks[student] for other in admitted)
