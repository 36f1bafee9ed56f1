"""API of the talent app: the gap (供需缺口). The figures per major and per skill for a horizon,
a department or an industry college (as the gap page shows them to the caller: an enterprise
member gets its own demand against the school's aggregate supply), and the suggestions (staff
and department staff). Ids go through ``visible_to``: another's is refused like a missing one."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from ninja import Router, Schema

from chanchuang.colleges.models import IndustryCollege
from chanchuang.core.lookups import visible_or_missing
from chanchuang.core.models import Department
from chanchuang.talent.queries import gap as queries

router = Router(tags=["talent"])


class GapPartnerOut(Schema):
    """An organisation's head count within a figure."""

    organisation_id: int
    name: str
    headcount: int


class MajorGapOut(Schema):
    """One major: demand (head count), students graduating in the horizon, the gap."""

    major_id: int
    code: str
    name: str
    demand: int
    supply: int
    gap: int
    partners: int
    enrolled: int


class SkillGapOut(Schema):
    """One skill in demand: head count wanting it, graduates with evidence of it, graduates
    taught it without evidence yet, the gap (demand − evidenced − taught)."""

    skill_id: int
    name: str
    demand: int
    evidenced: int
    taught: int
    gap: int
    partners: int
    taught_anywhere: bool


class GapOut(Schema):
    """The gap of a school (a department, a college's majors) over a horizon."""

    school_id: int
    horizon: str
    first_year: int
    last_year: int
    demand: int
    any_major: int
    supply: int
    gap: int
    majors: list[MajorGapOut]
    skills: list[SkillGapOut]


class OrderClassOut(Schema):
    """A major short of graduates and the partners with the most demand for it."""

    major_id: int
    name: str
    demand: int
    supply: int
    gap: int
    partners: list[GapPartnerOut]


class FewPartnersOut(Schema):
    """A major with too few partners with demand."""

    major_id: int
    name: str
    partners: int
    enrolled: int
    supply: int


class SkillSuggestionOut(Schema):
    """A skill in demand that no course teaches, or that is under-supplied."""

    skill_id: int
    name: str
    demand: int
    evidenced: int
    taught: int
    gap: int
    partners: list[GapPartnerOut]


class SuggestionsOut(Schema):
    """What the gap suggests, each with its figures."""

    horizon: str
    first_year: int
    last_year: int
    order_classes: list[OrderClassOut]
    few_partners: list[FewPartnersOut]
    untaught: list[SkillSuggestionOut]
    under_supplied: list[SkillSuggestionOut]


def _gap(request: HttpRequest, permission: str, horizon: str | None, department: int | None,
         college: int | None) -> queries.Gap:
    user = request.user
    if not user.has_perm(permission):
        raise PermissionDenied
    schools = queries.schools_of(user)
    if not schools:
        raise PermissionDenied
    found_department = (visible_or_missing(Department, user, department, field="department")
                        if department is not None else None)
    found_college = (visible_or_missing(IndustryCollege, user, college, field="college")
                     if college is not None else None)
    school_id = (found_department.school_id if found_department else found_college.school_id
                 if found_college else schools[0])
    scope = queries.GapScope(school_id=school_id, horizon=queries.horizon_of(horizon),
                             department=found_department, college=found_college)
    return queries.gap(user, scope)


def _partners(partners) -> list[dict]:
    return [{"organisation_id": p.organisation_id, "name": p.name, "headcount": p.headcount}
            for p in partners]


def _skill(skill: queries.SkillGap, *, with_partners: bool) -> dict:
    return {"skill_id": skill.skill_id, "name": skill.name, "demand": skill.demand,
            "evidenced": skill.evidenced, "taught": skill.taught, "gap": skill.gap,
            "taught_anywhere": skill.taught_anywhere,
            "partners": _partners(skill.partners) if with_partners else skill.partner_count}


@router.get("/talent/gap", response=GapOut)
def get_gap(request: HttpRequest, horizon: str | None = None, department: int | None = None,
            college: int | None = None):
    found = _gap(request, "talent.view_gap", horizon, department, college)
    scope = found.scope
    return {
        "school_id": scope.school_id, "horizon": scope.horizon.key,
        "first_year": scope.horizon.first, "last_year": scope.horizon.last,
        "demand": found.demand, "any_major": found.any_major, "supply": found.supply,
        "gap": found.balance,
        "majors": [{"major_id": m.major_id, "code": m.code, "name": m.name, "demand": m.demand,
                    "supply": m.supply, "gap": m.gap, "partners": m.partner_count,
                    "enrolled": m.enrolled} for m in found.majors],
        "skills": [_skill(s, with_partners=False) for s in found.skills],
    }


@router.get("/talent/gap/suggestions", response=SuggestionsOut)
def get_suggestions(request: HttpRequest, horizon: str | None = None,
                    department: int | None = None, college: int | None = None):
    found = _gap(request, "talent.view_suggestions", horizon, department, college)
    suggested = queries.suggestions(found)
    return {
        "horizon": suggested.horizon.key, "first_year": suggested.horizon.first,
        "last_year": suggested.horizon.last,
        "order_classes": [{"major_id": m.major_id, "name": m.name, "demand": m.demand,
                           "supply": m.supply, "gap": m.gap,
                           "partners": _partners(m.top_partners())}
                          for m in suggested.order_classes],
        "few_partners": [{"major_id": m.major_id, "name": m.name, "partners": m.partner_count,
                          "enrolled": m.enrolled, "supply": m.supply}
                         for m in suggested.few_partners],
        "untaught": [_skill(s, with_partners=True) for s in suggested.untaught],
        "under_supplied": [_skill(s, with_partners=True) for s in suggested.under_supplied],
    }
