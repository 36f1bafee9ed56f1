"""API endpoints of the core app: the current user, schools, structure, organisations, students.

Lists take the same filters as the list pages (one FilterSet each) and are paginated.
"""


import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, File, Form, Query, Router, Schema
from ninja.files import UploadedFile
from ninja.pagination import PageNumberPagination, paginate
from pydantic import create_model

from chanchuang.core import filters
from chanchuang.core.choices import ImportMode
from chanchuang.core.identifiers import mask
from chanchuang.core.models import Department, ImportJob, Major, Organisation, School, Student
from chanchuang.core.services import DomainError
from chanchuang.core.tabular.exporting import CONTENT_TYPES
from chanchuang.core.tabular.jobs import confirm_import, start_import
from chanchuang.core.tabular.registry import import_kind
from chanchuang.core.tabular.templates import build_template
from chanchuang.core.visibility import scope_of

router = Router()


def filter_params(filterset_class: type) -> type[Schema]:
    """A query-parameter schema mirroring a FilterSet, so the API documents the same filters."""
    fields: dict[str, Any] = {
        name: (str | None, Field(None, description=str(flt.label or name)))
        for name, flt in filterset_class.base_filters.items()
    }
    return create_model(f"{filterset_class.__name__}Params", __base__=Schema, **fields)


def filtered(request: HttpRequest, filterset_class: type, queryset, params: Schema):
    """Apply a FilterSet to a visible queryset; invalid values answer 400 with the reason."""
    filterset = filterset_class(params.dict(exclude_none=True), queryset=queryset,
                                request=request)
    if not filterset.is_valid():
        raise DomainError("；".join(f"{field}: {' '.join(errs)}"
                                    for field, errs in filterset.errors.items()))
    return filterset.qs


# --- Schemas ---------------------------------------------------------------------------------


class Ref(Schema):
    """A related object by id and name."""

    id: int
    name: str


class MembershipOut(Schema):
    """A role the user holds and where."""

    role: str
    school_id: int | None
    department_id: int | None
    organisation_id: int | None
    province: str | None = Field(None, alias="province_id")


class MeOut(Schema):
    """The authenticated user."""

    id: int
    username: str
    real_name: str
    roles: list[str]
    memberships: list[MembershipOut]

    @staticmethod
    def resolve_roles(obj) -> list[str]:
        return sorted(scope_of(obj).roles)

    @staticmethod
    def resolve_memberships(obj):
        return list(obj.memberships.all())


class SchoolOut(Schema):
    """A school."""

    id: int
    name: str
    short_name: str
    code: str
    province: str = Field(alias="province_id")


class DepartmentOut(Schema):
    """A department."""

    id: int
    school_id: int
    name: str
    code: str


class MajorOut(Schema):
    """A major."""

    id: int
    school_id: int
    department: Ref
    code: str
    name: str
    level: str
    duration_years: int


class OrganisationOut(Schema):
    """An organisation."""

    id: int
    school_id: int
    kind: str
    name: str
    credit_code: str
    industry: str
    region: str | None = Field(None, alias="region_id")
    website: str


class StudentOut(Schema):
    """A student; phone and ID number masked unless the caller's role needs them."""

    id: int
    school_id: int
    student_no: str
    name: str = Field(alias="user.real_name")
    gender: str
    department: Ref
    major: Ref
    school_class: Ref | None
    enrolment_year: int
    date_of_birth: dt.date | None
    status: str
    phone: str
    id_number: str

    @staticmethod
    def resolve_phone(obj, context) -> str:
        return _personal(obj, obj.user.phone, "core.view_phone", context)

    @staticmethod
    def resolve_id_number(obj, context) -> str:
        return _personal(obj, obj.user.id_number, "core.view_id_number", context)


def _personal(student: Student, value: str, permission: str, context) -> str:
    """The value in clear for a caller allowed to see it, masked otherwise."""
    if not value or context["request"].user.has_perm(permission, student):
        return value
    return mask(value)


# --- Endpoints -------------------------------------------------------------------------------


@router.get("/me", response=MeOut, tags=["people"], summary="The authenticated user")
def me(request: HttpRequest):
    return request.user


@router.get("/schools", response=list[SchoolOut], tags=["structure"])
@paginate(PageNumberPagination, page_size=50)
def list_schools(request: HttpRequest):
    return School.objects.visible_to(request.user)


@router.get("/schools/{school_id}", response=SchoolOut, tags=["structure"])
def get_school(request: HttpRequest, school_id: int):
    return get_object_or_404(School.objects.visible_to(request.user), pk=school_id)


DepartmentParams = filter_params(filters.DepartmentFilterSet)


@router.get("/departments", response=list[DepartmentOut], tags=["structure"])
@paginate(PageNumberPagination, page_size=50)
def list_departments(request: HttpRequest, params: Query[DepartmentParams]):
    return filtered(request, filters.DepartmentFilterSet,
                    Department.objects.visible_to(request.user), params)


@router.get("/departments/{department_id}", response=DepartmentOut, tags=["structure"])
def get_department(request: HttpRequest, department_id: int):
    return get_object_or_404(Department.objects.visible_to(request.user), pk=department_id)


