"""Read helpers of the placements app: what pages and the API show, computed from stored
records only (a GET never writes)."""

from __future__ import annotations

from chanchuang.core.models import MatchOutcome, Student
from chanchuang.placements.models import SelectionRound


def explanation(selection: SelectionRound, student: Student) -> dict:
    """Why a student got what they got in the round's latest run: their position and, for each
    position they ranked higher, whether it was full (with its cutoff and the student's rank
    there) or did not accept them. Read from the outcome stored when the run finished."""
    outcome = MatchOutcome.objects.filter(run_id=selection.run_id,
                                          participant=str(student.pk)).first()
    if outcome is None:
        return {"assigned": None, "reasons": []}
    return {"assigned": int(outcome.assigned) if outcome.assigned else None,
            "reasons": [{**reason, "position": int(reason["position"])}
                        for reason in outcome.reasons]}
