"""Reusable read queries of the core app (the student of a login, figures for home pages and
dashboards)."""

from __future__ import annotations

from django.db.models import Count, Q

from chanchuang.core.choices import Role, StudentStatus
from chanchuang.core.models import Department, Major, Organisation, School, Student, User


def student_of(user: User, school_id: int | None = None) -> Student | None:
    """The student record of a login (of that school, if given), or None for anyone else."""
    if not user.is_authenticated:
        return None
    students = Student.objects.filter(user=user).select_related(
        "user", "school", "department", "major", "school_class")
    if school_id is not None:
        students = students.filter(school_id=school_id)
    return students.first()


def school_people(school_id: int):
    """Logins that can review or judge for a school: its staff, department staff and mentors."""
    return User.objects.filter(memberships__school_id=school_id, memberships__role__in=[
        Role.SCHOOL_STAFF, Role.DEPARTMENT_STAFF, Role.MENTOR]).distinct()


def school_staff(school_id: int):
    """The logins of a school's staff: who approves, signs and renews on the school's behalf."""
    return User.objects.filter(memberships__school_id=school_id,
                               memberships__role=Role.SCHOOL_STAFF).distinct()


def school_figures(user, school: School) -> dict[str, int]:
    """Head counts of one school, as far as ``user`` may see them."""
    return {
        "students": Student.objects.visible_to(user).filter(
            school=school, status=StudentStatus.ENROLLED).count(),
        "departments": Department.objects.visible_to(user).filter(school=school).count(),
        "majors": Major.objects.visible_to(user).filter(school=school).count(),
        "organisations": Organisation.objects.visible_to(user).filter(school=school).count(),
    }


def province_overview(user) -> list[School]:
    """Per school of the observer's provinces: aggregate counts only, no personal data. One
    grouped query per figure (counting through joins of the four tables multiplied rows)."""
    schools = list(School.objects.visible_to(user).order_by("name"))
    seen = School.objects.visible_to(user).values("pk")

    def per_school(queryset) -> dict[int, int]:
        return dict(queryset.filter(school__in=seen).order_by().values("school_id")
                    .annotate(n=Count("pk")).values_list("school_id", "n"))

    enrolled = per_school(Student.objects.filter(status=StudentStatus.ENROLLED))
    departments = per_school(Department.objects.all())
    majors = per_school(Major.objects.all())
    partners = per_school(Organisation.objects.all())
    for school in schools:
        school.enrolled = enrolled.get(school.pk, 0)
        school.department_count = departments.get(school.pk, 0)
        school.major_count = majors.get(school.pk, 0)
        school.partner_count = partners.get(school.pk, 0)
    return schools


def students_by_department(user, school: School):
    """Enrolled students per department of a school (for the staff home chart)."""
    return (
        Department.objects.visible_to(user).filter(school=school)
        .annotate(enrolled=Count("students", filter=Q(students__status=StudentStatus.ENROLLED)))
        .order_by("-enrolled")
        .values_list("name", "enrolled")
    )


def student_rows(user):
    """Students the user may see, with what their table rows show."""
    return Student.objects.visible_to(user).select_related(
        "user", "department", "major", "school_class")
