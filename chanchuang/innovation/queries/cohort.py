"""Reads during the cohort: the explanation of the mentor match, who takes part and their
attendance."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from chanchuang.core.models import MatchOutcome, Student
from chanchuang.innovation.choices import ApplicationStatus, AttendanceStatus
from chanchuang.innovation.models import ApplicationMember, Attendance, Cohort, Team
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


def participants(cohort: Cohort) -> list[Student]:
    """The students of the cohort's teams."""
    return [m.student for m in ApplicationMember.objects.filter(
        application__cohort=cohort, application__status=ApplicationStatus.ACCEPTED)
        .select_related("student__user")]


def in_cohort(cohort: Cohort, student: Student) -> bool:
    """Whether the student is in one of the cohort's teams (one indexed lookup)."""
    return ApplicationMember.objects.filter(
        application__cohort=cohort, application__status=ApplicationStatus.ACCEPTED,
        student=student).exists()


def attendance_rates(cohort: Cohort, now: dt.datetime | None = None) -> dict[int, float]:
    """Per student: the share of the cohort's past sessions attended (present, late or
    excused count)."""
    now = now or timezone.now()
    held = list(cohort.sessions.filter(starts_at__lte=now).values_list("pk", flat=True))
    attended: dict[int, int] = {}
    for student_id in Attendance.objects.filter(
            session_id__in=held, status__in=[AttendanceStatus.PRESENT, AttendanceStatus.LATE,
                                             AttendanceStatus.EXCUSED]).values_list(
            "student_id", flat=True):
        attended[student_id] = attended.get(student_id, 0) + 1
    return {s.pk: (attended.get(s.pk, 0) / len(held) if held else 1.0)
            for s in participants(cohort)}
