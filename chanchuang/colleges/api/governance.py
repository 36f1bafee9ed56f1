"""API of governance (the college's insiders only): councils with their seats, meetings with
their decisions and papers, decisions, and marking one carried out."""

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from chanchuang.colleges.filters.governance import (
    CouncilFilterSet,
    DecisionFilterSet,
    MeetingFilterSet,
)
from chanchuang.colleges.models import Council, CouncilSeat, Decision, Meeting
from chanchuang.colleges.services import governance as services
from chanchuang.core.api import filter_params, filtered

router = Router(tags=["colleges"])


class SeatOut(Schema):
    """A seat: the person, their party (None: the school), post and term."""

    id: int
    name: str
    organisation_id: int | None
    job_title: str
    post: str
    term_start: dt.date
    term_end: dt.date


class CouncilOut(Schema):
    """A council or committee with its seats."""

    id: int
    college_id: int
    kind: str
    name: str
    charter: str
    seats: list[SeatOut]

    @staticmethod
    def resolve_seats(obj):
        return list(obj.seats.all())


class DecisionOut(Schema):
    """A decision with its owner and due date."""

    id: int
    meeting_id: int
    text: str
    owner_id: int | None
    due_on: dt.date | None
    status: str
    done_on: dt.date | None
    outcome: str


class PaperOut(Schema):
    """A meeting paper and where to download it."""

    id: int
    original_name: str
    description: str
    url: str

    @staticmethod
    def resolve_url(obj) -> str:
        return obj.file.url


class MeetingOut(Schema):
    """A meeting with its agenda, minutes, decisions and papers."""

    id: int
    council_id: int
    title: str
    held_on: dt.date
    place: str
    agenda: str
    minutes: str
    decisions: list[DecisionOut]
    papers: list[PaperOut]

    @staticmethod
    def resolve_decisions(obj):
        return list(obj.decisions.all())

    @staticmethod
    def resolve_papers(obj):
        return list(obj.papers.all())


class OutcomeIn(Schema):
    """What was done about a decision."""

    outcome: str = ""


CouncilParams = filter_params(CouncilFilterSet)
MeetingParams = filter_params(MeetingFilterSet)
DecisionParams = filter_params(DecisionFilterSet)


def _require(request: HttpRequest) -> None:
    if not request.user.has_perm("colleges.view_governance"):
        raise PermissionDenied


def _councils(request: HttpRequest):
    return Council.objects.visible_to(request.user).prefetch_related(
        Prefetch("seats", queryset=CouncilSeat.objects.visible_to(request.user)))


def _meetings(request: HttpRequest):
    return Meeting.objects.visible_to(request.user).prefetch_related("decisions", "papers")


@router.get("/councils", response=list[CouncilOut])
@paginate(PageNumberPagination, page_size=50)
def list_councils(request: HttpRequest, params: Query[CouncilParams]):
    _require(request)
    return filtered(request, CouncilFilterSet, _councils(request), params)


@router.get("/councils/{council_id}", response=CouncilOut)
def get_council(request: HttpRequest, council_id: int):
    return get_object_or_404(_councils(request), pk=council_id)


@router.get("/meetings", response=list[MeetingOut])
@paginate(PageNumberPagination, page_size=50)
def list_meetings(request: HttpRequest, params: Query[MeetingParams]):
    _require(request)
    return filtered(request, MeetingFilterSet, _meetings(request), params)


@router.get("/meetings/{meeting_id}", response=MeetingOut)
def get_meeting(request: HttpRequest, meeting_id: int):
    return get_object_or_404(_meetings(request), pk=meeting_id)


@router.get("/decisions", response=list[DecisionOut])
@paginate(PageNumberPagination, page_size=50)
def list_decisions(request: HttpRequest, params: Query[DecisionParams]):
    _require(request)
    return filtered(request, DecisionFilterSet, Decision.objects.visible_to(request.user),
                    params)


@router.post("/decisions/{decision_id}/done", response=DecisionOut)
def complete_decision(request: HttpRequest, decision_id: int, data: OutcomeIn | None = None):
    """Mark a decision carried out (its owner, or staff); the outcome may be left out."""
    decision = get_object_or_404(Decision.objects.visible_to(request.user).select_related(
        "meeting__council__college"), pk=decision_id)
    if not request.user.has_perm("colleges.complete_decision", decision):
        raise PermissionDenied
    return services.complete_decision(actor=request.user, decision=decision,
                                      outcome=data.outcome if data else "")

