"""Explanations: why a student did not get each choice ranked above the one they got."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from chanchuang.matching.model import Instance
from chanchuang.matching.result import Result, ResultError, check_fits

Reason = Literal["full", "not_acceptable"]


@dataclass(frozen=True)
class Explanation:
    """Why a student was not placed at one of the choices they ranked above their outcome.

    ``reason`` is a stable code: ``"full"`` means the position filled its seats with students
    ranked above this one (``cutoff_rank`` is the 1-based place of its last admitted student,
    ``None`` if it has no seats; ``student_rank`` is this student's place, always below the
    cutoff); ``"not_acceptable"`` means the position's priority does not include the student
    (both ranks are ``None``). ``choice_number`` is the 1-based place in the student's list.
    """

    position: str
    choice_number: int
    reason: Reason
    cutoff_rank: int | None
    student_rank: int | None

    @property
    def message(self) -> str:
        """A short English sentence; the platform renders its own text from the fields."""
        if self.reason == "not_acceptable":
            return f"{self.position}: you were not acceptable to it"
        if self.cutoff_rank is None:
            return f"{self.position}: full, it has no seats (your rank {self.student_rank})"
        return (
            f"{self.position}: full, cutoff above you"
            f" (cutoff rank {self.cutoff_rank}, your rank {self.student_rank})"
        )


def explain(instance: Instance, result: Result, student_id: str) -> list[Explanation]:
    """Explain every choice the student ranked above the one they got (all, if unassigned).

    Ranks use the tie-broken priorities for the result's seed. Raises ResultError for an
    unknown student, a result that does not fit the instance, or one that contradicts
    stability at one of those choices (the position had room for, or preferred, the student).
    """
    check_fits(instance, result)
    if student_id not in instance.student_index:
        raise ResultError(f"{student_id}: unknown student")
    student = instance.student_index[student_id]
    assigned = result.assignment[student_id]
    first_choice = int(instance.choice_offsets[student])
    choices = [instance.position_ids[p] for p in instance.choices_of(student).tolist()]
    if assigned is not None and assigned not in choices:
        raise ResultError(f"assignment.{student_id}: {assigned!r} is not among their choices")
    ranks = instance.priorities(result.seed).choice_ranks
    explanations = []
    for place, position in enumerate(choices):
        if position == assigned:
            break
        rank = int(ranks[first_choice + place])
        if rank < 0:
            explanations.append(Explanation(position, place + 1, "not_acceptable", None, None))
            continue
        outcome = result.positions[position]
        cutoff = outcome.cutoff_rank
        if outcome.capacity > 0 and (not outcome.full or cutoff is None or rank + 1 <= cutoff):
            raise ResultError(
                f"result is not stable: {student_id} and {position} would both rather be matched"
            )
        explanations.append(Explanation(position, place + 1, "full", cutoff, rank + 1))
    return explanations
