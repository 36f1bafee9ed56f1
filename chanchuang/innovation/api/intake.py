"""API of intake: cohorts and their set-up, applying, applications and offers, reviews and
scores, the ranking and its publication. Scores and ranks are shown only to the cohort's
staff."""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Body, Field, Query, Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from chanchuang.core.api import filter_params, filtered
from chanchuang.core.queries import student_of
from chanchuang.innovation.filters import intake as intake_filters
from chanchuang.innovation.filters import programmes as programme_filters
from chanchuang.innovation.forms.programmes import part_from
from chanchuang.innovation.models import Application, Cohort, Review
from chanchuang.innovation.queries import intake as intake_queries
from chanchuang.innovation.services import cohort as cohort_services
from chanchuang.innovation.services import intake, programmes

router = Router(tags=["innovation"])


class CohortOut(Schema):
    """A cohort and its intake rules."""

    id: int
    programme: str = Field(alias="programme.name")
    number: int
    phase: str
    starts_on: dt.date
    ends_on: dt.date
    applications_open_at: dt.datetime
    applications_close_at: dt.datetime
    capacity: int
    max_team_size: int
    reviews_per_application: int


class ApplicationOut(Schema):
    """An application; its scores and rank only for the cohort's staff."""

    id: int
    cohort_id: int
    lead: str
    team_name: str
    project: str | None = Field(None, alias="project.title")
    members: list[str]
    status: str
    submitted_at: dt.datetime
    reply_by: dt.datetime | None
    raw_score: Decimal | None
    score: Decimal | None
    rank: int | None

    @staticmethod
    def resolve_lead(obj) -> str:
        return obj.lead.student_no

    @staticmethod
    def resolve_members(obj) -> list[str]:
        return [m.student.student_no for m in obj.members.all()]

    @staticmethod
    def _staff(obj, context) -> bool:
        return context["request"].user.has_perm("innovation.manage_cohort", obj)

    @classmethod
    def resolve_raw_score(cls, obj, context):
        return obj.raw_score if cls._staff(obj, context) else None

    @classmethod
    def resolve_score(cls, obj, context):
        return obj.score if cls._staff(obj, context) else None

    @classmethod
    def resolve_rank(cls, obj, context):
        return obj.rank if cls._staff(obj, context) else None


class ApplyIn(Schema):
    """An application: alone (no members) or a team with a project."""

    team_name: str = ""
    members: list[str] = Field(default_factory=list, description="the other members' "
                               "student numbers")
    project_title: str = ""
    project_summary: str = ""
    answers: dict[str, str] = Field(default_factory=dict, description="question id → answer")


class ReviewOut(Schema):
    """A review assignment and, once scored, its scores."""

    id: int
    application_id: int
    status: str
    scores: dict[str, str]
    total: Decimal | None
    normalised: Decimal | None
    comment: str


class ScoresIn(Schema):
    """One score per criterion id, and a comment."""

    scores: dict[str, Decimal]
    comment: str = ""


class ConflictIn(Schema):
    """Why the reviewer must not review the application."""

    reason: str


class RankedOut(Schema):
    """A place in the ranking, and whether the rules select it."""

    application_id: int
    rank: int | None
    raw_score: Decimal | None
    score: Decimal | None
    seats: int
    selected: bool


CohortParams = filter_params(programme_filters.CohortFilterSet)
ApplicationParams = filter_params(intake_filters.ApplicationFilterSet)


def _cohort(request: HttpRequest, cohort_id: int) -> Cohort:
    return get_object_or_404(Cohort.objects.visible_to(request.user).select_related(
        "programme"), pk=cohort_id)


def _staff_cohort(request: HttpRequest, cohort_id: int) -> Cohort:
    cohort = _cohort(request, cohort_id)
    if not request.user.has_perm("innovation.manage_cohort", cohort):
        raise PermissionDenied
    return cohort


@router.get("/cohorts", response=list[CohortOut])
@paginate(PageNumberPagination, page_size=50)
def list_cohorts(request: HttpRequest, params: Query[CohortParams]):
    if not request.user.has_perm("innovation.view_cohorts"):
        raise PermissionDenied
    return filtered(request, programme_filters.CohortFilterSet,
                    Cohort.objects.visible_to(request.user).select_related("programme"), params)


@router.get("/cohorts/{cohort_id}", response=CohortOut)
def get_cohort(request: HttpRequest, cohort_id: int):
    return _cohort(request, cohort_id)


@router.post("/cohorts/{cohort_id}/applications", response={201: ApplicationOut})
def apply(request: HttpRequest, cohort_id: int, data: ApplyIn):
    cohort = _cohort(request, cohort_id)
    lead = student_of(request.user)
    if lead is None:
        raise PermissionDenied
    application = intake.apply(
        actor=request.user, cohort=cohort, lead=lead,
        members=intake.students_by_number(cohort.school_id, data.members),
        team_name=data.team_name, project_title=data.project_title,
        project_summary=data.project_summary, answers=data.answers)
    return 201, _application(request, application.pk)


@router.get("/applications", response=list[ApplicationOut])
@paginate(PageNumberPagination, page_size=50)
def list_applications(request: HttpRequest, params: Query[ApplicationParams]):
    return filtered(request, intake_filters.ApplicationFilterSet,
                    _applications(request), params)


def _applications(request: HttpRequest):
    return Application.objects.visible_to(request.user).select_related(
        "cohort", "lead", "project").prefetch_related("members__student")


def _application(request: HttpRequest, application_id: int) -> Application:
    return get_object_or_404(_applications(request), pk=application_id)


