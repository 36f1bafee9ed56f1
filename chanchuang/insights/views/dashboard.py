"""Pages of the dashboard (成效看板): the board of KPIs with last year's values and the trend,
the breakdowns and a trend chart (ECharts, each with PNG export), every number linked to the
records behind it for those who may see them; and the data of each figure as a workbook."""

from __future__ import annotations

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.utils.http import urlencode
from django.views import View

from chanchuang.colleges.queries.resources import Rows
from chanchuang.core.models import School
from chanchuang.core.tabular.exporting import export_response
from chanchuang.insights.exports.dashboard import BreakdownExporter, KpiExporter, TrendExporter
from chanchuang.insights.forms.dashboard import DashboardFilterForm
from chanchuang.insights.kpis import BREAKDOWNS, KPIS
from chanchuang.insights.queries import dashboard as queries


def _allowed(request: HttpRequest) -> queries.Selection:
    if not request.user.has_perm("insights.view_dashboard"):
        raise PermissionDenied
    return queries.selection(request.user, request.GET)


class DashboardPage(LoginRequiredMixin, View):
    """The board of the year (the current one by default) for the school, a department or an
    industry college; the chart data comes in the page (``json_script``)."""

    def get(self, request: HttpRequest) -> HttpResponse:
        chosen = _allowed(request)
        board = queries.board(request.user, chosen, request.GET.get("trend"))
        query = urlencode(chosen.query())
        return render(request, "insights/dashboard/dashboard.html", {
            "board": board, "chosen": chosen, "query": query,
            "form": DashboardFilterForm(user=request.user, chosen=chosen),
            "charts": board.chart_data(), "kpis": KPIS.values(),
        })


class FigureWorkbook(LoginRequiredMixin, View):
    """The data of one figure of the board (``key``: a KPI or a breakdown) per school, with the
    board's filters, as .xlsx (logged like every export); ``series=trend``: the KPI over the
    last years, as the trend chart draws it."""

    def get(self, request: HttpRequest, key: str) -> HttpResponse:
        chosen = _allowed(request)
        piece = chosen.slice
        if request.GET.get("series") == "trend" and key in KPIS:
            exporter = TrendExporter(key)
            rows = [list(point) for point in queries.trend(KPIS[key], piece, {})]
        else:
            found = queries.figure_rows(request.user, chosen, key)
            if found is None:
                raise Http404
            _title, rows = found
            exporter = BreakdownExporter(key) if key in BREAKDOWNS else KpiExporter(key)
        school_id = next(iter(piece.school_ids)) if len(piece.school_ids) == 1 else None
        return export_response(request, exporter, Rows(School, rows), file_format="xlsx",
                               school_id=school_id)


urlpatterns = [
    path("insights/", DashboardPage.as_view(), name="dashboard"),
    path("insights/figures/<slug:key>.xlsx", FigureWorkbook.as_view(),
         name="dashboard_figure_xlsx"),
]
