"""Reads during the cohort: the explanation of the mentor match."""

from __future__ import annotations

from chanchuang.core.models import MatchOutcome
from chanchuang.innovation.models import Cohort, Team
from chanchuang.mentors.models import Mentor


def mentor_explanations(cohort: Cohort) -> dict[int, list[dict]]:
    """For every team of the cohort's last mentor match, why it did not get each mentor it
    ranked above the one it got: the mentor was full, with the intake-score rank of the last
    team they took and the team's own. Keyed by team id (teams added since the match have no
    entry). Read from the outcomes stored when the run finished."""
    if cohort.mentor_run_id is None:
        return {}
    outcomes = list(MatchOutcome.objects.filter(run_id=cohort.mentor_run_id))
    mentor_ids = {int(r["position"]) for o in outcomes for r in o.reasons}
    names = dict(Mentor.objects.filter(pk__in=mentor_ids).values_list("pk", "name")) \
        if mentor_ids else {}
    return {int(o.participant): [{"mentor": names.get(int(r["position"]), r["position"]),
                                  "choice": r["choice"], "reason": r["reason"],
                                  "cutoff": r["cutoff_rank"], "rank": r["your_rank"]}
                                 for r in o.reasons]
            for o in outcomes}


def mentor_explanation(team: Team) -> list[dict]:
    """Why the team did not get each mentor it ranked higher (see ``mentor_explanations``)."""
    return mentor_explanations(team.cohort).get(team.pk, [])
