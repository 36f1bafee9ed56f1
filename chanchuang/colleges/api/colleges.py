"""API of industry colleges: the colleges with their members and majors, founding one (staff),
their programmes (students' names only for those allowed) and adding students to one."""

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from chanchuang.colleges.filters.colleges import CollegeProgrammeFilterSet, IndustryCollegeFilterSet
from chanchuang.colleges.models import CollegeProgramme, IndustryCollege
from chanchuang.colleges.services import colleges as services
from chanchuang.core.api import filter_params, filtered
from chanchuang.core.lookups import among, visible_or_missing
from chanchuang.core.models import Major, School, Student
from chanchuang.partners.models import Agreement

router = Router(tags=["colleges"])


class MemberOut(Schema):
    """A member organisation and its role."""

    organisation_id: int
    organisation: str
    role: str

    @staticmethod
    def resolve_organisation(obj) -> str:
        return obj.organisation.name


class CollegeOut(Schema):
    """An industry college with its members and the majors it serves."""

    id: int
    school_id: int
    name: str
    founding_agreement_id: int | None
    founded_on: dt.date
    closed_on: dt.date | None
    description: str
    members: list[MemberOut]
    major_ids: list[int]

    @staticmethod
    def resolve_members(obj):
        return list(obj.members.all())

    @staticmethod
    def resolve_major_ids(obj) -> list[int]:
        return [major.pk for major in obj.majors.all()]


class CollegeIn(Schema):
    """A college to found; without ``members`` the founding agreement's parties join."""

    school_id: int | None = None
    name: str
    founded_on: dt.date
    founding_agreement_id: int | None = None
    description: str = ""
    major_ids: list[int] = []


class ProgrammeOut(Schema):
    """A programme; its students only for those who may see them (else empty)."""

    id: int
    college_id: int
    kind: str
    name: str
    major_id: int | None
    partner_id: int | None
    start_year: int
    places: int
    student_count: int
    student_ids: list[int]

    @staticmethod
    def resolve_student_count(obj) -> int:
        return obj.student_count if hasattr(obj, "student_count") else obj.students.count()

    @staticmethod
    def resolve_student_ids(obj, context) -> list[int]:
        if not context["request"].user.has_perm("colleges.view_programme_students", obj):
            return []
        return [student.pk for student in obj.students.all()]


class StudentsIn(Schema):
    """Students to add to a programme, by id."""

    student_ids: list[int]


CollegeParams = filter_params(IndustryCollegeFilterSet)
ProgrammeParams = filter_params(CollegeProgrammeFilterSet)


def _require_list(request: HttpRequest) -> None:
    if not request.user.has_perm("colleges.list_colleges"):
        raise PermissionDenied


def _colleges(request: HttpRequest):
    return IndustryCollege.objects.visible_to(request.user).prefetch_related(
        "members__organisation", "majors")


@router.get("/colleges", response=list[CollegeOut])
@paginate(PageNumberPagination, page_size=50)
def list_colleges(request: HttpRequest, params: Query[CollegeParams]):
    _require_list(request)
    return filtered(request, IndustryCollegeFilterSet, _colleges(request), params)


@router.get("/colleges/{college_id}", response=CollegeOut)
def get_college(request: HttpRequest, college_id: int):
    return get_object_or_404(_colleges(request), pk=college_id)


@router.post("/colleges", response={201: CollegeOut})
def found_college(request: HttpRequest, data: CollegeIn):
    if not request.user.has_perm("colleges.add_industrycollege"):
        raise PermissionDenied
    agreement = visible_or_missing(Agreement, request.user, data.founding_agreement_id,
                                   field="founding_agreement_id") \
        if data.founding_agreement_id else None
    school_id = data.school_id or (agreement.school_id if agreement else None)
    school = visible_or_missing(School, request.user, school_id, field="school_id")
    if not request.user.has_perm("colleges.add_industrycollege", IndustryCollege(school=school)):
        raise PermissionDenied
    majors = among(Major, request.user, data.major_ids, field="major_ids")
    college = services.found_college(actor=request.user, school=school, name=data.name,
                                     founded_on=data.founded_on, founding_agreement=agreement,
                                     description=data.description, majors=majors)
    return 201, get_object_or_404(_colleges(request), pk=college.pk)


def _programmes(request: HttpRequest):
    return CollegeProgramme.objects.visible_to(request.user).select_related("college").annotate(
        student_count=Count("students")).prefetch_related("students")


@router.get("/college-programmes", response=list[ProgrammeOut])
@paginate(PageNumberPagination, page_size=50)
def list_programmes(request: HttpRequest, params: Query[ProgrammeParams]):
    _require_list(request)
    return filtered(request, CollegeProgrammeFilterSet, _programmes(request), params)


@router.get("/college-programmes/{programme_id}", response=ProgrammeOut)
def get_programme(request: HttpRequest, programme_id: int):
    return get_object_or_404(_programmes(request), pk=programme_id)


@router.post("/college-programmes/{programme_id}/students", response=ProgrammeOut)
def add_students(request: HttpRequest, programme_id: int, data: StudentsIn):
    programme = get_object_or_404(CollegeProgramme.objects.visible_to(request.user)
                                  .select_related("college"), pk=programme_id)
    if not request.user.has_perm("colleges.change_collegeprogramme", programme):
        raise PermissionDenied
    students = among(Student, request.user, data.student_ids, field="student_ids")
    services.add_students(actor=request.user, programme=programme, students=students)
    return get_object_or_404(_programmes(request), pk=programme_id)
