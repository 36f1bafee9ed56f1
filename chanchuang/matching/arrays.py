"""Array-based (numpy) deferred acceptance, for instances with millions of choices.

Both directions run on one generic kernel. Proposers, each with a quota and an ordered list of
receivers, propose in rounds: in each round every proposer short of its quota proposes to the
next receivers on its list. Receivers hold their best proposals so far, up to capacity, and
reject the rest. A receiver that is full has a cutoff (the key of the worst proposal it holds);
a proposal that would fall at or below a cutoff is skipped before it is made, since it would be
rejected anyway. Held proposals live in one flat array of seats, one block per receiver; a round
re-sorts only the blocks of receivers that got proposals, so late rounds are cheap.
"""

from __future__ import annotations

import numpy as np

from chanchuang.matching._sorting import distinct, ragged_ranges, run_starts, sort_keys
from chanchuang.matching.model import Instance, Priorities
from chanchuang.matching.result import Proposer

NOT_FULL = np.iinfo(np.int64).max
"""The cutoff of a receiver with a free seat: any acceptable key is below it."""


def array_matched_choices(
    instance: Instance, priorities: Priorities, proposer: Proposer
) -> np.ndarray:
    """Each student's matched choice index (into ``instance.choice_positions``), ``-1`` if none."""
    n_students = len(instance.student_ids)
    ranks = priorities.choice_ranks
    students_once = np.ones(n_students, dtype=np.int64)
    if proposer == "students":
        held = _deferred_acceptance(
            offsets=instance.choice_offsets,
            receivers=instance.choice_positions,
            keys=ranks,
            owners=instance.choice_students,
            quotas=students_once,
            capacities=instance.capacities,
            key_bound=int(np.diff(instance.priority_offsets).max(initial=0)) + 1,
        )
    else:
        n_positions = len(instance.position_ids)
        mutual = np.flatnonzero(ranks >= 0)
        positions = instance.choice_positions[mutual]
        rank_bound = int(ranks.max(initial=0)) + 1
        keys = positions.astype(np.int64) * rank_bound
        keys += ranks[mutual]
        order = sort_keys(keys, n_positions * rank_bound)
        lists = mutual[order]  # each position's acceptable applicants, best first
        students = instance.choice_students[lists]
        offsets = np.zeros(n_positions + 1, dtype=np.int64)
        np.cumsum(np.bincount(positions, minlength=n_positions), out=offsets[1:])
        held = lists[
            _deferred_acceptance(
                offsets=offsets,
                receivers=students,
                keys=lists - instance.choice_offsets[students],  # place in the student's list
                owners=positions[order],
                quotas=instance.capacities,
                capacities=students_once,
                key_bound=int(np.diff(instance.choice_offsets).max(initial=0)) + 1,
            )
        ]
    matched = np.full(n_students, -1, dtype=np.int64)
    matched[instance.choice_students[held]] = held
    return matched


def _deferred_acceptance(
    *,
    offsets: np.ndarray,
    receivers: np.ndarray,
    keys: np.ndarray,
    owners: np.ndarray,
    quotas: np.ndarray,
    capacities: np.ndarray,
    key_bound: int,
) -> np.ndarray:
    """Run proposer-optimal deferred acceptance; return the list items held at the end.

    Proposer ``i``'s list is items ``offsets[i]:offsets[i + 1]``, best first; item ``k`` names
    receiver ``receivers[k]``, which ranks it by ``keys[k]`` (lower is better, distinct per
    receiver, below ``key_bound - 1``; negative if unacceptable); ``owners[k]`` is the proposer.
    """
    seat_offsets = np.zeros(capacities.size + 1, dtype=np.int64)
    np.cumsum(capacities, out=seat_offsets[1:])
    seats = np.full(int(seat_offsets[-1]), -1, dtype=np.int64)
    cutoffs = np.where(capacities > 0, NOT_FULL, -1)
    next_items = offsets[:-1].copy()
    ends = offsets[1:]
    held = np.zeros(quotas.size, dtype=np.int64)
    active = np.flatnonzero(ends > next_items)
    while active.size:
        proposals = _next_proposals(
            active, quotas[active] - held[active], next_items, ends, receivers, keys, cutoffs
        )
        if not proposals.size:
            break
        targets = receivers[proposals]
        touched = distinct(targets, capacities.size)
        blocks = ragged_ranges(seat_offsets[touched], capacities[touched])
        items = np.concatenate([seats[blocks], proposals])
        item_receivers = np.concatenate([np.repeat(touched, capacities[touched]), targets])
        merged_keys = item_receivers * key_bound  # int64, as item_receivers is
        merged_keys += np.where(items >= 0, keys[items], key_bound - 1)  # empty seats last
        items = items[sort_keys(merged_keys, (int(touched[-1]) + 1) * key_bound)]
        item_receivers = merged_keys // key_bound
        places = np.arange(items.size) - run_starts(item_receivers)
        kept = places < capacities[item_receivers]
        seats[seat_offsets[item_receivers[kept]] + places[kept]] = items[kept]
        rejected = items[~kept]
        rejected = rejected[rejected >= 0]
        last = seats[seat_offsets[touched + 1] - 1]
        cutoffs[touched] = np.where(last >= 0, keys[last].astype(np.int64), NOT_FULL)
        np.add.at(held, owners[proposals], 1)
        np.add.at(held, owners[rejected], -1)
        active = distinct(owners[rejected], quotas.size)
        active = active[next_items[active] < ends[active]]
    return seats[seats >= 0]


def _next_proposals(
    active: np.ndarray,
    deficits: np.ndarray,
    next_items: np.ndarray,
    ends: np.ndarray,
    receivers: np.ndarray,
    keys: np.ndarray,
    cutoffs: np.ndarray,
) -> np.ndarray:
    """Advance each active proposer past items its receivers would reject until it has made
    ``deficit`` promising proposals or run out of list; return those proposals."""
    batches = []
    while active.size:
        taken = np.minimum(deficits, ends[active] - next_items[active])
        items = ragged_ranges(next_items[active], taken)
        next_items[active] += taken
        item_keys = keys[items]
        promising = (item_keys >= 0) & (item_keys < cutoffs[receivers[items]])
        batches.append(items[promising])
        proposer_of_item = np.repeat(np.arange(active.size), taken)
        deficits = deficits - np.bincount(proposer_of_item[promising], minlength=active.size)
        going_on = (deficits > 0) & (next_items[active] < ends[active])
        active, deficits = active[going_on], deficits[going_on]
    return np.concatenate(batches) if batches else np.zeros(0, dtype=np.int64)
