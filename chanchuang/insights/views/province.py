"""Pages of the provincial view (省级视图): the same KPIs across the colleges an observer
watches — the province's totals with their trend, the comparison table of colleges (sortable;
as Excel), a comparison chart for a chosen KPI, and a page per college. Aggregates only, small
counts withheld as "<5" (see ``insights.suppression``); no names, no links to records. It is
the home of a user whose only role is observer (registered from ``apps.py``)."""

from __future__ import annotations

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.views import View

from chanchuang.colleges.queries.resources import Rows
from chanchuang.core.models import School
from chanchuang.core.tabular.exporting import CONTENT_TYPES, export_response
from chanchuang.core.todos import todos_for
from chanchuang.insights.exports.province import ProvinceComparisonExporter
from chanchuang.insights.forms.province import ProvinceYearForm
from chanchuang.insights.queries import province as queries


def _allowed(request: HttpRequest) -> None:
    if not request.user.has_perm("insights.view_province"):
        raise PermissionDenied


class ProvincePage(LoginRequiredMixin, View):
    """The colleges in view side by side for a year (``?sort=<kpi>&desc=0`` orders the table,
    ``?export=xlsx`` downloads it)."""

    def get(self, request: HttpRequest) -> HttpResponse:
        _allowed(request)
        form = ProvinceYearForm(request.GET)
        view = queries.province_view(request.user, form.chosen_year())
        sort = request.GET.get("sort") or None
        descending = request.GET.get("desc", "1") != "0"
        rows = view.rows(sort, descending)
        file_format = request.GET.get("export")
        if file_format in CONTENT_TYPES:
            return export_response(request, ProvinceComparisonExporter(view), Rows(School, rows),
                                   file_format=file_format, school_id=None)
        return render(request, "insights/province/province.html", {
            "form": form, "view": view, "rows": rows, "sort": sort, "descending": descending,
            "year": view.year, "chart": view.chart_data(),
            "todos": todos_for(request.user), "show_todos": False,
        })


class ProvinceSchoolPage(LoginRequiredMixin, View):
    """One college's figures as the provincial view publishes them (the same suppression as
    the comparison, so that the two pages cannot be combined to recover a cell)."""

    def get(self, request: HttpRequest, school_id: int) -> HttpResponse:
        _allowed(request)
        school = School.objects.visible_to(request.user).filter(pk=school_id).first()
        if school is None:
            raise Http404
        form = ProvinceYearForm(request.GET)
        view = queries.province_view(request.user, form.chosen_year())
        found = view.school(school.pk)
        if found is None:  # pragma: no cover — visible_to is the province view's own list
            raise Http404
        return render(request, "insights/province/school.html", {
            "form": form, "view": view, "school": found, "year": view.year,
            "figures": queries.school_figures(view, found),
        })


urlpatterns = [
    path("insights/province/", ProvincePage.as_view(), name="province"),
    path("insights/province/<int:school_id>/", ProvinceSchoolPage.as_view(),
         name="province_school"),
]
