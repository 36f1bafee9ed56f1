"""Pages of the reports handed upward (报告中心): the school's report builds, newest first; the
form that queues a build (report and year); a build's page, which polls its progress while it
is queued or building; the downloads of its files (each logged: the internship and destination
layouts list people by name); and a year's narrative of the annual partnership report.
Everything is the school's staff's (``insights.view_reports``): others are refused before any
lookup, and a build of another school answers 404."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _

from chanchuang.core import generic_views as generic
from chanchuang.core.lookups import visible_or_none
from chanchuang.core.models import School
from chanchuang.core.services import DomainError
from chanchuang.core.uploads import file_response
from chanchuang.insights.choices import JobStatus, ReportKind
from chanchuang.insights.exports.reports import ReportJobExporter
from chanchuang.insights.filters.reports import ReportJobFilterSet
from chanchuang.insights.forms.reports import NarrativeForm, ReportRequestForm, managed_schools
from chanchuang.insights.layouts import LAYOUTS
from chanchuang.insights.models import PartnershipNarrative, ReportJob
from chanchuang.insights.services import reports as services
from chanchuang.insights.services.reports import years
from chanchuang.insights.tables.reports import ReportJobTable, downloads, status_badge

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
UNDER_WAY = (JobStatus.QUEUED, JobStatus.RUNNING)


class ReportsOnly:
    """Refuse (403) anyone without ``insights.view_reports`` before looking anything up."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not request.user.has_perm("insights.view_reports"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ReportJobList(generic.ObjectListView):
    """The school's report builds, newest first, with their files."""

    model = ReportJob
    table_class = ReportJobTable
    filterset_class = ReportJobFilterSet
    exporter_class = ReportJobExporter
    list_permission = "insights.view_reports"
    related = ("school", "requested_by")
    template_name = "insights/reports/reportjob_list.html"


class ReportJobDetail(ReportsOnly, generic.ObjectDetailView):
    """One build: its progress while it runs, then its files (or why it failed)."""

    model = ReportJob
    template_name = "insights/reports/reportjob_detail.html"
    related = ("school", "requested_by")

    def extra_context(self, job):
        layout = LAYOUTS.get(job.kind)
        return {"status_badge": status_badge(job), "downloads": downloads(job),
                "under_way": job.status in UNDER_WAY, "layout": layout,
                "can_build": self.request.user.has_perm("insights.build_report", job)}


class ReportJobStatus(ReportsOnly, generic.ScopedView):
    """A build's progress, polled by its page every 2 s while it is queued or building; once
    it is over, the page reloads."""

    model = ReportJob

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        job = self.get_object(pk)
        if job.status not in UNDER_WAY:
            response = HttpResponse()
            response["HX-Refresh"] = "true"
            return response
        return render(request, "insights/reports/inc/progress.html", {"object": job,
                                                                      "under_way": True})


class ReportJobBuild(ReportsOnly, generic.ScopedView):
    """Queue a build: which report, which year."""

    model = ReportJob
    template_name = "insights/reports/reportjob_build.html"

    def _check(self) -> None:
        if not self.request.user.has_perm("insights.build_report"):
            raise PermissionDenied

    def _render(self, form) -> HttpResponse:
        return render(self.request, self.template_name, {**self.base_context(), "form": form})

    def get(self, request: HttpRequest) -> HttpResponse:
        self._check()
        initial = {}
        if request.GET.get("kind") in ReportKind.values:
            initial["kind"] = request.GET["kind"]
        return self._render(ReportRequestForm(user=request.user, initial=initial))

    def post(self, request: HttpRequest) -> HttpResponse:
        self._check()
        form = ReportRequestForm(request.POST, user=request.user)
        if form.is_valid():
            school = form.chosen_school()
            if not request.user.has_perm("insights.build_report", school_object(school)):
                raise PermissionDenied
            try:
                job = services.request(actor=request.user, school=school,
                                       kind=form.cleaned_data["kind"],
                                       year=form.cleaned_data["year"])
            except DomainError as exc:
                form.add_error(exc.field if exc.field in form.fields else None, exc.message)
            else:
                messages.success(request, _("The report is being built; this page shows its "
                                            "progress."))
                return redirect(job.get_absolute_url())
        return self._render(form)


