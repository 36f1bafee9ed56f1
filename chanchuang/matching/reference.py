"""Plain-Python reference deferred acceptance, kept simple so it can be trusted in tests.

It derives the tie-broken priority orders itself, straight from the definition (sort each
position's acceptable students by priority class, then by lottery number), and runs the textbook
algorithms with lists and heaps. The array engine must agree with it exactly.
"""

from __future__ import annotations

import heapq

import numpy as np

from chanchuang.matching.model import Instance
from chanchuang.matching.result import Proposer


def reference_orders(instance: Instance, lottery: np.ndarray) -> list[list[int]]:
    """Each position's acceptable student indices, best first, ties broken by ``lottery``."""
    orders = []
    for position in range(len(instance.position_ids)):
        start, stop = instance.priority_offsets[position], instance.priority_offsets[position + 1]
        students = instance.priority_students[start:stop].tolist()
        values = instance.priority_values[start:stop].tolist()
        better_first = -1.0 if instance.uses_scores[position] else 1.0
        entries = sorted(
            zip(students, values, strict=True),
            key=lambda entry: (better_first * entry[1], lottery[entry[0]]),
        )
        orders.append([student for student, _ in entries])
    return orders


def reference_matched_choices(
    instance: Instance, lottery: np.ndarray, proposer: Proposer
) -> np.ndarray:
    """Each student's matched choice index (into ``instance.choice_positions``), ``-1`` if none."""
    choices = [instance.choices_of(s).tolist() for s in range(len(instance.student_ids))]
    orders = reference_orders(instance, lottery)
    capacities = instance.capacities.tolist()
    if proposer == "students":
        matched = _students_propose(choices, orders, capacities)
    else:
        matched = _positions_propose(choices, orders, capacities)
    offsets = instance.choice_offsets
    return np.array(
        [offsets[s] + c if c >= 0 else -1 for s, c in enumerate(matched)], dtype=np.int64
    )


def _students_propose(
    choices: list[list[int]], orders: list[list[int]], capacities: list[int]
) -> list[int]:
    """Student-proposing DA; returns each student's matched place in their own list or -1."""
    ranks = [{student: rank for rank, student in enumerate(order)} for order in orders]
    next_choice = [0] * len(choices)
    held: list[list[tuple[int, int]]] = [[] for _ in orders]  # max-heaps of (-rank, student)
    free = list(range(len(choices)))
    while free:
        student = free.pop()
        while next_choice[student] < len(choices[student]):
            position = choices[student][next_choice[student]]
            next_choice[student] += 1
            rank = ranks[position].get(student)
            if rank is None or capacities[position] == 0:
                continue
            heap = held[position]
            if len(heap) < capacities[position]:
                heapq.heappush(heap, (-rank, student))
                break
            if rank < -heap[0][0]:
                _, rejected = heapq.heapreplace(heap, (-rank, student))
                free.append(rejected)
                break
    matched = [-1] * len(choices)
    for heap in held:
        for _, student in heap:
            matched[student] = next_choice[student] - 1
    return matched


def _positions_propose(
    choices: list[list[int]], orders: list[list[int]], capacities: list[int]
) -> list[int]:
    """Position-proposing DA; returns each student's matched place in their own list or -1."""
    preference = [{position: place for place, position in enumerate(c)} for c in choices]
    next_offer = [0] * len(orders)
    filled = [0] * len(orders)
    holding = [-1] * len(choices)  # the position each student currently holds
    free = list(range(len(orders)))
    while free:
        position = free.pop()
        order = orders[position]
        while filled[position] < capacities[position] and next_offer[position] < len(order):
            student = order[next_offer[position]]
            next_offer[position] += 1
            place = preference[student].get(position)
            current = holding[student]
            if place is None or (current >= 0 and preference[student][current] < place):
                continue
            if current >= 0:
                filled[current] -= 1
                free.append(current)
            holding[student] = position
            filled[position] += 1
    return [preference[s][p] if p >= 0 else -1 for s, p in enumerate(holding)]
