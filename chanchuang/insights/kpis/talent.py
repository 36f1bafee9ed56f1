"""KPIs of the talent gap (talent app): the majors short of graduates in the year. It is the
gap's own arithmetic (``talent.queries.gap``: a major is short when the open demand listing it
exceeds its students graduating in the horizon, ``MajorGap.gap > 0``) for the horizon of the
slice's year, read for every school in two grouped queries instead of the gap's seven per
school."""

from __future__ import annotations

from django.db.models import Count, Sum
from django.utils.translation import gettext_lazy as _

from chanchuang.core.choices import StudentStatus
from chanchuang.core.models import Student
from chanchuang.insights.kpis import Kpi, Slice, Unit
from chanchuang.insights.kpis.links import list_url
from chanchuang.insights.kpis.slicing import narrowed
from chanchuang.talent.choices import DemandStatus
from chanchuang.talent.models import Demand
from chanchuang.talent.queries import gap

SECTION = _("Talent supply and demand")


def _short_majors(piece: Slice) -> dict[int, int]:
    """Per school: the majors whose open demand for the year (head count of the demands
    listing the major whose window covers the year) exceeds the students graduating in it."""
    horizon = gap.Horizon(gap.THIS_YEAR, piece.year, piece.year)
    majors: dict[tuple[int, int], gap.MajorGap] = {}
    demand = narrowed(Demand.majors.through.objects.filter(
        demand__status=DemandStatus.OPEN, demand__year_from__lte=horizon.last,
        demand__year_to__gte=horizon.first), piece, school="demand__school",
        department="major__department", major="major")
    for school, major, headcount in demand.order_by().values_list(
            "demand__school_id", "major_id").annotate(n=Sum("demand__headcount")).values_list(
            "demand__school_id", "major_id", "n"):
        majors[(school, major)] = gap.MajorGap(major, "", "", demand=headcount or 0)
    if not majors:
        return {}
    students = narrowed(Student.objects.filter(
        status=StudentStatus.ENROLLED, major_id__in={major for _school, major in majors}),
        piece, department="major__department", major="major")
    for school, major, supply in (
            students.annotate(graduates=gap.graduation_year())
            .filter(graduates__gte=horizon.first, graduates__lte=horizon.last).order_by()
            .values_list("school_id", "major_id").annotate(n=Count("pk")).values_list(
                "school_id", "major_id", "n")):
        if (school, major) in majors:
            majors[(school, major)].supply = supply
    result: dict[int, int] = dict.fromkeys(piece.school_ids, 0)
    for (school, _major), found in majors.items():
        if found.gap > 0:
            result[school] += 1
    return result


FIGURES = (
    Kpi("short_majors", _("Majors short of graduates"), SECTION, Unit.COUNT, _short_majors,
        frozenset({"department", "college"}),
        drill=lambda piece: list_url("talent:gap", horizon=gap.THIS_YEAR,
                                     department=piece.department_id, college=piece.college_id),
        help=_("Majors for which enterprises' open demand in the year (head count) exceeds the "
               "students graduating that year. The gap page counts from the current year."),
        drill_perm="talent.view_gap"),
)