def school_object(school: School):
    """A stand-in carrying ``school_id``, for the school-level permission predicates."""
    return ReportJob(school=school)


class ReportJobFile(ReportsOnly, generic.ScopedView):
    """A built file (the workbook or PDF, or the Word document), downloaded and logged."""

    model = ReportJob
    related = ("school",)
    field: str = "file"

    def get(self, request: HttpRequest, pk: int) -> FileResponse:
        job = self.get_object(pk)
        stored = getattr(job, self.field)
        if job.status != JobStatus.DONE or not stored:
            raise Http404
        extension = stored.name.rsplit(".", 1)[-1]
        services.record_download(actor=request.user, job=job, field=self.field)
        response = file_response(stored, filename=f"{job.school.short_name or job.school.name}"
                                                   f"-{job}.{extension}")
        if extension == "docx":  # core knows zips only as workbooks; this one is ours
            response["Content-Type"] = DOCX_TYPE
        return response


class NarrativeEdit(ReportsOnly, generic.ScopedView):
    """A year's narrative of the annual partnership report (created on first save)."""

    model = PartnershipNarrative
    template_name = "insights/reports/narrative_edit.html"

    def _school(self) -> School:
        """The school whose narrative it is: ``?school=`` among those the user manages, else
        the first of them."""
        schools = managed_schools(self.request.user)
        chosen = visible_or_none(schools, self.request.user, self.request.GET.get("school"))
        school = chosen or schools.first()
        if school is None:
            raise PermissionDenied
        return school

    def _narrative(self, year: int) -> PartnershipNarrative:
        if year not in years():
            raise Http404
        school = self._school()
        found = self.get_queryset().filter(school=school, year=year).first()
        narrative = found or PartnershipNarrative(school=school, year=year)
        if not self.request.user.has_perm("insights.change_partnershipnarrative", narrative):
            raise PermissionDenied
        return narrative

    def _render(self, form, narrative) -> HttpResponse:
        return render(self.request, self.template_name, {
            **self.base_context(), "form": form, "object": narrative,
            "years": years()[:6]})

    def get(self, request: HttpRequest, year: int) -> HttpResponse:
        narrative = self._narrative(year)
        return self._render(NarrativeForm(instance=narrative, user=request.user), narrative)

    def post(self, request: HttpRequest, year: int) -> HttpResponse:
        narrative = self._narrative(year)
        form = NarrativeForm(request.POST, instance=narrative, user=request.user)
        if form.is_valid():
            try:
                with transaction.atomic():
                    saved = services.save_narrative(actor=request.user, form=form)
                    if not self.get_queryset().filter(pk=saved.pk).exists():
                        raise PermissionDenied
            except DomainError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, _("Saved the narrative of %(year)s.")
                                 % {"year": year})
                return redirect(f"{request.path}?school={saved.school_id}")
        return self._render(form, narrative)


urlpatterns = [
    path("insights/reports/", ReportJobList.as_view(), name="reportjob_list"),
    path("insights/reports/build/", ReportJobBuild.as_view(), name="reportjob_build"),
    path("insights/reports/<int:pk>/", ReportJobDetail.as_view(), name="reportjob_detail"),
    path("insights/reports/<int:pk>/status/", ReportJobStatus.as_view(),
         name="reportjob_status"),
    path("insights/reports/<int:pk>/file/", ReportJobFile.as_view(field="file"),
         name="reportjob_file"),
    path("insights/reports/<int:pk>/docx/", ReportJobFile.as_view(field="docx"),
         name="reportjob_docx"),
    path("insights/reports/narrative/<int:year>/", NarrativeEdit.as_view(),
         name="narrative_edit"),
]
