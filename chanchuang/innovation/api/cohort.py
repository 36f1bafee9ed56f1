"""API used during the cohort: teams with their mentor and the explanation of the match,
mentor choices, running the match, check-in, milestone submissions and demo-day scores."""

import datetime as dt
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from chanchuang.core.lookups import among
from chanchuang.core.services import DomainError
from chanchuang.innovation.models import Cohort, Milestone, Session, Team
from chanchuang.innovation.queries import cohort as queries
from chanchuang.innovation.services import cohort as services
from chanchuang.mentors.models import Mentor

router = Router(tags=["innovation"])


class MentorMatchReasonOut(Schema):
    """Why a team did not get a mentor it ranked higher."""

    mentor: str
    choice: int
    reason: str
    cutoff: int | None
    rank: int | None


class TeamOut(Schema):
    """A team, its members (student numbers), project and mentor."""

    id: int
    cohort_id: int
    name: str
    project: str | None = Field(None, alias="project.title")
    members: list[str]
    mentor_id: int | None
    mentor: str | None = Field(None, alias="mentor.name")
    award: str

    @staticmethod
    def resolve_members(obj) -> list[str]:
        return [s.student_no for s in obj.students()]


class TeamDetailOut(TeamOut):
    """A team with the explanation of its mentor match."""

    mentor_explanation: list[MentorMatchReasonOut]

    @staticmethod
    def resolve_mentor_explanation(obj) -> list[dict]:
        return queries.mentor_explanation(obj)


class MentorChoicesIn(Schema):
    """Mentor ids, most wanted first."""

    mentor_ids: list[int]


class MatchOut(Schema):
    """A run of the mentor match: its status ("queued" while it runs, then "done" or
    "failed"), the lottery seed and, once done, team id → mentor id (null: unassigned)."""

    id: int
    status: str
    seed: int
    assignment: dict[str, str | None] | None
    reproduced: bool | None
    message: str

    @staticmethod
    def resolve_assignment(obj) -> dict | None:
        return obj.result["assignment"] if obj.result else None


class CheckInIn(Schema):
    """The session's check-in code."""

    code: str


class AttendanceOut(Schema):
    """A recorded attendance."""

    session_id: int
    status: str
    method: str
    recorded_at: dt.datetime


class SubmissionIn(Schema):
    """A team's hand-in for a milestone."""

    milestone_id: int
    content: str
    link: str = ""


class SubmissionOut(Schema):
    """A hand-in and its feedback."""

    id: int
    milestone_id: int
    team_id: int
    content: str
    link: str
    submitted_at: dt.datetime
    feedback: str


class PitchIn(Schema):
    """A judge's demo-day score."""

    score: Decimal
    comment: str = ""


class PitchOut(Schema):
    """A recorded demo-day score."""

    team_id: int
    score: Decimal
    comment: str


def _teams(request: HttpRequest):
    return Team.objects.visible_to(request.user).select_related(
        "cohort", "project", "mentor").prefetch_related("application__members__student")


def _team(request: HttpRequest, team_id: int, permission: str | None = None) -> Team:
    team = get_object_or_404(_teams(request), pk=team_id)
    if permission and not request.user.has_perm(permission, team):
        raise PermissionDenied
    return team


@router.get("/teams", response=list[TeamOut])
@paginate(PageNumberPagination, page_size=50)
def list_teams(request: HttpRequest):
    """The teams the user may see (a mentor: the teams assigned to them)."""
    return _teams(request)


@router.get("/teams/{team_id}", response=TeamDetailOut)
def get_team(request: HttpRequest, team_id: int):
    return _team(request, team_id)


@router.post("/teams/{team_id}/mentor-choices", response=TeamOut)
def choose_mentors(request: HttpRequest, team_id: int, data: MentorChoicesIn):
    team = _team(request, team_id, "innovation.choose_mentors")
    services.choose_mentors(actor=request.user, team=team,
                            mentors=among(Mentor, request.user, data.mentor_ids,
                                          field="mentor_ids"))
    return team


def _managed_cohort(request: HttpRequest, cohort_id: int) -> Cohort:
    cohort = get_object_or_404(Cohort.objects.visible_to(request.user)
                               .select_related("mentor_run"), pk=cohort_id)
    if not request.user.has_perm("innovation.manage_cohort", cohort):
        raise PermissionDenied
    return cohort


@router.post("/cohorts/{cohort_id}/mentor-match", response={202: MatchOut})
def run_match(request: HttpRequest, cohort_id: int):
    """Start the mentor match (staff): it runs in the background; follow it with GET."""
    cohort = _managed_cohort(request, cohort_id)
    return 202, services.start_mentor_match(actor=request.user, cohort=cohort)


@router.get("/cohorts/{cohort_id}/mentor-match", response=MatchOut)
def get_match(request: HttpRequest, cohort_id: int):
    """The cohort's latest mentor match (staff)."""
    cohort = _managed_cohort(request, cohort_id)
    if cohort.mentor_run is None:
        raise DomainError(_("The mentor match has not run yet."))
    return cohort.mentor_run


@router.post("/sessions/{session_id}/check-in", response=AttendanceOut)
def check_in(request: HttpRequest, session_id: int, data: CheckInIn):
    session = get_object_or_404(Session.objects.visible_to(request.user), pk=session_id)
    return services.check_in(actor=request.user, session=session, code=data.code)


@router.post("/teams/{team_id}/submissions", response=SubmissionOut)
def submit(request: HttpRequest, team_id: int, data: SubmissionIn):
    team = _team(request, team_id, "innovation.submit")
    milestone = get_object_or_404(Milestone, pk=data.milestone_id, cohort_id=team.cohort_id)
    return services.submit(actor=request.user, milestone=milestone, team=team,
                           content=data.content, link=data.link)


@router.post("/teams/{team_id}/pitch-scores", response=PitchOut)
def score_pitch(request: HttpRequest, team_id: int, data: PitchIn):
    team = _team(request, team_id, "innovation.score_pitch")
    return services.score_pitch(actor=request.user, team=team, score=data.score,
                                comment=data.comment)
