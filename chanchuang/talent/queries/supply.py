"""Read helpers of the supply: students in school by major, class and expected graduation
year; students evidenced per skill and kind; a student's own skills with their evidence.
Counts are aggregates (enterprise members see nothing else); the students behind a number are
read through ``Student.objects.visible_to``."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, ExpressionWrapper, F, IntegerField, Q, QuerySet

from chanchuang.core.choices import StudentStatus
from chanchuang.core.models import Major, SchoolClass, Student
from chanchuang.talent.choices import EvidenceKind
from chanchuang.talent.models import Skill, SkillEvidence

# Who counts as supply: students in school (not graduated, withdrawn or suspended).
IN_SCHOOL = (StudentStatus.ENROLLED,)
GRADUATION_YEAR = ExpressionWrapper(F("enrolment_year") + F("major__duration_years"),
                                    output_field=IntegerField())


def in_school(students: QuerySet) -> QuerySet:
    """Students in school, each with their expected ``graduation_year``."""
    return students.filter(status__in=IN_SCHOOL).annotate(graduation_year=GRADUATION_YEAR)


def school_students(user) -> QuerySet:
    """The students the supply counts for a user: those of the majors the user sees (counts
    only; the students themselves are read through ``visible_to``)."""
    return in_school(Student.objects.filter(major__in=Major.objects.visible_to(user)))


@dataclass
class SupplyTable:
    """Students by a row (major or class) × graduation year."""

    years: list[int]
    rows: list[dict[str, Any]] = field(default_factory=list)
    totals: dict[int, int] = field(default_factory=dict)
    total: int = 0


def _table(counts, labels: dict[int, Any]) -> SupplyTable:
    years = sorted({year for _key, year, _n in counts})
    cells: dict[int, dict[int, int]] = defaultdict(dict)
    for key, year, n in counts:
        cells[key][year] = n
    table = SupplyTable(years)
    for key, label in labels.items():
        if key not in cells:
            continue
        row = cells[key]
        table.rows.append({"object": label, "cells": [(year, row.get(year, 0)) for year in years],
                           "total": sum(row.values())})
    table.totals = {year: sum(cells[k].get(year, 0) for k in cells) for year in years}
    table.total = sum(table.totals.values())
    return table


def by_major(user) -> SupplyTable:
    """Students in school by major × graduation year (two queries)."""
    counts = list(school_students(user).values_list("major_id", "graduation_year")
                  .annotate(n=Count("pk")).order_by())
    majors = {m.pk: m for m in Major.objects.visible_to(user).order_by("code")}
    return _table(counts, majors)


def by_class(user, major: Major) -> SupplyTable:
    """A major's students in school by class × graduation year (two queries)."""
    counts = list(school_students(user).filter(major=major, school_class__isnull=False)
                  .values_list("school_class_id", "graduation_year")
                  .annotate(n=Count("pk")).order_by())
    classes = {c.pk: c for c in SchoolClass.objects.visible_to(user).filter(major=major)
               .order_by("enrolment_year", "name")}
    return _table(counts, classes)


@dataclass
class SkillSupply:
    """A skill and the students in school it is evidenced for, in all and by kind."""

    skill: Skill
    students: int
    by_kind: dict[str, int]

    @property
    def cells(self) -> list[tuple[str, int]]:
        """(kind, students) in the order of the kinds."""
        return [(kind, self.by_kind[kind]) for kind in EvidenceKind.values]


def by_skill(user, *, major: Major | None = None, year: int | None = None) -> list[SkillSupply]:
    """Per skill of the dictionary: students in school evidenced, in all and per kind of
    evidence (two queries), most evidenced first."""
    students = school_students(user)
    if major is not None:
        students = students.filter(major=major)
    if year is not None:
        students = students.filter(graduation_year=year)
    evidence = SkillEvidence.objects.filter(
        student__in=students.values("pk"), skill__in=Skill.objects.visible_to(user))
    kinds = [kind for kind, _label in EvidenceKind.choices]
    figures = evidence.values("skill_id").annotate(
        total=Count("student_id", distinct=True),
        **{kind: Count("student_id", distinct=True, filter=Q(kind=kind)) for kind in kinds},
    ).order_by()
    skills = Skill.objects.in_bulk([row["skill_id"] for row in figures])
    found = [SkillSupply(skills[row["skill_id"]], row["total"],
                         {kind: row[kind] for kind in kinds}) for row in figures]
    return sorted(found, key=lambda s: (-s.students, s.skill.name))


def graduation_years(user) -> list[int]:
    """The graduation years of the students in school (one query)."""
    return sorted(set(school_students(user).values_list("graduation_year", flat=True)
                      .distinct().order_by()))


def students_behind(user) -> QuerySet:
    """Students in school the user may see (the drill-down list starts from here)."""
    return in_school(Student.objects.visible_to(user))


@dataclass
class OwnSkill:
    """A skill of a student with the evidence that shows it."""

    skill: Skill
    evidence: list[SkillEvidence]


def student_skills(student: Student, user) -> list[OwnSkill]:
    """The student's skills, each with its evidence, newest first (one query)."""
    grouped: dict[int, OwnSkill] = {}
    for row in SkillEvidence.objects.visible_to(user).filter(student=student).select_related(
            "skill").order_by("skill__category", "skill__name", "-evidenced_on"):
        grouped.setdefault(row.skill_id, OwnSkill(row.skill, [])).evidence.append(row)
    return list(grouped.values())


def student_record_skills(student: Student, user) -> dict[str, Any] | None:
    """The STUDENT_RECORD section: the student's skills with their evidence (for those who
    see the student's record lines)."""
    skills = student_skills(student, user)
    return {"skills": skills, "student": student}
