"""Builders of innovation objects for tests (used by the cast in cast.py)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from chanchuang.core import services as core_services
from chanchuang.innovation.choices import ApplicationStatus, CohortPhase
from chanchuang.innovation.models import (
    Application,
    ApplicationMember,
    Cohort,
    Criterion,
    Programme,
    Project,
    Question,
    Session,
    Team,
)
from chanchuang.innovation.services import cohort as cohort_services


def programme(school, name="双创特训营") -> Programme:
    """The school's bootcamp programme."""
    return Programme.objects.get_or_create(school=school, name=name)[0]


def cohort(school, *, number=4, phase=CohortPhase.OPEN, capacity=30, **extra) -> Cohort:
    """A cohort whose applications are open now (a week either side), with a two-criterion
    rubric and one required question."""
    now = timezone.now()
    made = Cohort.objects.create(
        programme=programme(school), number=number, phase=phase, capacity=capacity,
        starts_on=dt.date(2026, 12, 7), ends_on=dt.date(2027, 1, 15),
        applications_open_at=now - dt.timedelta(days=7),
        applications_close_at=now + dt.timedelta(days=7), **extra)
    Criterion.objects.create(cohort=made, name="创新性", weight=Decimal(3), max_score=10)
    Criterion.objects.create(cohort=made, name="可行性", weight=Decimal(2), max_score=10)
    Question.objects.create(cohort=made, prompt="你为什么想参加特训营？")
    return made


def application(cohort, *students, team_name="", project="", status=ApplicationStatus.SUBMITTED,
                **extra) -> Application:
    """An application of the students (the first leads), written directly."""
    made = Application.objects.create(
        cohort=cohort, lead=students[0], team_name=team_name, status=status,
        answers={str(q.pk): "想把想法做成产品" for q in cohort.questions.all()},
        project=Project.objects.create(school_id=cohort.school_id, title=project)
        if project else None, **extra)
    ApplicationMember.objects.bulk_create([
        ApplicationMember(application=made, student=s, cohort=cohort) for s in students])
    if made.project:
        made.project.students.set(students)
    return made


def team(application, *, mentor=None) -> Team:
    """The application accepted, as a team."""
    Application.objects.filter(pk=application.pk).update(status=ApplicationStatus.ACCEPTED)
    application.status = ApplicationStatus.ACCEPTED
    return Team.objects.create(cohort=application.cohort, application=application,
                               name=application.team_name or "个人团队",
                               project=application.project, mentor=mentor)


def session(cohort, *, mentor=None, starts_at=None, hours=2) -> Session:
    """A curriculum session (now, unless told otherwise)."""
    starts_at = starts_at or timezone.now() - dt.timedelta(minutes=10)
    return Session.objects.create(cohort=cohort, topic="商业模式画布", mentor=mentor,
                                  starts_at=starts_at,
                                  ends_at=starts_at + dt.timedelta(hours=hours), place="创客空间")


def mentor_match(cohort, actor, *, seed=None):
    """Start the cohort's mentor match and run the queued task at once; returns the run."""
    run = cohort_services.start_mentor_match(actor=actor, cohort=cohort, seed=seed)
    return core_services.execute_match(run.pk)
