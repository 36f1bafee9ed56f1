"""Builders of talent objects for tests (used by the cast in cast.py). They write the rows
directly; tests of behaviour go through the services."""

from __future__ import annotations

import datetime as dt

from chanchuang.talent.choices import (
    CertificateKind,
    CertificateStatus,
    DockingKind,
    EvidenceKind,
    TimeFrame,
)
from chanchuang.talent.models import (
    Certificate,
    Course,
    CourseGrade,
    Demand,
    DemandSkill,
    DockingEvent,
    FollowUp,
    Skill,
    SkillEvidence,
)
from chanchuang.talent.services.demand import window
from chanchuang.talent.services.supply import refresh_holdings


def skill(*, school, name="PLC编程", synonyms=("可编程控制器",), **fields) -> Skill:
    """A skill of ``school``'s dictionary."""
    return Skill.objects.create(school=school, name=name, synonyms=list(synonyms), **fields)


def course(*, school, code="DL101", name="PLC控制技术", majors=(), skills=(),
           **fields) -> Course:
    """A course of ``school`` taken by ``majors`` and teaching ``skills``."""
    made = Course.objects.create(school=school, code=code, name=name, **fields)
    made.majors.set(majors)
    made.skills.set(skills)
    return made


def grade(*, student, course, term="2025-2026-1", score=86, passed=True) -> CourseGrade:
    """A course grade of ``student``."""
    return CourseGrade.objects.create(student=student, course=course, term=term, score=score,
                                      passed=passed)


def certificate(*, student, skills=(), status=CertificateStatus.CLAIMED,
                name="电工职业技能等级证书", **fields) -> Certificate:
    """A certificate of ``student`` showing ``skills``."""
    fields.setdefault("kind", CertificateKind.SKILL_LEVEL)
    fields.setdefault("issued_on", dt.date(2026, 6, 30))
    made = Certificate.objects.create(student=student, name=name, status=status, **fields)
    made.skills.set(skills)
    return made


def evidence(*, student, skill, kind=EvidenceKind.COURSE, source_key="grade:0",
             label="PLC控制技术", evidenced_on=dt.date(2026, 1, 15), **fields) -> SkillEvidence:
    """A piece of evidence that ``student`` has ``skill`` (with the student's holdings
    refreshed, as the services that write evidence do)."""
    made = SkillEvidence.objects.create(student=student, skill=skill, kind=kind,
                                        source_key=source_key, source_label=label,
                                        evidenced_on=evidenced_on, **fields)
    refresh_holdings([student.pk])
    return made


def demand(*, organisation, post="电气运维技术员", headcount=5, timeframe=TimeFrame.NEXT_YEAR,
           year=2026, majors=(), skills=(), **fields) -> Demand:
    """A declared demand of ``organisation`` for ``majors`` and ``skills``; its window is the
    time frame counted from ``year``."""
    year_from, year_to = window(timeframe, year)
    made = Demand.objects.create(organisation=organisation, post=post, headcount=headcount,
                                 timeframe=timeframe, year_from=year_from, year_to=year_to,
                                 **fields)
    made.majors.set(majors)
    for wanted in skills:
        DemandSkill.objects.create(demand=made, skill=wanted)
    return made


def docking_event(*, school, organisations=(), majors=(), title="新能源企业与电力专业对接会",
                  kind=DockingKind.ENTERPRISE_MAJOR, held_on=dt.date(2026, 10, 15),
                  **fields) -> DockingEvent:
    """A docking activity of ``school`` with ``organisations``."""
    made = DockingEvent.objects.create(school=school, kind=kind, title=title, held_on=held_on,
                                       **fields)
    made.organisations.set(organisations)
    made.majors.set(majors)
    return made


def follow_up(*, event, owner, action="走访企业商定订单班方案", due_on=dt.date(2026, 12, 20),
              **fields) -> FollowUp:
    """A follow-up of ``event`` owned by ``owner``."""
    return FollowUp.objects.create(event=event, owner=owner, action=action, due_on=due_on,
                                   **fields)
