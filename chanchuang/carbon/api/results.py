"""API of a session's results: the ranking as the caller may see it (students' names for the
session's instructors only; a student's own company marked). The session is read through
``visible_to`` (404), and the caller needs ``carbon.view_results`` on it (403)."""

from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from chanchuang.carbon.models import Simulation
from chanchuang.carbon.queries import results as queries

router = Router(tags=["carbon"])


class CarbonGradeOut(Schema):
    """A company's grade: the total out of 100, its word and its three parts."""

    total: Decimal
    word: str
    compliance: Decimal
    reports: Decimal
    cost: Decimal


class CarbonResultOut(Schema):
    """A company's place in the ranking."""

    rank: int
    company_id: int
    company: str
    simulated_trader: bool
    own: bool
    students: list[str]
    achieved: Decimal | None
    shortfall: int
    penalties: Decimal
    reports_on_time: int
    reports_late: int
    cost: Decimal
    verified_emissions: int
    cost_per_tonne: Decimal | None
    grade: CarbonGradeOut | None


def _out(result: queries.CompanyResult) -> dict:
    grade = result.grade
    return {
        "rank": result.rank, "company_id": result.company.pk, "company": result.company.name,
        "simulated_trader": bool(result.company.bot), "own": result.is_own,
        "students": [p.user.real_name or p.user.username for p in result.participants],
        "achieved": result.achieved, "shortfall": result.shortfall,
        "penalties": result.penalties, "reports_on_time": result.reports_on_time,
        "reports_late": result.reports_late, "cost": result.cost,
        "verified_emissions": result.verified, "cost_per_tonne": result.cost_per_tonne,
        "grade": None if grade is None else {
            "total": grade.total, "word": grade.word, "compliance": grade.compliance,
            "reports": grade.reports, "cost": grade.cost},
    }


@router.get("/carbon/simulations/{simulation_id}/results", response=list[CarbonResultOut])
def simulation_results(request: HttpRequest, simulation_id: int):
    """The session's ranking: by compliance achieved, then cost per tonne."""
    simulation = get_object_or_404(Simulation.objects.visible_to(request.user)
                                   .select_related("scenario", "school_class__major"),
                                   pk=simulation_id)
    if not request.user.has_perm("carbon.view_results", simulation):
        raise PermissionDenied
    return [_out(result) for result in queries.results_of(simulation, request.user)]
