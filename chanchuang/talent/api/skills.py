"""API of the skill dictionary and courses: skills (list, detail, create, change) and courses
(list, detail), each starting from ``visible_to``; ids of foreign objects answer 404."""


from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from chanchuang.core.api import filter_params, filtered
from chanchuang.core.lookups import visible_or_missing
from chanchuang.core.models import School
from chanchuang.core.services import DomainError
from chanchuang.core.visibility import scope_of
from chanchuang.talent.choices import SkillCategory
from chanchuang.talent.filters.skills import CourseFilterSet, SkillFilterSet
from chanchuang.talent.models import Course, Skill
from chanchuang.talent.services import skills as services

router = Router(tags=["talent"])


class SkillOut(Schema):
    """A skill of a school's dictionary."""

    id: int
    school_id: int
    name: str
    category: str
    synonyms: list[str]
    description: str


class SkillIn(Schema):
    """A skill to add (``school_id`` only for someone managing several schools)."""

    name: str
    category: str = SkillCategory.PROFESSIONAL
    synonyms: list[str] = []
    description: str = ""
    school_id: int | None = None


class SkillPatch(Schema):
    """The fields of a skill to change."""

    name: str | None = None
    category: str | None = None
    synonyms: list[str] | None = None
    description: str | None = None


class CourseOut(Schema):
    """A course with the majors that take it and the skills it teaches (ids)."""

    id: int
    school_id: int
    code: str
    name: str
    department_id: int | None
    credits: float
    major_ids: list[int]
    skill_ids: list[int]

    @staticmethod
    def resolve_major_ids(obj) -> list[int]:
        return [m.pk for m in obj.majors.all()]

    @staticmethod
    def resolve_skill_ids(obj) -> list[int]:
        return [s.pk for s in obj.skills.all()]


SkillParams = filter_params(SkillFilterSet)
CourseParams = filter_params(CourseFilterSet)


def _vocabulary(request: HttpRequest) -> None:
    if not request.user.has_perm("talent.view_vocabulary"):
        raise PermissionDenied


def _skill(request: HttpRequest, skill_id: int) -> Skill:
    return get_object_or_404(Skill.objects.visible_to(request.user), pk=skill_id)


def _check_category(category: str) -> None:
    if category not in SkillCategory.values:
        raise DomainError(_("Category: one of %(values)s.")
                          % {"values": "、".join(SkillCategory.values)}, field="category")


@router.get("/skills", response=list[SkillOut])
@paginate(PageNumberPagination, page_size=100)
def list_skills(request: HttpRequest, params: Query[SkillParams]):
    _vocabulary(request)
    return filtered(request, SkillFilterSet, Skill.objects.visible_to(request.user), params)


@router.get("/skills/{skill_id}", response=SkillOut)
def get_skill(request: HttpRequest, skill_id: int):
    _vocabulary(request)
    return _skill(request, skill_id)


@router.post("/skills", response={201: SkillOut})
def create_skill(request: HttpRequest, data: SkillIn):
    """Add a skill to the dictionary (staff); synonyms are normalised and must be unique in
    the school."""
    user = request.user
    if data.school_id is not None:
        school = visible_or_missing(School, user, data.school_id, field="school_id")
    else:
        schools = sorted(scope_of(user).staff_schools)
        if len(schools) != 1:
            raise DomainError(_("School: say which school (school_id)."), field="school_id")
        school = School.objects.get(pk=schools[0])
    skill = Skill(school=school, name=data.name, category=data.category,
                  synonyms=data.synonyms, description=data.description)
    if not user.has_perm("talent.add_skill", skill):
        raise PermissionDenied
    _check_category(data.category)
    return 201, services.save_skill(actor=user, skill=skill)


@router.patch("/skills/{skill_id}", response=SkillOut)
def update_skill(request: HttpRequest, skill_id: int, data: SkillPatch):
    """Change a skill (staff)."""
    skill = _skill(request, skill_id)
    if not request.user.has_perm("talent.change_skill", skill):
        raise PermissionDenied
    for name, value in data.dict(exclude_none=True).items():
        setattr(skill, name, value)
    _check_category(skill.category)
    return services.save_skill(actor=request.user, skill=skill)


@router.get("/courses", response=list[CourseOut])
@paginate(PageNumberPagination, page_size=100)
def list_courses(request: HttpRequest, params: Query[CourseParams]):
    _vocabulary(request)
    return filtered(request, CourseFilterSet, Course.objects.visible_to(request.user)
                    .prefetch_related("majors", "skills"), params)


@router.get("/courses/{course_id}", response=CourseOut)
def get_course(request: HttpRequest, course_id: int):
    _vocabulary(request)
    return get_object_or_404(Course.objects.visible_to(request.user)
                             .prefetch_related("majors", "skills"), pk=course_id)