@router.get("/applications/{application_id}", response=ApplicationOut)
def get_application(request: HttpRequest, application_id: int):
    return _application(request, application_id)


APPLICATION_STEPS = {
    "accept": ("innovation.reply_to_offer", intake.accept_offer),
    "decline": ("innovation.reply_to_offer", intake.decline_offer),
    "withdraw": ("innovation.withdraw_application", intake.withdraw),
    "offer": ("innovation.manage_cohort", intake.offer),
}


@router.post("/applications/{application_id}/{step}", response=ApplicationOut)
def application_step(request: HttpRequest, application_id: int, step: str):
    """``accept`` or ``decline`` an offer, ``withdraw``, or (staff) ``offer`` a place."""
    application = _application(request, application_id)
    if step not in APPLICATION_STEPS:
        raise Http404
    permission, service = APPLICATION_STEPS[step]
    if not request.user.has_perm(permission, application):
        raise PermissionDenied
    service(actor=request.user, application=application)
    return _application(request, application_id)


@router.get("/reviews", response=list[ReviewOut])
@paginate(PageNumberPagination, page_size=50)
def list_reviews(request: HttpRequest):
    """The reviews the user may see: their own assignments (all of the school for staff)."""
    return Review.objects.visible_to(request.user)


def _review(request: HttpRequest, review_id: int) -> Review:
    review = get_object_or_404(Review.objects.visible_to(request.user).select_related(
        "application__cohort"), pk=review_id)
    if not request.user.has_perm("innovation.score", review):
        raise PermissionDenied
    return review


@router.post("/reviews/{review_id}/scores", response=ReviewOut)
def score(request: HttpRequest, review_id: int, data: ScoresIn):
    return intake.submit_review(actor=request.user, review=_review(request, review_id),
                                scores=data.scores, comment=data.comment)


@router.post("/reviews/{review_id}/conflict", response=ReviewOut)
def conflict(request: HttpRequest, review_id: int, data: ConflictIn):
    review = _review(request, review_id)
    intake.declare_conflict(actor=request.user, review=review, reason=data.reason)
    return Review.objects.get(pk=review.pk)


COHORT_STEPS = {
    "open": lambda actor, cohort: intake.open_intake(actor=actor, cohort=cohort),
    "close": lambda actor, cohort: intake.close_intake(actor=actor, cohort=cohort),
    "assign": lambda actor, cohort: intake.assign_reviewers(actor=actor, cohort=cohort),
    "start": lambda actor, cohort: cohort_services.start(actor=actor, cohort=cohort),
    "finish": lambda actor, cohort: cohort_services.finish(actor=actor, cohort=cohort),
}


@router.post("/cohorts/{cohort_id}/steps/{step}", response=CohortOut)
def cohort_step(request: HttpRequest, cohort_id: int, step: str):
    """``open`` intake, ``close`` it early, ``assign`` reviewers, ``start`` or ``finish`` the
    cohort (staff)."""
    cohort = _staff_cohort(request, cohort_id)
    if step not in COHORT_STEPS:
        raise Http404
    COHORT_STEPS[step](request.user, cohort)
    return _cohort(request, cohort_id)


@router.get("/cohorts/{cohort_id}/ranking", response=list[RankedOut])
def ranking(request: HttpRequest, cohort_id: int):
    """The ranking with raw and normalised scores and who the rules select (staff)."""
    ranked, selected = intake_queries.current_selection(_staff_cohort(request, cohort_id))
    return [RankedOut(application_id=a.pk, rank=a.rank, raw_score=a.raw_score, score=a.score,
                      seats=len(a.members.all()), selected=a.pk in selected) for a in ranked]


@router.post("/cohorts/{cohort_id}/selection", response=CohortOut)
def publish(request: HttpRequest, cohort_id: int):
    """Publish the selection (staff): places by rank within capacity and quotas."""
    intake.publish_selection(actor=request.user, cohort=_staff_cohort(request, cohort_id))
    return _cohort(request, cohort_id)


class PartOut(Schema):
    """A part added to a cohort's set-up."""

    id: int
    kind: str
    label: str


@router.post("/cohorts/{cohort_id}/parts/{kind}", response={201: PartOut})
def add_part(request: HttpRequest, cohort_id: int, kind: str,
             data: dict[str, Any] = Body(...)):  # noqa: B008 — ninja's way to take a JSON object
    """Add a ``quota``, ``question``, ``criterion``, ``reviewer``, ``session``, ``milestone`` or
    ``mentor`` to a cohort (staff), with the fields of the cohort page's form for it."""
    if kind not in programmes.PART_MODELS:
        raise Http404
    cohort = _staff_cohort(request, cohort_id)
    programmes.require_changeable(kind, cohort)
    part = programmes.add_part(actor=request.user, kind=kind, cohort=cohort,
                               part=part_from(kind, cohort, data))
    return 201, PartOut(id=part.pk, kind=kind, label=str(part))


@router.delete("/cohort-parts/{kind}/{part_id}", response={204: None})
def remove_part(request: HttpRequest, kind: str, part_id: int):
    """Remove a part of a cohort's set-up (staff), while its stage allows."""
    if kind not in programmes.PART_MODELS:
        raise Http404
    part = get_object_or_404(programmes.PART_MODELS[kind].objects.visible_to(request.user)
                             .select_related("cohort"), pk=part_id)
    if not request.user.has_perm("innovation.manage_cohort", part.cohort):
        raise PermissionDenied
    programmes.remove_part(actor=request.user, kind=kind, part=part)
    return 204, None
