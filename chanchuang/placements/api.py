"""API of the placements app: positions, rounds (open, choices, rankings, run, publish, result),
placements (confirm), logs, sign-offs and evaluations — all through ``visible_to``."""

import datetime as dt
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from chanchuang.core.api import filter_params, filtered
from chanchuang.core.lookups import among
from chanchuang.core.queries import student_of
from chanchuang.core.services import DomainError
from chanchuang.placements import filters, queries, services
from chanchuang.placements.choices import RoundStatus
from chanchuang.placements.models import (
    Placement,
    Position,
    Preference,
    SelectionRound,
    TrainingPlan,
)
from chanchuang.placements.rules import EVALUATE_AS

router = Router(tags=["placements"])


class PositionOut(Schema):
    """A position offered to a plan."""

    id: int
    plan_id: int
    organisation_id: int
    organisation: str = Field(alias="organisation.name")
    title: str
    track: str
    seats: int
    location: str
    stipend: Decimal | None
    status: str


class RoundIn(Schema):
    """Open a round."""

    choices_deadline: dt.datetime
    rankings_deadline: dt.datetime
    max_choices: int = 5


class RoundOut(Schema):
    """A selection round."""

    id: int
    plan_id: int
    number: int
    status: str
    choices_deadline: dt.datetime
    rankings_deadline: dt.datetime
    max_choices: int
    seed: int | None
    reproduced: bool | None = Field(None, description="Whether solving the frozen inputs "
                                    "again gave the stored result (checked at publication).")
    published_at: dt.datetime | None

    @staticmethod
    def resolve_seed(obj) -> int | None:
        return obj.run.seed if obj.run else None

    @staticmethod
    def resolve_reproduced(obj) -> bool | None:
        return obj.run.reproduced if obj.run else None


class ChoicesIn(Schema):
    """A student's positions, most wanted first."""

    positions: list[int]


class RankingsIn(Schema):
    """Applicant (student id) → rank, 1 best; leave an applicant out to refuse them."""

    ranks: dict[int, int]


class ReasonOut(Schema):
    """Why a higher choice was not given."""

    position: int
    choice: int
    reason: str
    cutoff_rank: int | None
    your_rank: int | None


class ResultOut(Schema):
    """A student's result with the reasons, or (staff, enterprise) the positions' outcomes."""

    assigned: int | None = None
    reasons: list[ReasonOut] = []
    positions: dict = {}


class PlacementOut(Schema):
    """A placement."""

    id: int
    student_id: int
    student: str = Field(alias="student.user.real_name")
    position_id: int
    status: str
    start_date: dt.date
    end_date: dt.date


class LogIn(Schema):
    """A milestone log."""

    period_start: dt.date
    period_end: dt.date
    content: str


class LogOut(Schema):
    """A milestone log and its review status."""

    id: int
    period_start: dt.date
    period_end: dt.date
    content: str
    status: str


class SignOffIn(Schema):
    """Sign off (or return, with a comment) some of the placement's logs."""

    logs: list[int]
    approved: bool
    comment: str = ""


class EvaluationIn(Schema):
    """An evaluation against the rubric: criterion → 0–100."""

    side: str
    scores: dict[str, int]
    comment: str = ""


class EvaluationOut(Schema):
    """An evaluation's weighted score and grade."""

    id: int
    side: str
    total: Decimal
    grade: str


PositionParams = filter_params(filters.PositionFilterSet)
PlacementParams = filter_params(filters.PlacementFilterSet)


def _require(request: HttpRequest, permission: str, obj=None) -> None:
    if not request.user.has_perm(permission, obj):
        raise PermissionDenied


@router.get("/positions", response=list[PositionOut])
@paginate(PageNumberPagination, page_size=50)
def list_positions(request: HttpRequest, params: Query[PositionParams]):
    _require(request, "placements.view_plans")
    return filtered(request, filters.PositionFilterSet,
                    Position.objects.visible_to(request.user).select_related("organisation"),
                    params)


@router.get("/positions/{position_id}", response=PositionOut)
def get_position(request: HttpRequest, position_id: int):
    return get_object_or_404(Position.objects.visible_to(request.user)
                             .select_related("organisation"), pk=position_id)


@router.post("/plans/{plan_id}/rounds", response={201: RoundOut})
def open_round(request: HttpRequest, plan_id: int, data: RoundIn):
    plan = get_object_or_404(TrainingPlan.objects.visible_to(request.user), pk=plan_id)
    _require(request, "placements.run_round", plan)
    return 201, services.open_round(actor=request.user, plan=plan, **data.dict())


def _round(request: HttpRequest, round_id: int) -> SelectionRound:
    return get_object_or_404(SelectionRound.objects.visible_to(request.user)
                             .select_related("plan", "run"), pk=round_id)


@router.get("/rounds/{round_id}", response=RoundOut)
def get_round(request: HttpRequest, round_id: int):
    return _round(request, round_id)


