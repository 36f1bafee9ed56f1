"""API of the colleges app: indicators. A college's scorecard for a year (computed from the
records) and its yearly targets, which staff set (all or nothing; a negative number is refused
naming the indicator)."""

from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from chanchuang.colleges.models import IndustryCollege
from chanchuang.colleges.queries import indicators as queries
from chanchuang.colleges.services import indicators as services

router = Router(tags=["colleges"])


class IndicatorOut(Schema):
    """One indicator of the scorecard: its target and what the records give."""

    code: str
    label: str
    unit: str
    task: str
    category: str
    status_column: str
    target: Decimal | None
    achieved: Decimal | None
    percent: Decimal | None


class CategoryOut(Schema):
    """A selection-table category and its score."""

    code: str
    label: str
    weight: int
    score: Decimal | None


class StatusRowOut(Schema):
    """A member organisation's line of the status-data school–enterprise table."""

    organisation_id: int
    name: str
    credit_code: str
    since: str
    order_students: int
    courses: int
    textbooks: int
    teachers: int
    interns: Decimal
    equipment: Decimal
    hires: Decimal
    service_income: Decimal
    training_days: Decimal


class ScorecardOut(Schema):
    """A college's scorecard for a year."""

    college_id: int
    year: int
    total: Decimal
    out_of: int
    indicators: list[IndicatorOut]
    categories: list[CategoryOut]
    status_data: list[StatusRowOut]


class TargetsIO(Schema):
    """A college's targets for a year, by indicator code (null: no target)."""

    year: int
    targets: dict[str, Decimal | None]


def _college(request: HttpRequest, college_id: int, permission: str) -> IndustryCollege:
    college = get_object_or_404(IndustryCollege.objects.visible_to(request.user)
                                .select_related("school"), pk=college_id)
    if not request.user.has_perm(permission, college):
        raise PermissionDenied
    return college


@router.get("/colleges/{college_id}/scorecard", response=ScorecardOut)
def get_scorecard(request: HttpRequest, college_id: int, year: int | None = None):
    college = _college(request, college_id, "colleges.view_scorecard")
    card = queries.scorecard(college, queries.chosen_year(college, year), request.user,
                             with_promised=False)
    return {
        "college_id": college.pk, "year": card.year, "total": card.total,
        "out_of": card.out_of,
        "indicators": [{"code": row.indicator.code, "label": str(row.indicator.label),
                        "unit": str(row.indicator.unit), "task": row.indicator.task,
                        "category": row.indicator.category,
                        "status_column": str(row.indicator.status_column or ""),
                        "target": row.target, "achieved": row.achieved,
                        "percent": row.percent} for row in card.rows],
        "categories": [{"code": s.category.code, "label": str(s.category.label),
                        "weight": s.category.weight, "score": s.score} for s in card.scores],
        "status_data": [{"organisation_id": row.organisation.pk, "name": row.name,
                         "credit_code": row.credit_code, "since": row.since,
                         "order_students": row.order_students, "courses": row.courses,
                         "textbooks": row.textbooks, "teachers": row.teachers,
                         "interns": row.interns, "equipment": row.equipment, "hires": row.hires,
                         "service_income": row.service_income,
                         "training_days": row.training_days} for row in card.status_rows],
    }


@router.get("/colleges/{college_id}/targets", response=TargetsIO)
def get_targets(request: HttpRequest, college_id: int, year: int | None = None):
    college = _college(request, college_id, "colleges.view_scorecard")
    year = queries.chosen_year(college, year)
    return {"year": year, "targets": queries.targets_of(college, year, request.user)}


@router.put("/colleges/{college_id}/targets", response=TargetsIO)
def set_targets(request: HttpRequest, college_id: int, data: TargetsIO):
    college = _college(request, college_id, "colleges.change_target")
    services.set_targets(actor=request.user, college=college, year=data.year,
                         values=data.targets)
    return {"year": data.year, "targets": queries.targets_of(college, data.year, request.user)}
