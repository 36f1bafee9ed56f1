"""API of the supply: grades (staff and department staff), certificates (list, detail, record,
check), and the supply's counts by major and graduation year and by skill (aggregates for
everyone who plans against them). Everything starts from ``visible_to``; foreign ids 404."""


import datetime as dt

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from chanchuang.core.api import filter_params, filtered
from chanchuang.core.lookups import visible_or_missing
from chanchuang.core.models import Major, Student
from chanchuang.core.services import DomainError
from chanchuang.talent.filters.supply import CertificateFilterSet, CourseGradeFilterSet
from chanchuang.talent.models import Certificate, CourseGrade, Skill
from chanchuang.talent.queries import supply as queries
from chanchuang.talent.services import supply as services

router = Router(tags=["talent"])


class GradeOut(Schema):
    """A student's course grade."""

    id: int
    student_id: int
    course_id: int
    term: str
    score: float | None
    passed: bool


class CertificateOut(Schema):
    """A certificate of a student."""

    id: int
    student_id: int
    kind: str
    name: str
    level: str
    issuer: str
    number: str
    issued_on: dt.date
    status: str
    skill_ids: list[int]
    has_scan: bool

    @staticmethod
    def resolve_skill_ids(obj) -> list[int]:
        return [s.pk for s in obj.skills.all()]

    @staticmethod
    def resolve_has_scan(obj) -> bool:
        return bool(obj.scan)


class CertificateIn(Schema):
    """A certificate to record (``student_id`` for staff; a student records their own)."""

    kind: str
    name: str
    issued_on: dt.date
    level: str = ""
    issuer: str = ""
    number: str = ""
    skill_ids: list[int] = []
    student_id: int | None = None


class CheckIn(Schema):
    """A check of a claimed certificate: ``verify`` or ``reject`` (with the reason)."""

    decision: str
    note: str = ""


class MajorSupplyOut(Schema):
    """Students in school of a major expected to graduate in a year."""

    major_id: int
    major: str
    graduation_year: int
    students: int


class SkillSupplyOut(Schema):
    """Students in school a skill is evidenced for, in all and per kind of evidence."""

    skill_id: int
    skill: str
    students: int
    by_kind: dict[str, int]


GradeParams = filter_params(CourseGradeFilterSet)
CertificateParams = filter_params(CertificateFilterSet)


def _certificate(request: HttpRequest, certificate_id: int) -> Certificate:
    return get_object_or_404(Certificate.objects.visible_to(request.user)
                             .select_related("student__user").prefetch_related("skills"),
                             pk=certificate_id)


@router.get("/grades", response=list[GradeOut])
@paginate(PageNumberPagination, page_size=100)
def list_grades(request: HttpRequest, params: Query[GradeParams]):
    if not request.user.has_perm("talent.view_students_behind"):
        raise PermissionDenied
    return filtered(request, CourseGradeFilterSet, CourseGrade.objects.visible_to(request.user),
                    params)


@router.get("/certificates", response=list[CertificateOut])
@paginate(PageNumberPagination, page_size=50)
def list_certificates(request: HttpRequest, params: Query[CertificateParams]):
    if not request.user.has_perm("talent.view_certificates"):
        raise PermissionDenied
    return filtered(request, CertificateFilterSet, Certificate.objects.visible_to(request.user)
                    .prefetch_related("skills"), params)


@router.get("/certificates/{certificate_id}", response=CertificateOut)
def get_certificate(request: HttpRequest, certificate_id: int):
    return _certificate(request, certificate_id)


@router.post("/certificates", response={201: CertificateOut})
def record_certificate(request: HttpRequest, data: CertificateIn):
    """Record a certificate: a student's own awaits a check; staff or the student's department
    staff record it verified."""
    user = request.user
    if not user.has_perm("talent.add_certificate"):
        raise PermissionDenied
    student = (visible_or_missing(Student, user, data.student_id, field="student_id")
               if data.student_id else services.student_for_certificate(user, None))
    if student is None:
        raise DomainError(_("Student: choose the student."), field="student_id")
    skills = [visible_or_missing(Skill, user, pk, field="skill_ids") for pk in data.skill_ids]
    certificate = Certificate(student=student, kind=data.kind, name=data.name,
                              level=data.level, issuer=data.issuer, number=data.number,
                              issued_on=data.issued_on)
    verified = user.has_perm("talent.check_certificate", certificate)
    if not verified and student.user_id != user.pk:
        raise PermissionDenied
    return 201, services.record_certificate(actor=user, certificate=certificate, skills=skills,
                                            verified=verified)


@router.post("/certificates/{certificate_id}/check", response=CertificateOut)
def check_certificate(request: HttpRequest, certificate_id: int, data: CheckIn):
    """Verify or reject (with the reason) a certificate awaiting check."""
    certificate = _certificate(request, certificate_id)
    if not request.user.has_perm("talent.check_certificate", certificate):
        raise PermissionDenied
    if data.decision == "verify":
        return services.verify_certificate(actor=request.user, certificate=certificate,
                                           note=data.note)
    if data.decision == "reject":
        return services.reject_certificate(actor=request.user, certificate=certificate,
                                           note=data.note)
    raise DomainError(_("Decision: verify or reject."), field="decision")


def _supply(request: HttpRequest) -> None:
    if not request.user.has_perm("talent.view_supply"):
        raise PermissionDenied


@router.get("/supply/by-major", response=list[MajorSupplyOut])
def supply_by_major(request: HttpRequest):
    """Students in school by major and expected graduation year (counts)."""
    _supply(request)
    table = queries.by_major(request.user)
    return [{"major_id": row["object"].pk, "major": row["object"].name, "graduation_year": year,
             "students": n} for row in table.rows for year, n in row["cells"] if n]


@router.get("/supply/by-skill", response=list[SkillSupplyOut])
def supply_by_skill(request: HttpRequest, major_id: int | None = None,
                    graduation_year: int | None = None):
    """Students in school evidenced per skill, in all and per kind (counts), optionally of a
    major and graduation year."""
    _supply(request)
    major = visible_or_missing(Major, request.user, major_id, field="major_id") \
        if major_id else None
    return [{"skill_id": row.skill.pk, "skill": row.skill.name, "students": row.students,
             "by_kind": row.by_kind}
            for row in queries.by_skill(request.user, major=major, year=graduation_year)]