@router.put("/rounds/{round_id}/choices", response=list[int])
def set_choices(request: HttpRequest, round_id: int, data: ChoicesIn):
    selection = _round(request, round_id)
    student = student_of(request.user, selection.plan.school_id)
    if student is None:
        raise PermissionDenied
    positions = among(Position.objects.prefetch_related("required_majors"), request.user,
                      data.positions, field="positions")
    services.set_choices(actor=request.user, selection=selection, student=student,
                         positions=positions)
    return list(Preference.objects.filter(round=selection, student=student)
                .values_list("position_id", flat=True))


@router.put("/rounds/{round_id}/positions/{position_id}/rankings", response=int)
def set_rankings(request: HttpRequest, round_id: int, position_id: int, data: RankingsIn):
    selection = _round(request, round_id)
    position = get_object_or_404(Position.objects.visible_to(request.user)
                                 .filter(plan=selection.plan), pk=position_id)
    _require(request, "placements.rank", position)
    return services.set_rankings(actor=request.user, selection=selection, position=position,
                                 ranks=data.ranks)


@router.post("/rounds/{round_id}/run", response=RoundOut)
def run(request: HttpRequest, round_id: int, early: bool = False):
    """Freeze and run the match; before the rankings deadline only with ``early=true``."""
    selection = _round(request, round_id)
    _require(request, "placements.run_round", selection)
    return services.start_match(actor=request.user, selection=selection, early=early)


@router.post("/rounds/{round_id}/publish", response=RoundOut)
def publish(request: HttpRequest, round_id: int):
    selection = _round(request, round_id)
    _require(request, "placements.run_round", selection)
    services.publish_round(actor=request.user, selection=selection)
    return _round(request, round_id)


@router.get("/rounds/{round_id}/result", response=ResultOut)
def result(request: HttpRequest, round_id: int):
    selection = _round(request, round_id)
    if selection.run is None or selection.run.result is None:
        raise DomainError(_("The round has not been matched yet."))
    student = student_of(request.user, selection.plan.school_id)
    if student is not None:
        if selection.status != RoundStatus.PUBLISHED:
            raise DomainError(_("The result is not published yet."))
        return queries.explanation(selection, student)
    visible = set(Position.objects.visible_to(request.user).filter(plan=selection.plan)
                  .values_list("pk", flat=True))
    return {"positions": {key: value for key, value in selection.run.result["positions"].items()
                          if int(key) in visible}}


def _placement(request: HttpRequest, placement_id: int) -> Placement:
    return get_object_or_404(Placement.objects.visible_to(request.user).select_related(
        "student__user", "position__organisation", "position__plan"), pk=placement_id)


@router.get("/placements", response=list[PlacementOut])
@paginate(PageNumberPagination, page_size=50)
def list_placements(request: HttpRequest, params: Query[PlacementParams]):
    _require(request, "placements.view_placements")
    return filtered(request, filters.PlacementFilterSet,
                    Placement.objects.visible_to(request.user).select_related("student__user"),
                    params)


@router.get("/placements/{placement_id}", response=PlacementOut)
def get_placement(request: HttpRequest, placement_id: int):
    return _placement(request, placement_id)


@router.post("/placements/{placement_id}/confirm", response=PlacementOut)
def confirm(request: HttpRequest, placement_id: int):
    placement = _placement(request, placement_id)
    _require(request, "placements.manage_placement", placement)
    return services.confirm(actor=request.user, placement=placement)


@router.get("/placements/{placement_id}/logs", response=list[LogOut])
def list_logs(request: HttpRequest, placement_id: int):
    return list(_placement(request, placement_id).logs.all())


@router.post("/placements/{placement_id}/logs", response={201: LogOut})
def add_log(request: HttpRequest, placement_id: int, data: LogIn):
    placement = _placement(request, placement_id)
    _require(request, "placements.write_log", placement)
    return 201, services.submit_log(actor=request.user, placement=placement, **data.dict())


@router.post("/placements/{placement_id}/sign-offs", response=int)
def sign_off(request: HttpRequest, placement_id: int, data: SignOffIn):
    placement = _placement(request, placement_id)
    _require(request, "placements.sign_off", placement)
    logs = among(placement.logs.all(), request.user, dict.fromkeys(data.logs), field="logs")
    return services.sign_off(logs=logs, approved=data.approved, comment=data.comment,
                             signer=request.user, signer_name=request.user.real_name)


@router.post("/placements/{placement_id}/evaluations", response={201: EvaluationOut})
def evaluate(request: HttpRequest, placement_id: int, data: EvaluationIn):
    placement = _placement(request, placement_id)
    permission = EVALUATE_AS.get(data.side)
    if permission is None:
        raise DomainError(_("Side: enterprise or school."))
    _require(request, permission, placement)
    return 201, services.evaluate_placement(actor=request.user, placement=placement,
                                            side=data.side, scores=data.scores,
                                            comment=data.comment)
