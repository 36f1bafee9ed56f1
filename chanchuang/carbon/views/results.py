"""What a session leaves behind: the results page (ranking, the market's price and volume,
totals), the replay of its log, the session workbook, each student's graded PDF report and
the zip of them all. Every page starts from ``Simulation.objects.visible_to`` (404 outside
it) and checks its permission on the session (403); reports are fetched through
``Participant.objects.visible_to``. Reads only: nothing here writes but the audit log of an
export."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import path
from django.utils import timezone

from chanchuang.carbon import documents
from chanchuang.carbon.exports import results as exports
from chanchuang.carbon.models import Participant, Simulation
from chanchuang.carbon.queries import results as queries
from chanchuang.core import generic_views as generic
from chanchuang.core.tabular.exporting import CONTENT_TYPES


class SessionView(generic.ScopedView):
    """A page of one visible session (404), for who holds ``permission`` on it (403)."""

    model = Simulation
    related = ("scenario", "school", "school_class__major")
    permission = "carbon.view_results"

    def session(self, pk: int) -> Simulation:
        simulation = self.get_object(pk)
        if not self.request.user.has_perm(self.permission, simulation):
            raise PermissionDenied
        return simulation



class Results(SessionView):
    """The ranking (students' names for the instructors, the student's own company marked),
    the market's daily candles and volumes, and the totals."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        simulation = self.session(pk)
        user = request.user
        results = queries.results_of(simulation, user)
        for result in results:
            shown = result.participants or ([result.own] if result.own else [])
            result.reports = [p for p in shown if user.has_perm("carbon.view_report", p)]
        return render(request, "carbon/results/results.html", {
            "simulation": simulation, "results": results,
            "totals": queries.totals(simulation, results),
            "history": queries.market_history(simulation),
            "show_names": queries.may_see_names(user, simulation),
            "can_export": user.has_perm("carbon.export_simulation", simulation),
        })


class Replay(SessionView):
    """The session's log and trades on running time, stepped through by a slider."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        simulation = self.session(pk)
        data = queries.replay(simulation)
        return render(request, "carbon/results/replay.html", {
            "simulation": simulation, "replay": data, "steps": len(data["steps"])})


class Export(SessionView):
    """The session workbook (logged: it names the students)."""

    permission = "carbon.export_simulation"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        simulation = self.session(pk)
        content, counts = exports.session_workbook(simulation, request.user)
        exports.log_workbook_export(actor=request.user, simulation=simulation, counts=counts)
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        return generic.download(content, CONTENT_TYPES["xlsx"],
                         f"carbon-session-{simulation.pk}-{stamp}.xlsx")


class Report(SessionView):
    """One student's graded report as a PDF: the session visible (404), the participant
    visible and of this session (404), and the user the student or their instructor (403).
    Logged: it is personal data."""

    def get(self, request: HttpRequest, pk: int, participant_pk: int) -> HttpResponse:
        simulation = self.get_object(pk)
        participant = get_object_or_404(
            Participant.objects.visible_to(request.user).filter(simulation=simulation)
            .select_related("user__student__school_class"), pk=participant_pk)
        participant.simulation = simulation
        if not request.user.has_perm("carbon.view_report", participant):
            raise PermissionDenied
        results = queries.results_of(simulation, request.user)
        result = queries.result_of(results, participant.company_id)
        investments = queries.abatements_of(simulation).get(participant.company_id, [])
        content = documents.report_pdf(documents.report_context(
            simulation, participant, result, companies=len(results), investments=investments))
        exports.log_report_export(actor=request.user, simulation=simulation, reports=1,
                                  file_format="pdf")
        return generic.download(content, "application/pdf",
                         documents.report_filename(simulation, participant), inline=True)


class ReportZip(SessionView):
    """Every student's report in one zip, built on the request. Logged. Slow for a class: about
    0.35 s a report (10 s for 30 on a busy 2-CPU machine, ``tests/test_reports_pdf.py``),
    beyond what a click should wait; a background build (as insights' report jobs) is the
    next step if classes grow."""

    permission = "carbon.export_simulation"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        simulation = self.session(pk)
        results = queries.results_of(simulation, request.user)
        content, count = documents.reports_zip(simulation, results,
                                               queries.abatements_of(simulation))
        exports.log_report_export(actor=request.user, simulation=simulation, reports=count,
                                  file_format="zip")
        return generic.download(content, "application/zip",
                         f"carbon-reports-{simulation.pk}.zip")


urlpatterns = [
    path("carbon/<int:pk>/results/", Results.as_view(), name="results"),
    path("carbon/<int:pk>/replay/", Replay.as_view(), name="replay"),
    path("carbon/<int:pk>/export.xlsx", Export.as_view(), name="export"),
    path("carbon/<int:pk>/reports/<int:participant_pk>.pdf", Report.as_view(), name="report"),
    path("carbon/<int:pk>/reports.zip", ReportZip.as_view(), name="report_zip"),
]
