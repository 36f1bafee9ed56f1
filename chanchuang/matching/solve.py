"""The entry point: stable matching by deferred acceptance, with a seeded single tie-break."""

from __future__ import annotations

import secrets
from typing import Literal, get_args

from chanchuang.matching.arrays import array_matched_choices
from chanchuang.matching.model import Instance, check_seed
from chanchuang.matching.reference import reference_matched_choices
from chanchuang.matching.result import PROPOSERS, Proposer, Result, build_result

Engine = Literal["auto", "array", "reference"]
ENGINES: tuple[str, ...] = get_args(Engine)
AUTO_REFERENCE_MAX_CHOICES = 2_000
"""With ``engine="auto"``, instances with at most this many choices use the reference engine
(faster on tiny inputs); larger ones use the array engine. Both give identical results."""


def solve(
    instance: Instance,
    proposer: Proposer = "students",
    seed: int | None = None,
    engine: Engine = "auto",
) -> Result:
    """Compute a stable matching by deferred acceptance.

    ``proposer="students"`` (the default) gives the student-optimal stable matching, which is
    strategy-proof for students; ``"positions"`` gives the position-optimal one (for comparison;
    also usable for mentors and teams, with teams in the role of students). Ties in priorities are
    broken by one lottery over all students drawn from the seed: ``seed`` if given, else the
    instance's seed, else a fresh random one; the seed used is recorded in the result.
    """
    if proposer not in PROPOSERS:
        raise ValueError(f"proposer must be one of {', '.join(PROPOSERS)}, got {proposer!r}")
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {', '.join(ENGINES)}, got {engine!r}")
    seed = resolve_seed(seed, instance)
    priorities = instance.priorities(seed)
    if engine == "auto":
        small = instance.choice_positions.size <= AUTO_REFERENCE_MAX_CHOICES
        engine = "reference" if small else "array"
    if engine == "reference":
        matched = reference_matched_choices(instance, priorities.lottery, proposer)
    else:
        matched = array_matched_choices(instance, priorities, proposer)
    return build_result(instance, priorities, matched, proposer)


def resolve_seed(seed: int | None, instance: Instance) -> int:
    """The seed to use: ``seed`` if given, else the instance's, else a fresh random one."""
    seed = check_seed(seed, "seed")
    if seed is not None:
        return seed
    if instance.seed is not None:
        return instance.seed
    return secrets.randbelow(2**32)
