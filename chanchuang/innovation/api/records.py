"""API of the innovation record: credits (listed for those who follow records, recorded by
staff), a student's whole record with the lines that count and the totals, start-ups and
competitions. Everything starts from ``visible_to``."""

import datetime as dt
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import PageNumberPagination, paginate

from chanchuang.core.api import filter_params, filtered
from chanchuang.core.lookups import visible_or_missing
from chanchuang.core.models import Student
from chanchuang.innovation.filters import records as filters
from chanchuang.innovation.models import Competition, Credit, Project, Startup
from chanchuang.innovation.services import records as services

router = Router(tags=["innovation"])


class CreditOut(Schema):
    """A line of a student's record."""

    id: int
    student_id: int
    student_no: str = Field(alias="student.student_no")
    student_name: str = Field(alias="student.user.real_name")
    category: str
    title: str
    earned_on: dt.date
    credits: Decimal
    award: str
    competition_id: int | None
    project_id: int | None
    cohort_id: int | None
    startup_id: int | None


class RecordLineOut(CreditOut):
    """A line of a record, and whether it counts (of one project only the highest does)."""

    counts: bool


class StartupRef(Schema):
    """A start-up the student founded."""

    id: int
    name: str
    registered_on: dt.date


class RecordOut(Schema):
    """A student's innovation record: every line, which count, and the totals."""

    student_id: int
    student_no: str
    name: str
    total: Decimal
    by_category: dict[str, Decimal]
    by_year: dict[int, Decimal]
    lines: list[RecordLineOut]
    startups: list[StartupRef]


class CreditIn(Schema):
    """A credit to record; without credits the school's conversion table decides."""

    student_id: int
    category: str
    title: str
    earned_on: dt.date
    credits: Decimal | None = None
    award: str = ""
    competition_id: int | None = None
    project_id: int | None = None


class StartupOut(Schema):
    """A start-up, its founders, funding (10,000 yuan) and the jobs it created."""

    id: int
    school_id: int
    name: str
    credit_code: str
    registered_on: dt.date
    project_id: int | None
    founder_ids: list[int]
    funding: Decimal
    jobs: int
    notes: str

    @staticmethod
    def resolve_founder_ids(obj) -> list[int]:
        return [founder.pk for founder in obj.founders.all()]


class CompetitionOut(Schema):
    """A competition of a year."""

    id: int
    school_id: int
    name: str
    level: str
    year: int


CreditParams = filter_params(filters.CreditFilterSet)
StartupParams = filter_params(filters.StartupFilterSet)
CompetitionParams = filter_params(filters.CompetitionFilterSet)


def _require(request: HttpRequest, permission: str, obj=None) -> None:
    if not request.user.has_perm(permission, obj):
        raise PermissionDenied


def _credits(request: HttpRequest):
    return Credit.objects.visible_to(request.user).select_related("student__user")


@router.get("/credits", response=list[CreditOut])
@paginate(PageNumberPagination, page_size=50)
def list_credits(request: HttpRequest, params: Query[CreditParams]):
    _require(request, "innovation.view_records")
    return filtered(request, filters.CreditFilterSet, _credits(request), params)


@router.get("/credits/{credit_id}", response=CreditOut)
def get_credit(request: HttpRequest, credit_id: int):
    return get_object_or_404(_credits(request), pk=credit_id)


@router.post("/credits", response={201: CreditOut})
def record_credit(request: HttpRequest, data: CreditIn):
    student = visible_or_missing(Student.objects.select_related("user"), request.user,
                                 data.student_id, field="student_id")
    _require(request, "innovation.add_credit", student)
    competition = project = None
    if data.competition_id is not None:
        competition = visible_or_missing(Competition, request.user, data.competition_id,
                                         field="competition_id")
    if data.project_id is not None:
        project = visible_or_missing(Project, request.user, data.project_id,
                                     field="project_id")
    return Status(201, services.record_credit(
        actor=request.user, student=student, category=data.category, title=data.title,
        earned_on=data.earned_on, credits=data.credits, award=data.award,
        competition=competition, project=project))


@router.get("/students/{student_id}/innovation-record", response=RecordOut)
def student_record(request: HttpRequest, student_id: int):
    """A student's record: staff, the student's department staff, and the student."""
    student = get_object_or_404(Student.objects.visible_to(request.user).select_related("user"),
                                pk=student_id)
    _require(request, "innovation.view_record", student)
    record = services.record_of(student, _credits(request).filter(student=student)
                                .select_related("competition", "project", "cohort__programme"))
    return {"student_id": student.pk, "student_no": student.student_no,
            "name": student.user.real_name, "total": record.total,
            "by_category": record.by_category, "by_year": record.by_year,
            "lines": record.lines,
            "startups": Startup.objects.visible_to(request.user).filter(founders=student)}


def _startups(request: HttpRequest):
    return Startup.objects.visible_to(request.user).prefetch_related("founders")


@router.get("/startups", response=list[StartupOut])
@paginate(PageNumberPagination, page_size=50)
def list_startups(request: HttpRequest, params: Query[StartupParams]):
    _require(request, "innovation.view_cohorts")
    return filtered(request, filters.StartupFilterSet, _startups(request), params)


@router.get("/startups/{startup_id}", response=StartupOut)
def get_startup(request: HttpRequest, startup_id: int):
    return get_object_or_404(_startups(request), pk=startup_id)


@router.get("/competitions", response=list[CompetitionOut])
@paginate(PageNumberPagination, page_size=50)
def list_competitions(request: HttpRequest, params: Query[CompetitionParams]):
    _require(request, "innovation.view_cohorts")
    return filtered(request, filters.CompetitionFilterSet,
                    Competition.objects.visible_to(request.user), params)
