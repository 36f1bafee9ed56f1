"""API used during the cohort: teams with their mentor and the explanation of the match,
mentor choices, running the match, check-in, milestone submissions and demo-day scores."""

import datetime as dt
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from chanchuang.innovation.models import Cohort, Milestone, Session, Team
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
        return services.mentor_explanation(obj)


class MentorChoicesIn(Schema):
    """Mentor ids, most wanted first."""

    mentor_ids: list[int]


class MatchOut(Schema):
    """The match: team id → mentor id (null: unassigned), and its seed."""

    assignment: dict[str, str | None]
    seed: int


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
    mentors = {m.pk: m for m in Mentor.objects.filter(pk__in=data.mentor_ids)}
    services.choose_mentors(actor=request.user, team=team,
                            mentors=[mentors[i] for i in data.mentor_ids if i in mentors])
    return team


@router.post("/cohorts/{cohort_id}/mentor-match", response=MatchOut)
def run_match(request: HttpRequest, cohort_id: int):
    """Run the mentor match (staff)."""
    cohort = get_object_or_404(Cohort.objects.visible_to(request.user), pk=cohort_id)
    if not request.user.has_perm("innovation.manage_cohort", cohort):
        raise PermissionDenied
    match = services.run_mentor_match(actor=request.user, cohort=cohort)
    return {"assignment": match["result"]["assignment"], "seed": match["seed"]}


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
