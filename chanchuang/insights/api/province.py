"""API of the provincial view (省级视图): the province's totals and every college's values for a
year, and one college's figures — the same suppressed cells as the pages, a withheld value
answered as the string "<5". Aggregates only: no person, no record, no link to one. A college
outside the caller's provinces answers 404."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from ninja import Router, Schema

from chanchuang.core.models import School
from chanchuang.insights.queries import province as queries
from chanchuang.insights.suppression import SUPPRESSED

router = Router(tags=["insights"])

Number = int | float | str | None


class InsightsProvinceValueOut(Schema):
    """One KPI's published value: a number (a share in percent), "<5" when withheld, null
    when there is nothing to count; a share's part and whole when it is shown."""

    kpi: str
    value: Number
    part: Number = None
    whole: Number = None


class InsightsProvinceKpiOut(Schema):
    """A KPI of the view: its key, label, unit, the province's total, last year's and the
    change (null when either is withheld)."""

    key: str
    label: str
    section: str
    unit: str
    total: InsightsProvinceValueOut
    last_year: InsightsProvinceValueOut
    trend: float | None


class InsightsProvinceCategoryOut(Schema):
    """A breakdown's category and its published count."""

    key: str
    label: str
    value: Number


class InsightsProvinceBreakdownOut(Schema):
    """A breakdown of one college (or of the province): its categories and total."""

    key: str
    label: str
    categories: list[InsightsProvinceCategoryOut]
    total: Number


class InsightsProvinceSchoolOut(Schema):
    """A college's values for every KPI, in the order of ``kpis``."""

    school_id: int
    name: str
    values: list[InsightsProvinceValueOut]


class InsightsProvinceOut(Schema):
    """The provincial view of a year: the KPIs with the province's totals, each college's
    values, and the breakdowns of the province."""

    year: int
    kpis: list[InsightsProvinceKpiOut]
    schools: list[InsightsProvinceSchoolOut]
    breakdowns: list[InsightsProvinceBreakdownOut]


class InsightsProvinceSchoolFiguresOut(Schema):
    """One college's figures as the provincial view publishes them."""

    year: int
    school_id: int
    name: str
    values: list[InsightsProvinceValueOut]
    last_year: list[InsightsProvinceValueOut]
    breakdowns: list[InsightsProvinceBreakdownOut]


def _value(key: str, cell: queries.Cell) -> dict:
    if cell.suppressed:
        return {"kpi": key, "value": SUPPRESSED, "part": SUPPRESSED, "whole": SUPPRESSED}
    return {"kpi": key, "value": cell.api(), "part": cell.part, "whole": cell.whole}


def _allowed(request: HttpRequest) -> None:
    if not request.user.has_perm("insights.view_province"):
        raise PermissionDenied


def _view(request: HttpRequest, year: int | None) -> queries.ProvinceView:
    _allowed(request)
    year = year if year in queries.year_choices() else queries.default_year()
    return queries.province_view(request.user, year)


def _breakdown(table: queries.BreakdownTable, cells: list, total) -> dict:
    return {"key": table.breakdown.key, "label": str(table.breakdown.label),
            "categories": [{"key": key, "label": str(label), "value": cell.api()}
                           for (key, label), cell in zip(table.categories, cells, strict=True)],
            "total": total.api()}


@router.get("/insights/province", response=InsightsProvinceOut)
def get_province(request: HttpRequest, year: int | None = None):
    """The colleges in the caller's view side by side (the current year unless asked)."""
    view = _view(request, year)
    return {
        "year": view.year,
        "kpis": [{"key": column.key, "label": str(column.kpi.label),
                  "section": str(column.kpi.section), "unit": column.kpi.unit,
                  "total": _value(column.key, column.total),
                  "last_year": _value(column.key, column.last_total), "trend": column.trend}
                 for column in view.columns],
        "schools": [{"school_id": school.pk, "name": school.name,
                     "values": [_value(column.key, column.cells[school.pk])
                                for column in view.columns]} for school in view.schools],
        "breakdowns": [_breakdown(table, *table.total_row()) for table in view.breakdowns],
    }


@router.get("/insights/province/schools/{school_id}", response=InsightsProvinceSchoolFiguresOut)
def get_province_school(request: HttpRequest, school_id: int, year: int | None = None):
    """One college's figures (404 for a college outside the caller's provinces)."""
    _allowed(request)
    if not School.objects.visible_to(request.user).filter(pk=school_id).exists():
        raise Http404
    view = _view(request, year)
    school = view.school(school_id)
    if school is None:  # pragma: no cover — the view lists exactly the visible colleges
        raise Http404
    figures = queries.school_figures(view, school)
    return {
        "year": view.year, "school_id": school.pk, "name": school.name,
        "values": [_value(column.key, now) for column, now, _before, _t in figures.figures],
        "last_year": [_value(column.key, before) for column, _now, before, _t in figures.figures],
        "breakdowns": [_breakdown(table, [cell for _k, _l, cell in categories], total)
                       for table, categories, total in figures.breakdowns],
    }
