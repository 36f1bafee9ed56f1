"""API of the insights app's reports: the school's report builds (listed and read from
``visible_to``; school staff only) and a request for a new build, which answers 201 with the
queued job (the build runs in the background; poll the job for its progress)."""

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from chanchuang.core.api import filter_params, filtered
from chanchuang.core.lookups import visible_or_missing
from chanchuang.core.services import DomainError
from chanchuang.insights.filters.reports import ReportJobFilterSet
from chanchuang.insights.forms.reports import managed_schools
from chanchuang.insights.models import ReportJob
from chanchuang.insights.services import reports as services

router = Router(tags=["insights"])


class InsightsReportJobOut(Schema):
    """A report build: which report and year, where it stands, from which data, its files."""

    id: int
    school_id: int
    kind: str
    year: int
    status: str
    progress: int
    message: str
    requested_by: str
    requested_at: dt.datetime
    data_as_of: dt.datetime | None
    finished_at: dt.datetime | None
    file_url: str
    docx_url: str

    @staticmethod
    def resolve_requested_by(obj) -> str:
        return obj.requested_by.real_name if obj.requested_by else ""

    @staticmethod
    def resolve_file_url(obj) -> str:
        return reverse("insights:reportjob_file", args=[obj.pk]) if obj.file else ""

    @staticmethod
    def resolve_docx_url(obj) -> str:
        return reverse("insights:reportjob_docx", args=[obj.pk]) if obj.docx else ""


class InsightsReportJobIn(Schema):
    """A build to queue: the report (annual, internships, destinations, status_data), the year,
    and the school for someone managing several."""

    kind: str
    year: int
    school_id: int | None = None


Params = filter_params(ReportJobFilterSet)


def _require(request: HttpRequest, permission: str = "insights.view_reports") -> None:
    if not request.user.has_perm(permission):
        raise PermissionDenied


@router.get("/insights/report-jobs", response=list[InsightsReportJobOut])
@paginate(PageNumberPagination, page_size=50)
def list_report_jobs(request: HttpRequest, params: Query[Params]):
    _require(request)
    return filtered(request, ReportJobFilterSet, ReportJob.objects.visible_to(request.user)
                    .select_related("requested_by"), params)


@router.get("/insights/report-jobs/{job_id}", response=InsightsReportJobOut)
def get_report_job(request: HttpRequest, job_id: int):
    _require(request)
    return get_object_or_404(ReportJob.objects.visible_to(request.user)
                             .select_related("requested_by"), pk=job_id)


@router.post("/insights/report-jobs", response={201: InsightsReportJobOut})
def request_report_job(request: HttpRequest, data: InsightsReportJobIn):
    _require(request, "insights.build_report")
    schools = managed_schools(request.user)
    if data.school_id is not None:
        school = visible_or_missing(schools, request.user, data.school_id, field="school_id")
    else:
        found = list(schools[:2])
        if len(found) != 1:
            raise DomainError(_("Say which school the report is for (school_id)."),
                              field="school_id")
        school = found[0]
    if not request.user.has_perm("insights.build_report", ReportJob(school=school)):
        raise PermissionDenied
    return 201, services.request(actor=request.user, school=school, kind=data.kind,
                                 year=data.year)
