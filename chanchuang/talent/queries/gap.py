"""Read helpers of the gap (供需缺口): enterprise demand against the college's supply per major
and per skill over a horizon (this year, next year, within three years), the heat map of skills
× partners, the Sankey of majors → industries, the suggestions each with its figures, and the
demands and students behind every number.

Everything is a fixed handful of aggregate queries (GROUP BY in the database) whatever the
number of students, demands and evidence: ``gap()`` runs seven. Demand is read through
``Demand.objects.visible_to(user)`` (an enterprise member sees its own demand only); supply is
counted over the school's students in school, as numbers: the students themselves are listed
only by ``students_behind`` (``visible_to``), for ``talent.view_students_behind``."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Sum
from django.utils.translation import gettext_lazy as _

from chanchuang.colleges.models import IndustryCollege
from chanchuang.core.choices import Industry, StudentStatus
from chanchuang.core.models import Department, Major, Organisation, School, Student
from chanchuang.core.visibility import scope_of
from chanchuang.talent.choices import DemandStatus
from chanchuang.talent.models import (
    Course,
    Demand,
    DemandSkill,
    Skill,
    SkillEvidence,
    SkillSupply,
)
from chanchuang.talent.queries.demand import current_year

# --- Horizons -----------------------------------------------------------------------------------

THIS_YEAR, NEXT_YEAR, THREE_YEARS = "this_year", "next_year", "three_years"
HORIZON_CHOICES = [
    (THIS_YEAR, _("This year")),
    (NEXT_YEAR, _("Next year")),
    (THREE_YEARS, _("Within three years")),
]
DEFAULT_HORIZON = NEXT_YEAR
# The years of each horizon, counted from this year Y: (Y, Y), (Y+1, Y+1), (Y, Y+3).
_OFFSETS = {THIS_YEAR: (0, 0), NEXT_YEAR: (1, 1), THREE_YEARS: (0, 3)}
# A partner is one organisation with open demand; a major with fewer has too few partners.
FEW_PARTNERS = 2
TOP_PARTNERS = 3
# The heat map shows the skills and partners with the most demand, its table the largest
# cells; the download has every cell.
HEAT_SIZE = 30
HEAT_ROWS = 100


@dataclass(frozen=True)
class Horizon:
    """The calendar years a gap looks at: demand whose window overlaps them, students who
    graduate in them."""

    key: str
    first: int
    last: int

    @property
    def label(self) -> str:
        return str(dict(HORIZON_CHOICES)[self.key])

    @property
    def years_text(self) -> str:
        return str(self.first) if self.first == self.last else f"{self.first}–{self.last}"


def horizon_of(key: str | None, year: int | None = None) -> Horizon:
    """The horizon named ``key`` (the default for anything else), counted from ``year``."""
    key = key if key in _OFFSETS else DEFAULT_HORIZON
    year = current_year() if year is None else year
    start, end = _OFFSETS[key]
    return Horizon(key, year + start, year + end)


# --- Whose gap ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class GapScope:
    """What a gap is about: a school, the majors counted (the ones the user sees, narrowed to a
    department or an industry college's majors), the horizon, and optionally one
    organisation's demand."""

    school_id: int
    horizon: Horizon
    department: Department | None = None
    college: IndustryCollege | None = None
    organisation: Organisation | None = None

    def query(self) -> str:
        """The page's query string for this scope (drill-down links and exports add to it)."""
        parts = [f"horizon={self.horizon.key}"]
        for name in ("department", "college", "organisation"):
            value = getattr(self, name)
            if value is not None:
                parts.append(f"{name}={value.pk}")
        return "&".join(parts)


def schools_of(user) -> list[int]:
    """The schools whose gap the user may look at: where they work or where their enterprise
    partners (a platform admin: every school). Empty for everyone else."""
    scope = scope_of(user)
    if scope.is_admin:
        return list(School.objects.order_by("pk").values_list("pk", flat=True))
    return sorted(scope.staff_schools | scope.department_schools | scope.organisation_schools)


def majors_in(user, scope: GapScope) -> QuerySet:
    """The majors a gap counts: those of the school the user sees (department staff their
    department's), narrowed to the department or the industry college's majors."""
    majors = Major.objects.visible_to(user).filter(school_id=scope.school_id)
    if scope.department is not None:
        majors = majors.filter(department_id=scope.department.pk)
    if scope.college is not None:
        majors = majors.filter(pk__in=IndustryCollege.majors.through.objects.filter(
            industrycollege_id=scope.college.pk).values("major_id"))
    return majors


def graduation_year() -> F:
    """A student's expected graduation year: enrolment year + the major's length of study."""
    return F("enrolment_year") + F("major__duration_years")


def in_school(school_id: int) -> QuerySet:
    """The school's students in school (enrolled), the only ones who count as supply."""
    return Student.objects.filter(school_id=school_id, status=StudentStatus.ENROLLED)


def open_demand(user, scope: GapScope) -> QuerySet:
    """Open demands of the school the user sees whose window overlaps the horizon (of the
    scope's organisation, if it names one)."""
    demands = Demand.objects.visible_to(user).filter(
        school_id=scope.school_id, status=DemandStatus.OPEN,
        year_from__lte=scope.horizon.last, year_to__gte=scope.horizon.first)
    if scope.organisation is not None:
        demands = demands.filter(organisation_id=scope.organisation.pk)
    return demands


def _demand_in_scope(demands: QuerySet, major_ids: QuerySet | list[int]) -> QuerySet:
    """Demands that list one of the majors, or no major at all (any major), annotated with
    ``any_major``."""
    listed = Demand.majors.through.objects.filter(demand_id=OuterRef("pk"))
    return demands.annotate(
        any_major=~Exists(listed),
        in_majors=Exists(listed.filter(major_id__in=major_ids)),
    ).filter(Q(any_major=True) | Q(in_majors=True))


# --- The gap ------------------------------------------------------------------------------------


@dataclass
class Partner:
    """An organisation's demand within a figure."""

    organisation_id: int
    name: str
    headcount: int


@dataclass
class MajorGap:
    """One major: the head count wanted for it against the students graduating from it."""

    major_id: int
    name: str
    code: str
    demand: int = 0
    supply: int = 0
    enrolled: int = 0
    partners: list[Partner] = field(default_factory=list)

    @property
    def gap(self) -> int:
        """Demand − supply: positive = short of graduates."""
        return self.demand - self.supply

    @property
    def partner_count(self) -> int:
        return len(self.partners)

    def top_partners(self, count: int = TOP_PARTNERS) -> list[Partner]:
        return sorted(self.partners, key=lambda p: (-p.headcount, p.name))[:count]


@dataclass
class SkillGap:
    """One skill in demand: the head count wanting it against graduating students who have it
    (evidenced) and those whose major's courses teach it but who have no evidence yet."""

    skill_id: int
    name: str
    demand: int = 0
    evidenced: int = 0
    taught: int = 0
    taught_anywhere: bool = False
    partners: list[Partner] = field(default_factory=list)

    @property
    def gap(self) -> int:
        """Demand − (evidenced + taught): positive = short even counting those taught."""
        return self.demand - self.evidenced - self.taught

    @property
    def partner_count(self) -> int:
        return len(self.partners)


@dataclass
class Gap:
    """The gap of a scope: per major, per skill, the heat map and the Sankey figures."""

    scope: GapScope
    majors: list[MajorGap]
    skills: list[SkillGap]
    any_major: int  # head count of demands that name no major
    demand: int  # head count of the demands counted, each once
    demands: int  # how many demands
    partners: list[Partner]  # every organisation with demand counted, by head count
    industry_links: list[tuple[str, str, int]]  # (major or "any major", industry, head count)

    @property
    def supply(self) -> int:
        return sum(major.supply for major in self.majors)

    @property
    def balance(self) -> int:
        """Demand − supply over the scope."""
        return self.demand - self.supply

    @property
    def short_majors(self) -> list[MajorGap]:
        return [major for major in self.majors if major.gap > 0]

    @property
    def short_skills(self) -> list[SkillGap]:
        return [skill for skill in self.skills if skill.gap > 0]

    def heat(self, most: int = HEAT_SIZE) -> dict[str, Any]:
        """The heat map: the skills most in demand (rows) × the partners with the most demand
        (columns), head count in each cell (``most`` of each: the rest is in the download)."""
        partners = self.partners[:most]
        skills = sorted(self.skills, key=lambda s: (-s.demand, s.name))[:most]
        column = {p.organisation_id: n for n, p in enumerate(partners)}
        cells = [[column[p.organisation_id], row, p.headcount]
                 for row, skill in enumerate(skills) for p in skill.partners
                 if p.organisation_id in column]
        return {"skills": [s.name for s in skills], "partners": [p.name for p in partners],
                "cells": cells}

    def heat_rows(self, most: int = HEAT_ROWS) -> list[tuple[SkillGap, Partner]]:
        """The largest cells of the heat map, for the table under it."""
        cells = [(skill, partner) for skill in self.skills for partner in skill.partners]
        return sorted(cells, key=lambda c: (-c[1].headcount, c[0].name, c[1].name))[:most]

    @property
    def heat_cells(self) -> int:
        return sum(len(skill.partners) for skill in self.skills)

    def sankey(self) -> dict[str, Any]:
        """The Sankey: nodes (majors, then industries) and links with head counts."""
        sources = list(dict.fromkeys(link[0] for link in self.industry_links))
        targets = list(dict.fromkeys(link[1] for link in self.industry_links))
        return {"nodes": [{"name": name} for name in sources + targets],
                "links": [{"source": s, "target": t, "value": v}
                          for s, t, v in self.industry_links]}

    def chart_data(self) -> dict[str, Any]:
        """Everything the page's charts draw, for ``json_script``."""
        return {
            "majors": [[m.name, m.demand, m.supply] for m in self.majors],
            "skills": [[s.name, s.demand, s.evidenced, s.taught] for s in self.skills],
            "heat": self.heat(),
            "sankey": self.sankey(),
        }


def industry_labels() -> dict[str, str]:
    """Each industry section's name in the active language (one lookup per gap, not per row);
    an organisation without one is "industry not given"."""
    return defaultdict(lambda: str(_("Industry not given")),
                       {code: str(label) for code, label in Industry.choices})


def gap(user, scope: GapScope) -> Gap:
    """The gap of ``scope`` as ``user`` may see it, in seven queries: the majors; their
    students; demand per major and organisation; demand per organisation (each demand once);
    demand per skill and organisation; the supply counts per cohort and skill; what the school's
    courses teach to which major."""
    horizon = scope.horizon
    rows = list(majors_in(user, scope).order_by("code").values(  # 1
        "pk", "name", "code", "duration_years"))
    majors = {row["pk"]: MajorGap(row["pk"], row["name"], row["code"]) for row in rows}
    durations = {row["pk"]: row["duration_years"] for row in rows}
    major_ids = list(majors)
    graduating = Q(graduates__gte=horizon.first, graduates__lte=horizon.last)
    for row in (in_school(scope.school_id).filter(major_id__in=major_ids)  # 2
                .annotate(graduates=graduation_year()).order_by()
                .values("major_id")
                .annotate(enrolled=Count("pk"), supply=Count("pk", filter=graduating))):
        majors[row["major_id"]].supply = row["supply"]
        majors[row["major_id"]].enrolled = row["enrolled"]

    demands = open_demand(user, scope)
    industry_label = industry_labels()
    links: dict[tuple[str, str], int] = defaultdict(int)
    for row in (Demand.majors.through.objects  # 3
                .filter(major_id__in=major_ids, demand__in=demands.values("pk")).order_by()
                .values("major_id", "demand__organisation_id", "demand__organisation__name",
                        "demand__organisation__industry")
                .annotate(headcount=Sum("demand__headcount"))):
        major = majors[row["major_id"]]
        major.demand += row["headcount"]
        major.partners.append(Partner(row["demand__organisation_id"],
                                      row["demand__organisation__name"], row["headcount"]))
        links[(major.name, industry_label[row["demand__organisation__industry"]])] += \
            row["headcount"]

    counted = _demand_in_scope(demands, major_ids)
    partners: dict[int, Partner] = {}
    any_major = total = number = 0
    any_label = str(_("Any major"))
    for row in (counted.order_by()  # 4
                .values("organisation_id", "organisation__name", "organisation__industry",
                        "any_major")
                .annotate(headcount=Sum("headcount"), demands=Count("pk"))):
        partner = partners.setdefault(row["organisation_id"], Partner(
            row["organisation_id"], row["organisation__name"], 0))
        partner.headcount += row["headcount"]
        total += row["headcount"]
        number += row["demands"]
        if row["any_major"]:
            any_major += row["headcount"]
            links[(any_label, industry_label[row["organisation__industry"]])] += \
                row["headcount"]

    skills: dict[int, SkillGap] = {}
    for row in (DemandSkill.objects.filter(demand__in=counted.values("pk")).order_by()  # 5
                .values("skill_id", "skill__name", "demand__organisation_id",
                        "demand__organisation__name")
                .annotate(headcount=Sum("demand__headcount"))):
        skill = skills.setdefault(row["skill_id"], SkillGap(row["skill_id"], row["skill__name"]))
        skill.demand += row["headcount"]
        skill.partners.append(Partner(row["demand__organisation_id"],
                                      row["demand__organisation__name"], row["headcount"]))

    evidenced: dict[tuple[int, int], int] = defaultdict(int)
    if skills and major_ids:
        # The enrolled students holding each skill in the cohorts graduating in the horizon
        # (one range of enrolment years per length of study), from the counts kept with the
        # holdings: a few thousand rows whatever the number of students.
        by_length: dict[int, list[int]] = defaultdict(list)
        for major_id, years in durations.items():
            by_length[years].append(major_id)
        cohorts = Q()
        for years, ids in by_length.items():
            cohorts |= Q(major_id__in=ids, enrolment_year__gte=horizon.first - years,
                         enrolment_year__lte=horizon.last - years)
        for row in (SkillSupply.objects  # 6
                    .filter(cohorts, school_id=scope.school_id, enrolled=True,
                            skill_id__in=list(skills), students__gt=0)
                    .order_by().values("major_id", "skill_id")
                    .annotate(students=Sum("students"))):
            evidenced[(row["major_id"], row["skill_id"])] += row["students"]
            skills[row["skill_id"]].evidenced += row["students"]

    taught_to: dict[int, set[int | None]] = defaultdict(set)
    if skills:
        for skill_id, major_id in (Course.skills.through.objects  # 7
                                   .filter(course__school_id=scope.school_id,
                                           skill_id__in=list(skills))
                                   .values_list("skill_id", "course__majors").distinct()):
            taught_to[skill_id].add(major_id)
    for skill in skills.values():
        skill.taught_anywhere = skill.skill_id in taught_to
        skill.taught = sum(majors[m].supply - evidenced.get((m, skill.skill_id), 0)
                           for m in taught_to.get(skill.skill_id, ()) if m in majors)
        skill.partners.sort(key=lambda p: (-p.headcount, p.name))

    for major in majors.values():
        major.partners.sort(key=lambda p: (-p.headcount, p.name))
    return Gap(
        scope=scope,
        majors=sorted(majors.values(), key=lambda m: (-m.gap, m.code)),
        skills=sorted(skills.values(), key=lambda s: (-s.gap, -s.demand, s.name)),
        any_major=any_major, demand=total, demands=number,
        partners=sorted(partners.values(), key=lambda p: (-p.headcount, p.name)),
        industry_links=sorted(((s, t, v) for (s, t), v in links.items()),
                              key=lambda link: (-link[2], link[0], link[1])),
    )


# --- Suggestions -----------------------------------------------------------------------------


@dataclass
class Suggestions:
    """What the gap suggests doing, each with the figures that justify it."""

    horizon: Horizon
    order_classes: list[MajorGap]  # (a) demand > supply: approach their top partners
    few_partners: list[MajorGap]  # (b) fewer than FEW_PARTNERS organisations with demand
    untaught: list[SkillGap]  # (c) skills in demand that no course teaches
    under_supplied: list[SkillGap]  # (d) demand > evidenced + taught

    @property
    def empty(self) -> bool:
        return not (self.order_classes or self.few_partners or self.untaught
                    or self.under_supplied)


def suggestions(found: Gap) -> Suggestions:
    """The suggestions of a computed gap (no query)."""
    return Suggestions(
        horizon=found.scope.horizon,
        order_classes=[m for m in found.majors if m.gap > 0 and m.partners],
        few_partners=sorted((m for m in found.majors if m.partner_count < FEW_PARTNERS),
                            key=lambda m: (m.partner_count, -m.enrolled, m.code)),
        untaught=[s for s in sorted(found.skills, key=lambda s: (-s.demand, s.name))
                  if not s.taught_anywhere],
        under_supplied=found.short_skills,
    )


# --- The demands and students behind a number ---------------------------------------------------


def demands_behind(demands: QuerySet, *, school_id: int | None = None,
                   horizon: Horizon | None = None, major: Major | None = None,
                   skill: Skill | None = None, organisation: Organisation | None = None,
                   any_major: bool = False, majors: QuerySet | None = None) -> QuerySet:
    """The open demands behind a figure (``demands`` starts from ``visible_to``)."""
    demands = demands.filter(status=DemandStatus.OPEN)
    if school_id is not None:
        demands = demands.filter(school_id=school_id)
    if horizon is not None:
        demands = demands.filter(year_from__lte=horizon.last, year_to__gte=horizon.first)
    if major is not None:
        demands = demands.filter(pk__in=Demand.majors.through.objects.filter(
            major_id=major.pk).values("demand_id"))
    if any_major:
        demands = demands.exclude(pk__in=Demand.majors.through.objects.values("demand_id"))
    elif majors is not None and major is None:
        demands = _demand_in_scope(demands, majors.values("pk"))
    if skill is not None:
        demands = demands.filter(pk__in=DemandSkill.objects.filter(
            skill_id=skill.pk).values("demand_id"))
    if organisation is not None:
        demands = demands.filter(organisation_id=organisation.pk)
    return demands


EVIDENCED, TAUGHT = "evidenced", "taught"
SUPPLY_CHOICES = [(EVIDENCED, _("Evidenced")), (TAUGHT, _("Taught, not yet evidenced"))]


def students_behind(students: QuerySet, *, horizon: Horizon | None = None,
                    major: Major | None = None, majors: QuerySet | None = None,
                    skill: Skill | None = None, supply: str | None = None) -> QuerySet:
    """The students behind a supply figure (``students`` starts from ``visible_to``): in
    school, graduating in the horizon, of the major (or the majors); for a skill, those with
    evidence of it (``evidenced``), those whose major's courses teach it without evidence yet
    (``taught``), or both."""
    students = students.filter(status=StudentStatus.ENROLLED)
    if horizon is not None:
        students = students.annotate(graduates=graduation_year()).filter(
            graduates__gte=horizon.first, graduates__lte=horizon.last)
    if major is not None:
        students = students.filter(major_id=major.pk)
    elif majors is not None:
        students = students.filter(major_id__in=majors.values("pk"))
    if skill is not None:
        has_it = SkillEvidence.objects.filter(skill_id=skill.pk).values("student_id")
        taught = Course.objects.filter(skills=skill).values("majors")
        if supply == EVIDENCED:
            students = students.filter(pk__in=has_it)
        elif supply == TAUGHT:
            students = students.filter(major_id__in=taught).exclude(pk__in=has_it)
        else:
            students = students.filter(Q(pk__in=has_it) | Q(major_id__in=taught))
    return students


def expected_graduation(student: Student) -> int:
    return student.enrolment_year + student.major.duration_years
