"""Pages of the talent app: the gap (供需缺口). The gap page (KPIs, bars per major and per skill,
the heat map of skills × partners, the Sankey of majors → industries, the same figures as
tables, suggestions; each chart's data as Excel with ``?export=xlsx&chart=…``), and the
demands and students behind each number."""

from __future__ import annotations

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.views import View

from chanchuang.colleges.queries.resources import Rows
from chanchuang.core import generic_views as generic
from chanchuang.core.models import Student
from chanchuang.core.tabular.exporting import CONTENT_TYPES, export_response
from chanchuang.talent.exports import gap as exports
from chanchuang.talent.filters.gap import DemandBehindFilterSet, StudentBehindFilterSet
from chanchuang.talent.forms.gap import GapFilterForm
from chanchuang.talent.models import Demand
from chanchuang.talent.queries import gap as queries
from chanchuang.talent.tables.gap import DemandBehindTable, StudentBehindTable


def chart_export(request: HttpRequest, found: queries.Gap, chart: str, file_format: str):
    """The data of one chart of the page as a file (404 for a chart that is not there)."""
    rows = {
        "majors": (exports.MajorGapExporter, found.majors),
        "skills": (exports.SkillGapExporter, found.skills),
        "heat": (exports.HeatExporter, exports.heat_rows(found)),
        "sankey": (exports.SankeyExporter, exports.sankey_rows(found)),
    }.get(chart)
    if rows is None:
        raise Http404
    exporter, data = rows
    return export_response(request, exporter(), Rows(Demand, list(data)),
                           file_format=file_format, school_id=found.scope.school_id)


class GapPage(LoginRequiredMixin, View):
    """The gap of the school (a department, an industry college's majors) over a horizon.
    The charts' data comes in the page (``json_script``)."""

    def get(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if not user.has_perm("talent.view_gap"):
            raise PermissionDenied
        schools = queries.schools_of(user)
        if not schools:
            raise Http404
        form = GapFilterForm(request.GET, user=user, schools=schools)
        scope = form.scope()
        found = queries.gap(user, scope)
        file_format = request.GET.get("export")
        if file_format in CONTENT_TYPES:
            return chart_export(request, found, request.GET.get("chart", ""), file_format)
        may_see_students = user.has_perm("talent.view_students_behind")
        return render(request, "talent/gap/gap.html", {
            "form": form, "gap": found, "scope": scope, "query": scope.query(),
            "charts": found.chart_data(),
            "suggestions": (queries.suggestions(found)
                            if user.has_perm("talent.view_suggestions") else None),
            "may_see_students": may_see_students,
            "may_see_demands": user.has_perm("talent.view_demands"),
        })


class DemandsBehind(generic.ObjectListView):
    """The open demands behind a demand figure of the gap (as far as the user sees them)."""

    model = Demand
    table_class = DemandBehindTable
    filterset_class = DemandBehindFilterSet
    exporter_class = exports.DemandBehindExporter
    list_permission = "talent.view_demands"
    url_prefix = "talent:gap_demands"
    related = ("organisation",)
    prefetch = ("majors",)
    template_name = "talent/gap/demands.html"


class StudentsBehind(generic.ObjectListView):
    """The students behind a supply figure of the gap: staff see the school's, department
    staff their department's."""

    model = Student
    table_class = StudentBehindTable
    filterset_class = StudentBehindFilterSet
    exporter_class = exports.StudentBehindExporter
    list_permission = "talent.view_students_behind"
    url_prefix = "talent:gap_students"
    related = ("user", "department", "major", "school_class")
    template_name = "talent/gap/students.html"


urlpatterns = [
    path("gap/", GapPage.as_view(), name="gap"),
    path("gap/demands/", DemandsBehind.as_view(), name="gap_demands"),
    path("gap/students/", StudentsBehind.as_view(), name="gap_students"),
]