MajorParams = filter_params(filters.MajorFilterSet)


@router.get("/majors", response=list[MajorOut], tags=["structure"])
@paginate(PageNumberPagination, page_size=50)
def list_majors(request: HttpRequest, params: Query[MajorParams]):
    return filtered(request, filters.MajorFilterSet,
                    Major.objects.visible_to(request.user).select_related("department"), params)


@router.get("/majors/{major_id}", response=MajorOut, tags=["structure"])
def get_major(request: HttpRequest, major_id: int):
    return get_object_or_404(
        Major.objects.visible_to(request.user).select_related("department"), pk=major_id)


OrganisationParams = filter_params(filters.OrganisationFilterSet)


@router.get("/organisations", response=list[OrganisationOut], tags=["organisations"])
@paginate(PageNumberPagination, page_size=50)
def list_organisations(request: HttpRequest, params: Query[OrganisationParams]):
    return filtered(request, filters.OrganisationFilterSet,
                    Organisation.objects.visible_to(request.user), params)


@router.get("/organisations/{organisation_id}", response=OrganisationOut,
            tags=["organisations"])
def get_organisation(request: HttpRequest, organisation_id: int):
    return get_object_or_404(Organisation.objects.visible_to(request.user), pk=organisation_id)


StudentParams = filter_params(filters.StudentFilterSet)


def _students(request: HttpRequest):
    return Student.objects.visible_to(request.user).select_related(
        "user", "department", "major", "school_class")


@router.get("/students", response=list[StudentOut], tags=["students"])
@paginate(PageNumberPagination, page_size=50)
def list_students(request: HttpRequest, params: Query[StudentParams]):
    return filtered(request, filters.StudentFilterSet, _students(request), params)


@router.get("/students/{student_id}", response=StudentOut, tags=["students"])
def get_student(request: HttpRequest, student_id: int):
    return get_object_or_404(_students(request), pk=student_id)


# --- Imports ---------------------------------------------------------------------------------


class ImportJobOut(Schema):
    """An import job: where it stands, what it would do or did, and how many problems."""

    id: int
    kind: str
    mode: str
    status: str
    original_name: str
    progress_done: int
    progress_total: int
    summary: dict
    error_count: int
    message: str
    created_at: dt.datetime
    finished_at: dt.datetime | None

    @staticmethod
    def resolve_error_count(obj) -> int:
        return len(obj.errors)


class RowErrorOut(Schema):
    """One refused cell or row."""

    sheet: str
    row: int
    column: str
    message: str


def _jobs(request: HttpRequest):
    return ImportJob.objects.visible_to(request.user)


def _import_school(request: HttpRequest, kind_name: str, school_id: int | None) -> School:
    kind = import_kind(kind_name)
    if not request.user.has_perm(kind.permission):
        raise PermissionDenied
    schools = [s for s in School.objects.visible_to(request.user)
               if request.user.has_perm(kind.permission, s)]
    if school_id is not None:
        schools = [s for s in schools if s.pk == school_id]
    if len(schools) != 1:
        raise DomainError(_("Say which school to import into (school_id)."), field="school_id")
    return schools[0]


@router.post("/imports", response={201: ImportJobOut}, tags=["imports"],
             summary="Upload a workbook; it is checked in the background")
def create_import(request: HttpRequest, kind: Form[str], file: File[UploadedFile],
                  mode: Form[ImportMode] = ImportMode.UPSERT,
                  school_id: Form[int | None] = None):
    school = _import_school(request, kind, school_id)
    return 201, start_import(actor=request.user, school=school, kind=kind, upload=file,
                             mode=mode)


@router.get("/imports/templates/{kind}", tags=["imports"], summary="The template workbook")
def import_template(request: HttpRequest, kind: str, school_id: int | None = None):
    school = _import_school(request, kind, school_id)
    import_ = import_kind(kind)
    response = HttpResponse(build_template(import_, import_.template_lists(school)),
                            content_type=CONTENT_TYPES["xlsx"])
    response["Content-Disposition"] = f'attachment; filename="{kind}-template.xlsx"'
    return response


@router.get("/imports/{job_id}", response=ImportJobOut, tags=["imports"],
            summary="Poll an import: status, progress, preview or result")
def get_import(request: HttpRequest, job_id: int):
    return get_object_or_404(_jobs(request), pk=job_id)


@router.get("/imports/{job_id}/errors", response=list[RowErrorOut], tags=["imports"],
            summary="Every refused row, with its row number, column and message")
def import_errors(request: HttpRequest, job_id: int):
    return get_object_or_404(_jobs(request), pk=job_id).errors


@router.post("/imports/{job_id}/confirm", response=ImportJobOut, tags=["imports"],
             summary="Write a checked import (all rows or none)")
def confirm(request: HttpRequest, job_id: int):
    job = get_object_or_404(_jobs(request), pk=job_id)
    if not request.user.has_perm(import_kind(job.kind).permission, job.school):
        raise PermissionDenied
    return confirm_import(actor=request.user, job=job)
