"""Read helpers of the skill dictionary: a major's skills with the courses that teach them, a
skill's courses, programmes and the students it is evidenced for."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch

from chanchuang.core.models import Major, Student
from chanchuang.innovation.models import Programme
from chanchuang.talent.models import Course, ProgrammeSkill, Skill, SkillEvidence


@dataclass
class SkillCourses:
    """A skill of a major and the major's courses that teach it."""

    skill: Skill
    courses: list[Course] = field(default_factory=list)


def major_skills(major: Major, user) -> list[SkillCourses]:
    """The skills the major's courses teach, each with those courses (two queries)."""
    courses = Course.objects.visible_to(user).filter(majors=major).prefetch_related(
        Prefetch("skills", queryset=Skill.objects.order_by("category", "name"))).order_by("code")
    by_skill: dict[int, SkillCourses] = {}
    for course in courses:
        for skill in course.skills.all():
            by_skill.setdefault(skill.pk, SkillCourses(skill)).courses.append(course)
    return sorted(by_skill.values(), key=lambda row: (row.skill.category, row.skill.name))


def skill_courses(skill: Skill, user) -> list[Course]:
    """The courses that teach the skill, with their majors."""
    return list(Course.objects.visible_to(user).filter(skills=skill)
                .select_related("department").prefetch_related("majors").order_by("code"))


def skill_programmes(skill: Skill, user) -> list[Programme]:
    """The bootcamp programmes that train the skill."""
    return list(Programme.objects.visible_to(user).filter(
        pk__in=ProgrammeSkill.objects.filter(skill=skill).values("programme_id")))


def evidenced_count(skill: Skill) -> int:
    """How many students the skill is evidenced for (a count, shown to anyone who sees the
    skill)."""
    return SkillEvidence.objects.filter(skill=skill).aggregate(
        n=Count("student_id", distinct=True))["n"]


def evidenced_students(skill: Skill, user, limit: int = 200) -> list[Student]:
    """The students the skill is evidenced for that the user may see (staff: the school's,
    department staff: their department's)."""
    return list(Student.objects.visible_to(user).filter(
        pk__in=SkillEvidence.objects.filter(skill=skill).values("student_id"))
        .select_related("user", "major", "school_class").order_by("student_no")[:limit])


def programme_skill_map(programmes, user) -> dict[int, list[Skill]]:
    """The skills each programme trains (one query)."""
    trained: dict[int, list[Skill]] = defaultdict(list)
    for row in ProgrammeSkill.objects.visible_to(user).filter(
            programme__in=programmes).select_related("skill").order_by("skill__name"):
        trained[row.programme_id].append(row.skill)
    return trained
