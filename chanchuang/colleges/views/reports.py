"""Pages of the colleges app: annual construction reports (年度建设报告). Staff create one per
college and year, write its narrative, build it (a background task whose progress the page
polls), download the PDF and the Word document, and submit it to the province (报送省级), whose
observer acknowledges receipt (签收)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.translation import gettext as _

from chanchuang.colleges.choices import ReportStatus
from chanchuang.colleges.exports.reports import AnnualReportExporter
from chanchuang.colleges.filters.reports import AnnualReportFilterSet
from chanchuang.colleges.forms.reports import AnnualReportForm
from chanchuang.colleges.models import AnnualReport, IndustryCollege
from chanchuang.colleges.queries.indicators import link, years_of
from chanchuang.colleges.services import reports as services
from chanchuang.colleges.tables.reports import AnnualReportTable, status_badge
from chanchuang.core import generic_views as generic
from chanchuang.core.lookups import visible_or_none
from chanchuang.core.uploads import file_response

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class ReportList(generic.ObjectListView):
    """Annual reports: a college's insiders see theirs, observers the submitted ones of their
    province."""

    model = AnnualReport
    table_class = AnnualReportTable
    filterset_class = AnnualReportFilterSet
    exporter_class = AnnualReportExporter
    list_permission = "colleges.view_scorecard"
    related = ("college__school",)


class ReportDetail(generic.ObjectDetailView):
    """A report: its narrative, its documents and where it stands."""

    model = AnnualReport
    template_name = "colleges/reports/annualreport_detail.html"
    related = ("college__school", "submitted_by", "received_by")

    def extra_context(self, report):
        user = self.request.user
        draft = report.status == ReportStatus.DRAFT
        can_change = draft and user.has_perm("colleges.change_annualreport", report)
        return {
            "status_badge": status_badge(report),
            "can_change": can_change,
            "can_build": draft and user.has_perm("colleges.build_report", report),
            "can_submit": user.has_perm("colleges.submit_report", report),
            "can_receive": user.has_perm("colleges.receive_report", report),
            "college_url": link(report.college),
            "scorecard_url": _scorecard_url(report, user),
        }


def _scorecard_url(report: AnnualReport, user) -> str:
    if not user.has_perm("colleges.view_scorecard", report.college):
        return ""
    return f"{reverse('colleges:scorecard', args=[report.college_id])}?year={report.year}"


class ReportStatusFragment(generic.ScopedView):
    """The build status of a report, polled by its page while it is being built."""

    model = AnnualReport

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        report = self.get_object(pk)
        if not report.building:  # done (or failed): the whole page changes, reload it
            response = HttpResponse()
            response["HX-Refresh"] = "true"
            return response
        return render(request, "colleges/reports/inc/build_status.html", {
            "object": report,
            "can_build": report.status == ReportStatus.DRAFT
            and request.user.has_perm("colleges.build_report", report)})


class ReportEdit(generic.ObjectEditView):
    """Create a report for a college and year, or change a draft's narrative."""

    model = AnnualReport
    form_class = AnnualReportForm

    def initial_object(self):
        """A report of the college and year named in ``?college=`` and ``?year=``, if any."""
        college = visible_or_none(IndustryCollege, self.request.user,
                                  self.request.GET.get("college"))
        report = AnnualReport(college=college) if college else AnnualReport()
        year = str(self.request.GET.get("year", ""))
        if college and year.isdigit() and int(year) in years_of(college):
            report.year = int(year)
        return report

    def _object_and_check(self, pk):
        report = super()._object_and_check(pk)
        if pk is not None and report.status != ReportStatus.DRAFT:
            raise PermissionDenied  # a submitted report stays as it went up the line
        return report

    def save(self, form):
        return services.save_narrative(actor=self.request.user, form=form)


class ReportBuild(generic.ObjectActionView):
    """Queue the building of a draft's PDF and Word document (生成报告)."""

    model = AnnualReport
    permission = "colleges.build_report"

    def act(self, report, form):
        services.request_build(actor=self.request.user, report=report)
        return _("The report is being built; this page shows its progress.")


class ReportSubmit(generic.ObjectActionView):
    """Submit a built draft to the province (报送省级)."""

    model = AnnualReport
    permission = "colleges.submit_report"

    def act(self, report, form):
        services.submit(actor=self.request.user, report=report)
        return _("Submitted to the province; its observers have been told.")


class ReportReceive(generic.ObjectActionView):
    """Acknowledge receipt of a submitted report for the province (签收)."""

    model = AnnualReport
    permission = "colleges.receive_report"

    def act(self, report, form):
        services.receive(actor=self.request.user, report=report)
        return _("Receipt acknowledged.")


class ReportFile(generic.ScopedView):
    """A built report's PDF or Word document, for whoever sees the report."""

    model = AnnualReport
    related = ("college",)
    field: str = "pdf"

    def get(self, request: HttpRequest, pk: int) -> FileResponse:
        report = self.get_object(pk)
        stored = getattr(report, self.field)
        if not stored:
            raise Http404
        extension = "docx" if self.field == "docx" else "pdf"
        response = file_response(stored, filename=f"{report}.{extension}")
        if self.field == "docx":  # core knows zips only as workbooks; this one is ours
            response["Content-Type"] = DOCX_TYPE
        return response


urlpatterns = [
    *generic.object_paths("colleges/reports", "annualreport", list_view=ReportList,
                          detail_view=ReportDetail, edit_view=ReportEdit, delete_view=None),
    path("colleges/reports/<int:pk>/status/", ReportStatusFragment.as_view(),
         name="annualreport_status"),
    path("colleges/reports/<int:pk>/build/", ReportBuild.as_view(), name="annualreport_build"),
    path("colleges/reports/<int:pk>/submit/", ReportSubmit.as_view(),
         name="annualreport_submit"),
    path("colleges/reports/<int:pk>/receive/", ReportReceive.as_view(),
         name="annualreport_receive"),
    path("colleges/reports/<int:pk>/pdf/", ReportFile.as_view(field="pdf"),
         name="annualreport_pdf"),
    path("colleges/reports/<int:pk>/docx/", ReportFile.as_view(field="docx"),
         name="annualreport_docx"),
]
