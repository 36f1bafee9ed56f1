"""API of graduate destinations: the list (the list page's filters) and one destination,
recording one and changing one. Everything starts from ``visible_to``; foreign ids 404 and
observers never read a record."""

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from chanchuang.core.api import filter_params, filtered
from chanchuang.core.lookups import visible_or_missing
from chanchuang.core.models import Region, Student
from chanchuang.core.services import DomainError
from chanchuang.insights.filters.destinations import GraduateDestinationFilterSet
from chanchuang.insights.models import GraduateDestination
from chanchuang.insights.services import destinations as services

router = Router(tags=["insights"])

RELATED = ("student__user", "employer")


class InsightsDestinationOut(Schema):
    """A graduate's destination."""

    id: int
    student_id: int
    student_no: str
    name: str
    department_id: int
    major_id: int
    graduation_year: int
    code: str
    group: str
    employer_name: str
    employer_credit_code: str
    employer_id: int | None
    employer_region: str | None
    post: str
    contract_start: dt.date | None
    is_partner: bool
    is_placement_host: bool
    in_province: bool
    evidence_kind: str
    has_evidence: bool
    verification: str

    @staticmethod
    def resolve_student_no(obj) -> str:
        return obj.student.student_no

    @staticmethod
    def resolve_name(obj) -> str:
        return obj.student.user.real_name

    @staticmethod
    def resolve_employer_region(obj) -> str | None:
        return obj.employer_region_id

    @staticmethod
    def resolve_has_evidence(obj) -> bool:
        return bool(obj.evidence)


class InsightsDestinationIn(Schema):
    """A destination to record (``student_id``) or the fields to change."""

    graduation_year: int
    code: str
    employer_name: str = ""
    employer_credit_code: str = ""
    employer_region: str | None = None
    post: str = ""
    contract_start: dt.date | None = None
    evidence_kind: str = ""
    note: str = ""


class InsightsDestinationNewIn(InsightsDestinationIn):
    """A destination to record for a graduate."""

    student_id: int


class InsightsDestinationPatch(Schema):
    """The fields of a destination to change (those sent only)."""

    graduation_year: int | None = None
    code: str | None = None
    employer_name: str | None = None
    employer_credit_code: str | None = None
    employer_region: str | None = None
    post: str | None = None
    contract_start: dt.date | None = None
    evidence_kind: str | None = None
    note: str | None = None


DestinationParams = filter_params(GraduateDestinationFilterSet)


def _destination(request: HttpRequest, destination_id: int) -> GraduateDestination:
    return get_object_or_404(GraduateDestination.objects.visible_to(request.user)
                             .select_related(*RELATED), pk=destination_id)


def _apply(destination: GraduateDestination, values: dict) -> None:
    values.pop("student_id", None)
    if "employer_region" in values:
        region = values.pop("employer_region")
        if region and not Region.objects.filter(pk=region).exists():
            raise DomainError(_("Employer's region: %(code)s is not a GB/T 2260 code.")
                              % {"code": region}, field="employer_region")
        destination.employer_region_id = region or None
    for name, value in values.items():
        setattr(destination, name, "" if value is None and name != "contract_start"
                and name != "graduation_year" else value)


@router.get("/insights/destinations", response=list[InsightsDestinationOut])
@paginate(PageNumberPagination, page_size=100)
def list_destinations(request: HttpRequest, params: Query[DestinationParams]):
    """The destinations the user sees, filtered like the list page."""
    if not request.user.has_perm("insights.view_destinations"):
        raise PermissionDenied
    return filtered(request, GraduateDestinationFilterSet,
                    GraduateDestination.objects.visible_to(request.user)
                    .select_related(*RELATED), params)


@router.get("/insights/destinations/{destination_id}", response=InsightsDestinationOut)
def get_destination(request: HttpRequest, destination_id: int):
    """One destination (staff, department staff, the graduate)."""
    return _destination(request, destination_id)


@router.post("/insights/destinations", response={201: InsightsDestinationOut})
def record_destination(request: HttpRequest, data: InsightsDestinationNewIn):
    """Record a graduate's destination."""
    user = request.user
    if not user.has_perm("insights.add_graduatedestination"):
        raise PermissionDenied
    student = visible_or_missing(Student, user, data.student_id, field="student_id")
    destination = GraduateDestination(student=student, school_id=student.school_id,
                                      department_id=student.department_id)
    _apply(destination, data.dict())
    if not user.has_perm("insights.add_graduatedestination", destination):
        raise PermissionDenied
    services.record(actor=user, destination=destination)
    return 201, _destination(request, destination.pk)


@router.patch("/insights/destinations/{destination_id}", response=InsightsDestinationOut)
def change_destination(request: HttpRequest, destination_id: int,
                       data: InsightsDestinationPatch):
    """Change a destination (its verification is the staff's, on the page)."""
    destination = _destination(request, destination_id)
    if not request.user.has_perm("insights.change_graduatedestination", destination):
        raise PermissionDenied
    _apply(destination, data.dict(exclude_unset=True))
    services.change(actor=request.user, destination=destination)
    return _destination(request, destination.pk)
