"""During the cohort: mentors offered to teams, teams' mentor choices, the mentor match (the
matching kernel, many teams to one mentor) with its explanation, attendance (marked or checked
in with the session code), milestone submissions and feedback, demo-day scores, and completion."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from chanchuang.core import audit
from chanchuang.core import services as core_services
from chanchuang.core.models import MatchRun, Student, User
from chanchuang.core.queries import student_of
from chanchuang.core.services import DomainError, notify, validate
from chanchuang.innovation.choices import (
    ApplicationStatus,
    AttendanceStatus,
    CheckInMethod,
    CohortPhase,
    CreditCategory,
)
from chanchuang.innovation.models import (
    ApplicationMember,
    Attendance,
    Cohort,
    CohortMentor,
    Credit,
    JudgeScore,
    MentorChoice,
    Milestone,
    Session,
    Submission,
    Team,
)
from chanchuang.innovation.queries import cohort as queries
from chanchuang.mentors.choices import ActivityKind
from chanchuang.mentors.models import Mentor
from chanchuang.mentors.services import record_activity

CHECK_IN_EARLY = dt.timedelta(minutes=30)
LATE_AFTER = dt.timedelta(minutes=15)
TEAM_PHASES = (CohortPhase.SELECTED, CohortPhase.RUNNING)


def start(*, actor: User, cohort: Cohort) -> Cohort:
    """The cohort starts: the waitlist closes (those still waiting were not selected)."""
    if cohort.phase != CohortPhase.SELECTED:
        raise DomainError(_("A cohort starts after its selection is published."))
    with transaction.atomic():
        for application in cohort.applications.filter(status=ApplicationStatus.WAITLISTED):
            application.status = ApplicationStatus.REJECTED
            application.save(update_fields=["status"])
        cohort.phase = CohortPhase.RUNNING
        cohort.save(update_fields=["phase"])
        audit.record(actor=actor, action="innovation.cohort.started", obj=cohort,
                     after={"phase": cohort.phase})
    return cohort


# --- Mentors and the match -------------------------------------------------------------------


def choose_mentors(*, actor: User, team: Team, mentors: list[Mentor]) -> list[MentorChoice]:
    """A team ranks the mentors offered to its cohort (first = most wanted); replaces its
    earlier ranking. Closed once the match has run."""
    cohort = team.cohort
    if cohort.phase not in TEAM_PHASES or cohort.mentor_run_id is not None:
        raise DomainError(_("Mentor choices are closed: the match has run."))
    offered = set(cohort.mentor_offers.values_list("mentor_id", flat=True))
    if len({m.pk for m in mentors}) != len(mentors):
        raise DomainError(_("A mentor is listed twice."))
    if any(m.pk not in offered for m in mentors):
        raise DomainError(_("Choose among the mentors offered to this cohort."))
    with transaction.atomic():
        team.mentor_choices.all().delete()
        choices = MentorChoice.objects.bulk_create([
            MentorChoice(team=team, mentor=mentor, rank=rank)
            for rank, mentor in enumerate(mentors, start=1)])
        audit.record(actor=actor, action="innovation.team.mentors_chosen", obj=team,
                     school_id=cohort.school_id,
                     after={"mentor_choices": [m.name for m in mentors]})
    return choices


MENTOR_MATCH = "innovation.mentor_match"


def match_instance(cohort: Cohort) -> dict:
    """The kernel's instance: teams propose to mentors in their order; a mentor with more
    takers than room keeps the teams with the best intake scores."""
    teams = list(cohort.teams.select_related("application").prefetch_related("mentor_choices"))
    students = {str(t.pk): [str(c.mentor_id) for c in t.mentor_choices.all()] for t in teams}
    scores = {str(t.pk): float(t.application.score or 0) for t in teams}
    positions = {}
    for offer in cohort.mentor_offers.all():
        takers = [t for t, choices in students.items() if str(offer.mentor_id) in choices]
        positions[str(offer.mentor_id)] = {"capacity": offer.capacity,
                                           "scores": {t: scores[t] for t in takers}}
    return {"students": students, "positions": positions}


def start_mentor_match(*, actor: User, cohort: Cohort, seed: int | None = None) -> MatchRun:
    """Freeze the teams' mentor choices and the mentors' room, and queue the mentor match
    (a background task, like a placement round's). When it finishes, teams get their mentors
    and everyone is told (``mentors_assigned``)."""
    with transaction.atomic():
        cohort = Cohort.objects.select_for_update(of=("self",)).select_related("mentor_run").get(
            pk=cohort.pk)
        if cohort.phase not in TEAM_PHASES:
            raise DomainError(_("Mentors are matched once the selection is published."))
        if cohort.mentor_run and cohort.mentor_run.running:
            raise DomainError(_("The mentor match is already running."))
        if not cohort.mentor_offers.exists():
            raise DomainError(_("Offer mentors to the cohort first."))
        instance = match_instance(cohort)
        if not instance["students"]:
            raise DomainError(_("No team has joined the cohort yet."))
        cohort.mentor_run = core_services.freeze_match(
            actor=actor, school_id=cohort.school_id, purpose=MENTOR_MATCH, instance=instance,
            seed=seed)
        cohort.save(update_fields=["mentor_run"])
        audit.record(actor=actor, action="innovation.cohort.mentor_match_started", obj=cohort)
    return cohort.mentor_run


def mentors_assigned(run: MatchRun) -> None:
    """A mentor match finished: each team gets the mentor the kernel gave it (teams that chose
    nobody, or only full mentors, stay without one for staff to place by hand), the result is
    published at once, and mentors and students are told. A run the cohort has since replaced
    changes nothing."""
    cohort = Cohort.objects.filter(mentor_run=run).first()
    if cohort is None:
        return
    core_services.publish_match(run)
    mentors = {m.pk: m for m in Mentor.objects.filter(
        pk__in=[int(p) for p in run.instance["positions"]]).select_related("user")}
    teams = list(cohort.teams.all())
    for team in teams:
        assigned = run.result["assignment"].get(str(team.pk))
        team.mentor = mentors.get(int(assigned)) if assigned else None
    Team.objects.bulk_update(teams, ["mentor"])
    audit.record(actor=run.created_by, action="innovation.cohort.mentors_assigned", obj=cohort,
                 data={"mentor_match": {str(t): str(t.mentor or "") for t in teams}})
    for team in teams:
        if team.mentor and team.mentor.user_id:
            notify(user=team.mentor.user, title=_("You mentor %(team)s in %(cohort)s")
                   % {"team": team, "cohort": cohort}, url=team.get_absolute_url())
        for student in team.students():
            notify(user=student.user, title=_("Your mentor in %(cohort)s: %(mentor)s")
                   % {"cohort": cohort, "mentor": team.mentor or _("not yet assigned")},
                   url=team.get_absolute_url())


def set_mentor_capacity(*, actor: User, offer: CohortMentor, capacity: int) -> CohortMentor:
    """A mentor states (or staff change) how many of the cohort's teams they can take; the
    next match uses it. Refused below the teams they already mentor there, or once the cohort
    has finished."""
    cohort = offer.cohort
    if cohort.phase == CohortPhase.FINISHED:
        raise DomainError(_("This cohort has finished."))
    taken = cohort.teams.filter(mentor_id=offer.mentor_id).count()
    if capacity < max(1, taken):
        raise DomainError(_("At least %(n)s: the teams already mentored in this cohort.")
                          % {"n": max(1, taken)}, field="capacity")
    with transaction.atomic():
        before = offer.capacity
        offer.capacity = capacity
        offer.save(update_fields=["capacity"])
        audit.record(actor=actor, action="innovation.cohort.mentor_capacity_set", obj=offer,
                     school_id=cohort.school_id, before={"capacity": before},
                     after={"capacity": capacity})
    return offer


def assign_mentor(*, actor: User, team: Team, mentor: Mentor | None) -> Team:
    """Staff place a team with a mentor by hand (or take the mentor away)."""
    if mentor is not None and mentor.school_id != team.cohort.school_id:
        raise DomainError(_("This mentor is not in the school's pool."))
    with transaction.atomic():
        before = str(team.mentor or "")
        team.mentor = mentor
        team.save(update_fields=["mentor"])
        audit.record(actor=actor, action="innovation.team.mentor_assigned", obj=team,
                     school_id=team.cohort.school_id, before={"mentor": before},
                     after={"mentor": str(mentor or "")})
    return team


# --- Attendance ------------------------------------------------------------------------------


def mark_attendance(*, actor: User, session: Session, student: Student, status: str,
                    method: str) -> Attendance:
    """Staff or the session's mentor record whether a student came."""
    if not queries.in_cohort(session.cohort, student):
        raise DomainError(_("%(student)s is not in this cohort.") % {"student": student})
    if status not in AttendanceStatus.values:
        raise DomainError(_("Attendance: choose present, late, excused or absent."))
    with transaction.atomic():
        attendance, _created = Attendance.objects.update_or_create(
            session=session, student=student,
            defaults={"status": status, "method": method, "recorded_by": actor})
        audit.record(actor=actor, action="innovation.attendance.marked", obj=attendance,
                     school_id=session.cohort.school_id, after={"status": status})
    return attendance


def check_in(*, actor: User, session: Session, code: str,
             now: dt.datetime | None = None) -> Attendance:
    """A student checks in with the code shown in the room, from half an hour before the
    session to its end (late after a quarter of an hour)."""
    now = now or timezone.now()
    student = student_of(actor)
    if student is None or not queries.in_cohort(session.cohort, student):
        raise DomainError(_("Only the cohort's students check in."))
    if not session.starts_at - CHECK_IN_EARLY <= now <= session.ends_at:
        raise DomainError(_("Check-in is open from %(open)s to %(close)s.") % {
            "open": timezone.localtime(session.starts_at - CHECK_IN_EARLY).strftime("%H:%M"),
            "close": timezone.localtime(session.ends_at).strftime("%H:%M")})
    if code.strip() != session.check_in_code:
        raise DomainError(_("The check-in code is wrong."), field="code")
    status = AttendanceStatus.LATE if now > session.starts_at + LATE_AFTER \
        else AttendanceStatus.PRESENT
    with transaction.atomic():
        attendance, _created = Attendance.objects.get_or_create(
            session=session, student=student,
            defaults={"status": status, "method": CheckInMethod.CODE, "recorded_by": actor})
    return attendance


# --- Milestones and demo day ------------------------------------------------------------------


def submit(*, actor: User, milestone: Milestone, team: Team, content: str,
           link: str = "") -> Submission:
    """A team member hands in (or updates) the team's work for a milestone; refused once the
    cohort has finished (its credits are counted)."""
    if team.cohort_id != milestone.cohort_id:
        raise DomainError(_("This milestone belongs to another cohort."))
    if not content.strip():
        raise DomainError(_("Say what the team did."), field="content")
    with transaction.atomic():
        # Race: staff finishing the cohort while a team hands in. The row lock makes `finish`
        # wait for this hand-in (or this one see the finished phase once `finish` commits).
        phase = Cohort.objects.select_for_update().values_list("phase", flat=True).get(
            pk=team.cohort_id)
        if phase == CohortPhase.FINISHED:
            raise DomainError(_("This cohort has finished; it takes no more submissions."))
        submission, _created = Submission.objects.update_or_create(
            milestone=milestone, team=team,
            defaults={"content": content.strip(), "link": link, "submitted_by": actor})
        validate(submission)
        audit.record(actor=actor, action="innovation.submission.handed_in", obj=submission,
                     school_id=team.cohort.school_id, after={"milestone": milestone.title})
        if team.mentor and team.mentor.user_id:
            notify(user=team.mentor.user, title=_("%(team)s handed in %(milestone)s")
                   % {"team": team, "milestone": milestone}, url=team.get_absolute_url())
    return submission


def give_feedback(*, actor: User, submission: Submission, feedback: str) -> Submission:
    """The team's mentor (or staff) comments on a submission."""
    if not feedback.strip():
        raise DomainError(_("Feedback: write something."), field="feedback")
    with transaction.atomic():
        submission.feedback, submission.feedback_by = feedback.strip(), actor
        submission.feedback_at = timezone.now()
        submission.save(update_fields=["feedback", "feedback_by", "feedback_at"])
        audit.record(actor=actor, action="innovation.submission.feedback_given",
                     obj=submission, school_id=submission.team.cohort.school_id,
                     after={"feedback": True})
        for student in submission.team.students():
            notify(user=student.user, title=_("Feedback on %(milestone)s")
                   % {"milestone": submission.milestone}, url=submission.team.get_absolute_url())
    return submission


def score_pitch(*, actor: User, team: Team, score: Decimal, comment: str = "") -> JudgeScore:
    """A demo-day judge scores a team's pitch from 0 to 100 (again to correct it)."""
    cohort = team.cohort
    if not cohort.judges.filter(pk=actor.pk).exists():
        raise DomainError(_("Only the cohort's demo-day judges score pitches."))
    if not Decimal(0) <= score <= Decimal(100):
        raise DomainError(_("Score: between 0 and 100."), field="score")
    with transaction.atomic():
        judged, _created = JudgeScore.objects.update_or_create(
            team=team, judge=actor, defaults={"score": score, "comment": comment.strip()})
        audit.record(actor=actor, action="innovation.pitch.scored", obj=judged,
                     school_id=cohort.school_id, after={"score": str(score)})
    return judged


# --- Completion ------------------------------------------------------------------------------


def finish(*, actor: User, cohort: Cohort) -> dict[str, int]:
    """Close a running cohort: a student completes it with enough attendance, and earns the
    cohort's credits on their innovation record; each session held (attendance taken) counts
    as a workshop, with its hours, in its mentor's activities. Staff may change a completion
    afterwards."""
    if cohort.phase != CohortPhase.RUNNING:
        raise DomainError(_("Only a running cohort can be finished."))
    rates = queries.attendance_rates(cohort)
    needed = cohort.completion_attendance / 100
    with transaction.atomic():
        members = list(ApplicationMember.objects.filter(
            application__cohort=cohort, application__status=ApplicationStatus.ACCEPTED)
            .select_related("application__team"))
        for member in members:
            member.completed = rates.get(member.student_id, 0) + 1e-9 >= needed
        ApplicationMember.objects.bulk_update(members, ["completed"])
        for member in members:
            if member.completed:
                _bootcamp_credit(actor, cohort, member)
        _teaching_activities(actor, cohort)
        cohort.phase = CohortPhase.FINISHED
        cohort.save(update_fields=["phase"])
        audit.record(actor=actor, action="innovation.cohort.finished", obj=cohort,
                     after={"phase": cohort.phase})
    completed = sum(1 for m in members if m.completed)
    return {"completed": completed, "not_completed": len(members) - completed}


def _teaching_activities(actor: User | None, cohort: Cohort) -> None:
    """The sessions held, in their mentors' activities (once: a cohort finishes once)."""
    held = (cohort.sessions.filter(mentor__isnull=False, starts_at__lte=timezone.now(),
                                   attendance__isnull=False)
            .distinct().select_related("mentor").order_by("starts_at"))
    for session in held:
        hours = Decimal((session.ends_at - session.starts_at).total_seconds() / 3600)
        record_activity(actor=actor, mentor=session.mentor, kind=ActivityKind.WORKSHOP,
                        title=f"{cohort}：{session.topic}",
                        happened_on=timezone.localdate(session.starts_at),
                        hours=min(Decimal(24), hours.quantize(Decimal("0.1"))),
                        notes=session.place)


def _bootcamp_credit(actor: User | None, cohort: Cohort, member: ApplicationMember) -> None:
    team = getattr(member.application, "team", None)
    Credit.objects.get_or_create(student_id=member.student_id, cohort=cohort, defaults={
        "category": CreditCategory.BOOTCAMP, "title": str(cohort),
        "earned_on": min(cohort.ends_on, timezone.localdate()), "credits": cohort.credits,
        "award": team.award if team else "", "project_id": team.project_id if team else None,
        "recorded_by": actor})


def set_completion(*, actor: User, member: ApplicationMember, completed: bool,
                   award: str = "") -> ApplicationMember:
    """Staff correct a student's completion (and award) of a finished cohort; the credit on
    their record follows."""
    cohort = member.application.cohort
    if cohort.phase != CohortPhase.FINISHED:
        raise DomainError(_("Completion is decided when the cohort finishes."))
    with transaction.atomic():
        before = {"completed": member.completed, "award": member.award}
        member.completed, member.award = completed, award.strip()
        member.save(update_fields=["completed", "award"])
        if completed:
            _bootcamp_credit(actor, cohort, member)
        else:
            Credit.objects.filter(student_id=member.student_id, cohort=cohort).delete()
        audit.record(actor=actor, action="innovation.application.completion_corrected",
                     obj=member.application, school_id=cohort.school_id, before=before,
                     after={"completed": completed, "award": member.award})
    return member
