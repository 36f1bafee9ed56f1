"""API of the colleges app: annual construction reports. Listed and read from ``visible_to``
(observers: the submitted ones of their province); staff create them, build, submit; the
province's observer acknowledges receipt."""

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from chanchuang.colleges.filters.reports import AnnualReportFilterSet
from chanchuang.colleges.models import AnnualReport, IndustryCollege
from chanchuang.colleges.queries.indicators import years_of
from chanchuang.colleges.services import reports as services
from chanchuang.core.api import filter_params, filtered
from chanchuang.core.lookups import visible_or_missing
from chanchuang.core.services import DomainError, create_object

router = Router(tags=["colleges"])


class AnnualReportOut(Schema):
    """An annual report: where it stands, its narrative and whether it is built."""

    id: int
    college_id: int
    year: int
    status: str
    summary: str
    achievements: str
    problems: str
    plans: str
    building: bool
    build_progress: int
    built_at: dt.datetime | None
    submitted_at: dt.datetime | None
    received_at: dt.datetime | None
    has_pdf: bool
    has_docx: bool

    @staticmethod
    def resolve_has_pdf(obj) -> bool:
        return bool(obj.pdf)

    @staticmethod
    def resolve_has_docx(obj) -> bool:
        return bool(obj.docx)


class AnnualReportIn(Schema):
    """A new report of a college for a year, with its narrative."""

    college_id: int
    year: int
    summary: str = ""
    achievements: str = ""
    problems: str = ""
    plans: str = ""


Params = filter_params(AnnualReportFilterSet)
STEPS = {"build": ("colleges.build_report", services.request_build),
         "submit": ("colleges.submit_report", services.submit),
         "receive": ("colleges.receive_report", services.receive)}


def _require_list(request: HttpRequest) -> None:
    if not request.user.has_perm("colleges.view_scorecard"):
        raise PermissionDenied


@router.get("/annual-reports", response=list[AnnualReportOut])
@paginate(PageNumberPagination, page_size=50)
def list_reports(request: HttpRequest, params: Query[Params]):
    _require_list(request)
    return filtered(request, AnnualReportFilterSet, AnnualReport.objects.visible_to(
        request.user), params)


@router.post("/annual-reports", response={201: AnnualReportOut})
def create_report(request: HttpRequest, data: AnnualReportIn):
    if not request.user.has_perm("colleges.add_annualreport"):
        raise PermissionDenied
    college = visible_or_missing(IndustryCollege, request.user, data.college_id,
                                 field="college_id")
    if not request.user.has_perm("colleges.add_annualreport", college):
        raise PermissionDenied
    if data.year not in years_of(college):
        raise DomainError(_year_message(college, data.year), field="year")
    report = AnnualReport(college=college, **data.dict(exclude={"college_id"}))
    return 201, create_object(actor=request.user, obj=report)


def _year_message(college, year: int) -> str:
    years = years_of(college)
    return _("%(year)s is not a year of this industry college (%(first)s to %(last)s).") % {
        "year": year, "first": years[0], "last": years[-1]}


def _report(request: HttpRequest, report_id: int) -> AnnualReport:
    return get_object_or_404(AnnualReport.objects.visible_to(request.user)
                             .select_related("college__school"), pk=report_id)


@router.get("/annual-reports/{report_id}", response=AnnualReportOut)
def get_report(request: HttpRequest, report_id: int):
    return _report(request, report_id)


@router.post("/annual-reports/{report_id}/{step}", response=AnnualReportOut)
def report_step(request: HttpRequest, report_id: int, step: str):
    report = _report(request, report_id)
    if step not in STEPS:
        raise DomainError(_("Step: one of %(steps)s.") % {"steps": "、".join(STEPS)},
                          field="step")
    permission, service = STEPS[step]
    if not request.user.has_perm(permission, report):
        raise PermissionDenied
    return service(actor=request.user, report=report)
