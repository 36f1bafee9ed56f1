"""API of talent demand: the demands the caller sees, declaring one (with the suggestions
kept and the skills added), changing and closing one, and the skills a text suggests from the
caller's school dictionary (writes nothing)."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from chanchuang.core.api import filter_params, filtered
from chanchuang.core.lookups import among, visible_or_missing, visible_or_none
from chanchuang.core.models import Major, Organisation
from chanchuang.talent.filters.demand import DemandFilterSet
from chanchuang.talent.models import Demand, Skill
from chanchuang.talent.queries.demand import suggested_skills, with_skills
from chanchuang.talent.services import demand as services
from chanchuang.talent.views.demand import school_of

router = Router(tags=["talent"])


class DemandSkillOut(Schema):
    """A skill a demand asks for; ``suggested`` when its description proposed it."""

    skill_id: int
    name: str
    suggested: bool


class DemandOut(Schema):
    """A talent demand; ``year_from``–``year_to`` is the window of years it covers."""

    id: int
    organisation_id: int
    post: str
    headcount: int
    timeframe: str
    year_from: int
    year_to: int
    major_ids: list[int]
    skills: list[DemandSkillOut]
    pay_min: int | None
    pay_max: int | None
    description: str
    status: str
    origin: str
    source_url: str

    @staticmethod
    def resolve_major_ids(obj) -> list[int]:
        return [m.pk for m in obj.majors.all()]

    @staticmethod
    def resolve_skills(obj) -> list[dict]:
        return [{"skill_id": row.skill_id, "name": row.skill.name, "suggested": row.suggested}
                for row in obj.demand_skills.all()]


class DemandIn(Schema):
    """A demand to declare: ``suggested_skill_ids`` are the suggestions kept (recorded as
    suggested while the description names them), ``added_skill_ids`` the others."""

    organisation_id: int
    post: str
    headcount: int
    timeframe: str
    major_ids: list[int] = []
    suggested_skill_ids: list[int] = []
    added_skill_ids: list[int] = []
    pay_min: int | None = None
    pay_max: int | None = None
    description: str = ""


class DemandChange(Schema):
    """What to change in an open declared demand (omitted fields stay)."""

    post: str | None = None
    headcount: int | None = None
    timeframe: str | None = None
    major_ids: list[int] | None = None
    suggested_skill_ids: list[int] | None = None
    added_skill_ids: list[int] = []
    pay_min: int | None = None
    pay_max: int | None = None
    description: str | None = None


class CloseIn(Schema):
    """How a demand ends: ``filled`` or ``withdrawn``."""

    status: str


class SuggestIn(Schema):
    """A text to suggest skills from; ``organisation_id`` picks its school's dictionary."""

    text: str
    organisation_id: int | None = None


class SuggestedOut(Schema):
    """A suggested skill and the words of the text that name it."""

    skill_id: int
    name: str
    words: list[str]
    count: int


DemandParams = filter_params(DemandFilterSet)


def _demand(request: HttpRequest, demand_id: int) -> Demand:
    return get_object_or_404(with_skills(Demand.objects.visible_to(request.user))
                             .prefetch_related("majors"), pk=demand_id)


def _reread(request, demand: Demand) -> Demand:
    return _demand(request, demand.pk)


@router.get("/demands", response=list[DemandOut])
@paginate(PageNumberPagination, page_size=50)
def list_demands(request: HttpRequest, params: Query[DemandParams]):
    if not request.user.has_perm("talent.view_demands"):
        raise PermissionDenied
    return filtered(request, DemandFilterSet, with_skills(
        Demand.objects.visible_to(request.user)).prefetch_related("majors"), params)


@router.get("/demands/{demand_id}", response=DemandOut)
def get_demand(request: HttpRequest, demand_id: int):
    return _demand(request, demand_id)


@router.post("/demands", response={201: DemandOut})
def declare_demand(request: HttpRequest, data: DemandIn):
    """Declare talent demand (staff for a partner of the school, an enterprise member for
    their own organisation)."""
    user = request.user
    if not user.has_perm("talent.add_demand"):
        raise PermissionDenied
    organisation = visible_or_missing(Organisation, user, data.organisation_id,
                                      field="organisation_id")
    demand = services.declare_demand(
        actor=user, organisation=organisation, post=data.post, headcount=data.headcount,
        timeframe=data.timeframe,
        majors=among(Major, user, data.major_ids, field="major_ids"),
        suggested_skills=among(Skill, user, data.suggested_skill_ids,
                               field="suggested_skill_ids"),
        added_skills=among(Skill, user, data.added_skill_ids, field="added_skill_ids"),
        pay_min=data.pay_min, pay_max=data.pay_max, description=data.description)
    return 201, _reread(request, demand)


@router.patch("/demands/{demand_id}", response=DemandOut)
def change_demand(request: HttpRequest, demand_id: int, data: DemandChange):
    """Change an open declared demand."""
    user = request.user
    demand = _demand(request, demand_id)
    if not user.has_perm("talent.change_demand", demand):
        raise PermissionDenied
    values = {name: getattr(data, name) for name in ("post", "headcount", "timeframe",
                                                     "description", "pay_min", "pay_max")
              if name in data.model_fields_set}
    demand = services.change_demand(
        actor=user, demand=demand,
        majors=None if data.major_ids is None else among(Major, user, data.major_ids,
                                                         field="major_ids"),
        suggested_skills=None if data.suggested_skill_ids is None else among(
            Skill, user, data.suggested_skill_ids, field="suggested_skill_ids"),
        added_skills=among(Skill, user, data.added_skill_ids, field="added_skill_ids"),
        **values)
    return _reread(request, demand)


@router.post("/demands/{demand_id}/close", response=DemandOut)
def close_demand(request: HttpRequest, demand_id: int, data: CloseIn):
    """Close an open declared demand as filled or withdrawn."""
    demand = _demand(request, demand_id)
    if not request.user.has_perm("talent.close_demand", demand):
        raise PermissionDenied
    services.close_demand(actor=request.user, demand=demand, status=data.status)
    return _reread(request, demand)


@router.post("/skill-suggestions", response=list[SuggestedOut])
def suggest_skills(request: HttpRequest, data: SuggestIn):
    """The skills of the caller's school dictionary that a text names (writes nothing)."""
    user = request.user
    if not user.has_perm("talent.view_vocabulary"):
        raise PermissionDenied
    organisation = visible_or_none(Organisation, user, data.organisation_id)
    school_id = school_of(user, organisation)
    if school_id is None:
        return []
    return [{"skill_id": s.skill.pk, "name": s.skill.name, "words": list(s.words),
             "count": s.count} for s in suggested_skills(school_id, data.text[:20000])]
