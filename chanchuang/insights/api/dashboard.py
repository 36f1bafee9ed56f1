"""API of the insights app's dashboard: every KPI of the board for a year, a school, a
department or an industry college (this year's value, last year's, the share's percent), and
the breakdowns. The same selection as the page: ids the caller does not see answer 404;
department staff are held to their department."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from ninja import Query, Router, Schema

from chanchuang.insights.kpis import Share
from chanchuang.insights.queries import dashboard as queries

router = Router(tags=["insights"])


class InsightsKpiOut(Schema):
    """One KPI: its value for the year and the year before (a share as its percent, with its
    part and whole), and whether the department or college filter narrows it."""

    key: str
    label: str
    section: str
    unit: str
    value: float | None
    previous: float | None
    percent: float | None = None
    part: int | None = None
    whole: int | None = None
    previous_part: int | None = None
    previous_whole: int | None = None
    narrowed: bool
    help: str
    url: str


class InsightsCategoryOut(Schema):
    """One category of a breakdown and its count."""

    key: str
    label: str
    value: int


class InsightsBreakdownOut(Schema):
    """A figure split by category."""

    key: str
    label: str
    section: str
    narrowed: bool
    categories: list[InsightsCategoryOut]


class InsightsDashboardOut(Schema):
    """The board of a selection."""

    year: int
    school_ids: list[int]
    department_id: int | None
    college_id: int | None
    kpis: list[InsightsKpiOut]
    breakdowns: list[InsightsBreakdownOut]


def _kpi(card: queries.Card) -> dict:
    out = {"key": card.key, "label": str(card.kpi.label), "section": str(card.kpi.section),
           "unit": card.kpi.unit, "value": card.number, "previous": card.previous_number,
           "narrowed": card.narrowed, "help": str(card.kpi.help), "url": card.url}
    if isinstance(card.value, Share):
        out.update(percent=card.value.percent, part=card.value.part, whole=card.value.whole,
                   previous_part=card.previous.part, previous_whole=card.previous.whole)
    return out


@router.get("/insights/kpis", response=InsightsDashboardOut)
def get_kpis(request: HttpRequest,
             year: int | None = Query(None, ge=queries.FIRST_YEAR, le=queries.LAST_YEAR),
             department: int | None = None, college: int | None = None,
             school: int | None = None):
    user = request.user
    if not user.has_perm("insights.view_dashboard"):
        raise PermissionDenied
    params = {"year": year, "department": department, "college": college, "school": school}
    chosen = queries.selection(user, {k: v for k, v in params.items() if v is not None})
    board = queries.board(user, chosen, with_trend=False)
    piece = chosen.slice
    return {
        "year": piece.year, "school_ids": sorted(piece.school_ids),
        "department_id": piece.department_id, "college_id": piece.college_id,
        "kpis": [_kpi(card) for card in board.cards],
        "breakdowns": [{"key": chart.key, "label": str(chart.figure.label),
                        "section": str(chart.figure.section), "narrowed": chart.narrowed,
                        "categories": [{"key": bar.key, "label": bar.label, "value": bar.value}
                                       for bar in chart.bars]}
                       for chart in board.charts],
    }
