"""Demo data of the talent app: the supply. Grades of the demo roster's students of earlier
years (those graduating in 2027 and 2028 have terms behind them) in every course of their
major, imported as the academic office would (one bulk write with its evidence, through the
evidence service), a few verified certificates and a few a student claimed that await a
check (so staff and the department staff have a to-do). Idempotent."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from chanchuang.core.demo import MAIN_SCHOOL
from chanchuang.core.models import School, Student, User
from chanchuang.talent.choices import CertificateKind
from chanchuang.talent.models import Certificate, Course, CourseGrade, Skill
from chanchuang.talent.services import supply as services

# Terms behind each enrolment year (the demo runs in the 2026-2027 school year).
TERMS = {2024: ["2024-2025-1", "2024-2025-2", "2025-2026-1", "2025-2026-2"],
         2025: ["2025-2026-1", "2025-2026-2"]}
FAIL_RATE = 0.07
# (certificate kind, name, level, issuer, skill) by major code
CERTIFICATES = {
    "430105": (CertificateKind.ONE_PLUS_X, "可编程控制器系统应用编程", "中级",
               "北京新奥时代科技有限责任公司", "PLC编程"),
    "420807": (CertificateKind.SKILL_LEVEL, "碳排放管理员", "四级", "湖北省职业技能鉴定中心",
               "碳排放核算"),
    "540202": (CertificateKind.SKILL_LEVEL, "中式烹调师", "四级", "湖北省职业技能鉴定中心",
               "中式烹调"),
    "530701": (CertificateKind.ONE_PLUS_X, "网店运营推广", "中级", "中联企业管理集团有限公司",
               "网店运营"),
    "510201": (CertificateKind.ONE_PLUS_X, "Web前端开发", "初级", "工业和信息化部教育与考试中心",
               "Web前端开发"),
}


def _grades(school: School) -> int:
    """Every earlier term's grades of the school's students, written in bulk with their
    evidence (one service path, like the grade import)."""
    if CourseGrade.objects.filter(student__school=school).exists():
        return 0
    by_major: dict[int, list[Course]] = {}
    for course in Course.objects.filter(school=school).prefetch_related("majors").order_by(
            "code"):
        for major in course.majors.all():
            by_major.setdefault(major.pk, []).append(course)
    grades = []
    for student in Student.objects.filter(school=school, enrolment_year__in=TERMS).only(
            "pk", "student_no", "major_id", "enrolment_year").order_by("student_no"):
        terms = TERMS[student.enrolment_year]
        draw = random.Random(student.student_no)
        for index, course in enumerate(by_major.get(student.major_id, ())):
            score = Decimal(draw.randint(40, 59) if draw.random() < FAIL_RATE
                            else draw.randint(62, 98))
            grades.append(CourseGrade(student_id=student.pk, course_id=course.pk,
                                      term=terms[index % len(terms)], score=score,
                                      passed=score >= services.PASS_MARK))
    created = CourseGrade.objects.bulk_create(grades, batch_size=services.BATCH)
    services.refresh_grade_evidence(created)
    return len(created)


def _certificates(school: School, staff: User) -> int:
    """Certificates of the first students of a few majors (class of 2027): verified ones
    recorded by staff, and the next student's claimed ones awaiting a check."""
    added = 0
    skills = {s.name: s for s in Skill.objects.filter(school=school)}
    for code, (kind, name, level, issuer, skill) in CERTIFICATES.items():
        students = list(Student.objects.filter(school=school, major__code=code,
                                               enrolment_year=2024)
                        .select_related("user").order_by("student_no")[:4])
        for number, student in enumerate(students):
            if Certificate.objects.filter(student=student, name=name).exists():
                continue
            claimed = number == len(students) - 1
            services.record_certificate(
                actor=student.user if claimed else staff, verified=not claimed,
                certificate=Certificate(student=student, kind=kind, name=name, level=level,
                                        issuer=issuer, number=f"DEMO-{code}-{number + 1:03d}",
                                        issued_on=dt.date(2026, 6, 20)),
                skills=[skills[skill]] if skill in skills else [])
            added += 1
    liu = Student.objects.filter(school=school, user__username="student_liu").select_related(
        "user").first()
    if liu is not None and not Certificate.objects.filter(student=liu).exists():
        services.record_certificate(
            actor=liu.user, verified=False, skills=[skills["电气安全操作"]]
            if "电气安全操作" in skills else [],
            certificate=Certificate(student=liu, kind=CertificateKind.QUALIFICATION,
                                    name="低压电工作业特种作业操作证", issuer="湖北省应急管理厅",
                                    number="T420100200601010001",
                                    issued_on=dt.date(2026, 9, 15)))
        added += 1
    return added


def seed() -> str:
    """Create this part of the demo if it is not there yet; return a one-line summary."""
    school = School.objects.filter(code=MAIN_SCHOOL["code"]).first()
    staff = User.objects.filter(username="staff_wang").first()
    if school is None or staff is None or not Course.objects.filter(school=school).exists():
        return ""
    grades = _grades(school)
    certificates = _certificates(school, staff)
    return f"{grades} course grades with their evidence, {certificates} certificates added"
