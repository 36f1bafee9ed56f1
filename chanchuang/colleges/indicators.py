"""The indicators of an industry college (建设指标): what each one counts, and the arithmetic.

An indicator is a definition in code, never a typed-in figure. Each belongs to one of the seven
construction tasks of 现代产业学院建设指南（试行） (教高厅函〔2020〕16号) and scores in one category
of the Guangdong selection table (scale 10, industry fit 10, investment 15, staffing 10,
programmes and courses 15, practice platforms 10, outcomes 20, plan 10); some feed a column of
the 高职 status-data school–enterprise table. Its value is computed from the records:

- confirmed contributions (共建成果) dated in the year (``happened_on``);
- programmes (订单班, 现代学徒制班, 微专业), their students and the member organisations, as stock
  at the year's end (programmes started by then, members joined by then);
- the majors the college serves;
- council meetings held in the year and decisions due in it (done by their due date);
- the partners ledger, its source of truth for interns hosted and graduates hired: deliveries
  (``delivered_on`` in the year) of internship posts and hires promised by the college's member
  organisations under the school's agreements.

``compute`` reads every value of a college and year in one query per model (seven), whatever the
amount of data; ``records`` gives the rows behind one value, starting from ``visible_to`` of the
person asking (the drill-down). The values themselves are figures of the college, shown to
whoever may see its scorecard (observers included), never the records behind them.

``category_scores`` is the pure part: per category, weight × mean(min(1, achieved / target))
over the category's indicators that have a target and a value.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db import models
from django.db.models import Count, F, Q, Sum
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from chanchuang.colleges.choices import (
    ContributionKind,
    ContributionStatus,
    DecisionStatus,
    ProgrammeKind,
)
from chanchuang.colleges.models import (
    CollegeMember,
    CollegeProgramme,
    Contribution,
    Decision,
    IndustryCollege,
    Meeting,
)
from chanchuang.core.models import Major
from chanchuang.partners.choices import CommitmentKind
from chanchuang.partners.models import Delivery

# The seven construction tasks of the guide (建设任务), in its order.
TASKS: dict[str, Promise] = {
    "talent": _("Talent-training model"),
    "programmes": _("Programme quality"),
    "courses": _("Co-developed courses"),
    "bases": _("Practice and training bases"),
    "teachers": _("High-level teaching team"),
    "service": _("Industry–research service platform"),
    "governance": _("Governance"),
}


@dataclass(frozen=True)
class Category:
    """A category of the Guangdong selection table and its weight (points out of 100)."""

    code: str
    label: Promise
    weight: int


CATEGORIES: dict[str, Category] = {c.code: c for c in (
    Category("scale", _("Scale"), 10),
    Category("fit", _("Industry fit"), 10),
    Category("investment", _("Investment"), 15),
    Category("staffing", _("Staffing"), 10),
    Category("curriculum", _("Programmes and courses"), 15),
    Category("platforms", _("Practice platforms"), 10),
    Category("outcomes", _("Outcomes"), 20),
    Category("plan", _("Plan and governance"), 10),
)}


def year_end(year: int) -> dt.date:
    """The last day of a calendar year (stock figures are counted as of it)."""
    return dt.date(year, 12, 31)


def _member_by(year: int) -> Q:
    """Members that had joined by the year's end."""
    return Q(joined_on__isnull=True) | Q(joined_on__lte=year_end(year))


# Where the records of each source start: the college's own rows of a model (unscoped), the
# year narrowing them further per indicator.
def _contributions(college: IndustryCollege, year: int) -> Q:
    return Q(college=college, status=ContributionStatus.CONFIRMED)


def _members(college: IndustryCollege, year: int) -> Q:
    return Q(college=college)


def _programmes(college: IndustryCollege, year: int) -> Q:
    return Q(college=college)


def _majors(college: IndustryCollege, year: int) -> Q:
    return Q(industry_colleges=college)


def _meetings(college: IndustryCollege, year: int) -> Q:
    return Q(council__college=college)


def _decisions(college: IndustryCollege, year: int) -> Q:
    return Q(meeting__council__college=college) & ~Q(status=DecisionStatus.DROPPED)


def _deliveries(college: IndustryCollege, year: int) -> Q:
    """Deliveries promised by the college's member organisations (members by the year's end)
    under the school's agreements (the ledger is their source of truth)."""
    return Q(commitment__agreement__school_id=college.school_id,
             commitment__party__organisation__in=CollegeMember.objects.filter(
                 _member_by(year), college=college).values("organisation_id"))


@dataclass(frozen=True)
class Source:
    """A model the indicators read, and which of its rows belong to a college (in a year,
    where membership matters)."""

    model: type[models.Model]
    of_college: Callable[[IndustryCollege, int], Q]


CONTRIBUTIONS = Source(Contribution, _contributions)
MEMBERS = Source(CollegeMember, _members)
PROGRAMMES = Source(CollegeProgramme, _programmes)
MAJORS = Source(Major, _majors)
MEETINGS = Source(Meeting, _meetings)
DECISIONS = Source(Decision, _decisions)
DELIVERIES = Source(Delivery, _deliveries)
SOURCES = (CONTRIBUTIONS, MEMBERS, PROGRAMMES, MAJORS, MEETINGS, DECISIONS, DELIVERIES)


@dataclass(frozen=True)
class Indicator:
    """One indicator: its code, label and unit, the construction task it belongs to, the
    selection-table category it scores in, the status-data column it feeds (if any), and how
    it is computed.

    ``source`` and ``where(year)`` select the records behind it (the drill-down); ``measure``
    aggregates them: ``count`` (distinct rows), ``sum:<field>``, ``count:<relation>`` (distinct
    related rows, e.g. students) or ``share:<Q-name>`` (percent of the rows that also match
    ``part``). ``derived`` computes it from two other indicators instead (numerator /
    denominator). ``benchmark`` is what the guide or the selection table asks for, if it says.
    """

    code: str
    label: Promise
    unit: Promise
    task: str
    category: str
    source: Source
    where: Callable[[int], Q]
    measure: str = "count"
    part: Callable[[int], Q] | None = None
    derived: tuple[str, str] | None = None
    status_column: Promise | None = None
    benchmark: Decimal | None = None
    stock: bool = False

    @property
    def category_label(self) -> Promise:
        return CATEGORIES[self.category].label

    @property
    def task_label(self) -> Promise:
        return TASKS[self.task]

    def aggregates(self, year: int) -> dict[str, Any]:
        """The aggregate expressions that compute it (keyed by code, or code__num/__den)."""
        if self.derived:
            return {}
        where = self.where(year)
        kind, _sep, field = self.measure.partition(":")
        if kind == "count":
            return {self.code: Count(field or "pk", filter=where, distinct=True)}
        if kind == "sum":
            return {self.code: Sum(field, filter=where)}
        if kind == "share":
            return {f"{self.code}__den": Count("pk", filter=where, distinct=True),
                    f"{self.code}__num": Count("pk", filter=where & self.part(year),
                                               distinct=True)}
        raise ValueError(f"unknown measure {self.measure!r}")


def _kind(kind: str) -> Callable[[int], Q]:
    return lambda year: Q(kind=kind, happened_on__year=year)


def _programmes_by(year: int) -> Q:
    return Q(start_year__lte=year)


def _delivered(kind: str) -> Callable[[int], Q]:
    return lambda year: Q(commitment__kind=kind, delivered_on__year=year)


UNIT_ORGS = _("organisations")
UNIT_COUNT = _("items")
UNIT_PEOPLE = _("people")
UNIT_PERCENT = "%"

CATALOGUE: tuple[Indicator, ...] = (
    Indicator("members", _("Member enterprises"), UNIT_ORGS, "governance", "scale", MEMBERS,
              _member_by, status_column=_("Partner enterprises"), stock=True),
    Indicator("programmes", _("Programmes (order, apprenticeship, micro-major)"), UNIT_COUNT,
              "talent", "scale", PROGRAMMES, _programmes_by, stock=True),
    Indicator("programme_students", _("Students in programmes"), UNIT_PEOPLE, "talent", "scale",
              PROGRAMMES, _programmes_by, measure="count:students", stock=True),
    Indicator("order_students", _("Order-class students"), UNIT_PEOPLE, "talent", "scale",
              PROGRAMMES, lambda year: _programmes_by(year) & Q(kind=ProgrammeKind.ORDER_CLASS),
              measure="count:students", status_column=_("Order-class students"), stock=True),
    Indicator("majors", _("Majors served"), UNIT_COUNT, "programmes", "fit", MAJORS,
              lambda year: Q(), stock=True),
    Indicator("courses", _("Co-developed courses"), UNIT_COUNT, "courses", "curriculum",
              CONTRIBUTIONS, _kind(ContributionKind.COURSE),
              status_column=_("Co-developed courses")),
    Indicator("core_courses", _("Co-developed core courses"), UNIT_COUNT, "courses",
              "curriculum", CONTRIBUTIONS,
              lambda year: _kind(ContributionKind.COURSE)(year) & Q(is_core_course=True)),
    Indicator("practice_share", _("Practice courses among co-developed core courses"),
              UNIT_PERCENT, "courses", "curriculum", CONTRIBUTIONS,
              lambda year: _kind(ContributionKind.COURSE)(year) & Q(is_core_course=True),
              measure="share", part=lambda year: Q(is_practice_course=True),
              benchmark=Decimal(30)),
    Indicator("textbooks", _("Co-developed textbooks"), UNIT_COUNT, "courses", "curriculum",
              CONTRIBUTIONS, _kind(ContributionKind.TEXTBOOK),
              status_column=_("Co-developed textbooks")),
    Indicator("teachers", _("Enterprise teachers"), UNIT_PEOPLE, "teachers", "staffing",
              CONTRIBUTIONS, _kind(ContributionKind.TEACHER),
              status_column=_("Enterprise part-time teachers")),
    Indicator("teacher_hours", _("Teaching hours of enterprise teachers"), _("teaching hours"),
              "teachers", "staffing", CONTRIBUTIONS, _kind(ContributionKind.TEACHER),
              measure="sum:amount"),
    Indicator("teachers_per_programme", _("Enterprise teachers per programme"), UNIT_PEOPLE,
              "teachers", "staffing", CONTRIBUTIONS, _kind(ContributionKind.TEACHER),
              derived=("teachers", "programmes"), benchmark=Decimal(5)),
    Indicator("bases", _("Practice and training bases"), UNIT_COUNT, "bases", "platforms",
              CONTRIBUTIONS, _kind(ContributionKind.BASE)),
    Indicator("bases_per_programme", _("Practice bases per programme"), UNIT_COUNT, "bases",
              "platforms", CONTRIBUTIONS, _kind(ContributionKind.BASE),
              derived=("bases", "programmes"), benchmark=Decimal(3)),
    Indicator("equipment_value", _("Equipment donated (×10,000 yuan)"), _("×10,000 yuan"),
              "bases", "investment", CONTRIBUTIONS, _kind(ContributionKind.EQUIPMENT),
              measure="sum:amount", status_column=_("Equipment donated (×10,000 yuan)")),
    Indicator("service_projects", _("Technical-service projects"), UNIT_COUNT, "service",
              "outcomes", CONTRIBUTIONS, _kind(ContributionKind.SERVICE)),
    Indicator("service_income", _("Technical-service income (×10,000 yuan)"),
              _("×10,000 yuan"), "service", "outcomes", CONTRIBUTIONS,
              _kind(ContributionKind.SERVICE), measure="sum:amount",
              status_column=_("Technical-service income (×10,000 yuan)")),
    Indicator("training_days", _("Staff training delivered (person-days)"), _("person-days"),
              "service", "outcomes", CONTRIBUTIONS, _kind(ContributionKind.TRAINING),
              measure="sum:amount", status_column=_("Staff training delivered (person-days)")),
    Indicator("interns", _("Interns hosted"), UNIT_PEOPLE, "talent", "outcomes", DELIVERIES,
              _delivered(CommitmentKind.INTERNSHIP_POSTS), measure="sum:quantity",
              status_column=_("Interns hosted")),
    Indicator("hires", _("Graduates hired"), UNIT_PEOPLE, "talent", "outcomes", DELIVERIES,
              _delivered(CommitmentKind.HIRES), measure="sum:quantity",
              status_column=_("Graduates hired")),
    Indicator("meetings", _("Council meetings held"), pgettext_lazy("unit", "meetings"),
              "governance", "plan", MEETINGS, lambda year: Q(held_on__year=year)),
    Indicator("decisions_on_time", _("Decisions done on time"), UNIT_PERCENT, "governance",
              "plan", DECISIONS, lambda year: Q(due_on__year=year), measure="share",
              part=lambda year: Q(status=DecisionStatus.DONE, done_on__lte=F("due_on"))),
)
BY_CODE: dict[str, Indicator] = {indicator.code: indicator for indicator in CATALOGUE}

HUNDRED = Decimal(100)
CENT = Decimal("0.01")


def indicator(code: str) -> Indicator | None:
    """The indicator of that code, or None."""
    return BY_CODE.get(code)


def _rounded(value: Decimal | int | None) -> Decimal | None:
    if value is None:
        return None
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def compute(college: IndustryCollege, year: int) -> dict[str, Decimal | None]:
    """Every indicator of the college in the year, by code (None: not measurable, e.g. a share
    of nothing). One query per source model, whatever the amount of data."""
    raw: dict[str, Any] = {}
    for source in SOURCES:
        expressions = {key: expression for item in CATALOGUE if item.source is source
                       for key, expression in item.aggregates(year).items()}
        if expressions:
            raw.update(source.model.objects.filter(source.of_college(college, year))
                       .aggregate(**expressions))
    values: dict[str, Decimal | None] = {}
    for item in CATALOGUE:
        if item.derived:
            continue
        if item.measure.startswith("share"):
            den, num = raw[f"{item.code}__den"], raw[f"{item.code}__num"]
            values[item.code] = _rounded(HUNDRED * num / den) if den else None
        else:
            values[item.code] = _rounded(raw[item.code] or 0)
    for item in CATALOGUE:
        if item.derived:
            numerator, denominator = (values[code] for code in item.derived)
            values[item.code] = _rounded(numerator / denominator) \
                if numerator is not None and denominator else None
    return values


def records(item: Indicator, college: IndustryCollege, year: int, user) -> models.QuerySet:
    """The records behind an indicator's value, as far as ``user`` may see them (programmes,
    not their students, for the student counts)."""
    model = item.source.model
    return model.objects.visible_to(user).filter(item.source.of_college(college, year)).filter(
        item.where(year)).distinct()


def achievement(achieved: Decimal | None, target: Decimal | None) -> Decimal | None:
    """How much of the target is achieved, as a fraction capped at 1 (a target of zero is met
    by anything); None without a target or a value."""
    if target is None or achieved is None:
        return None
    if target <= 0:
        return Decimal(1)
    return min(Decimal(1), achieved / target)


def percent(achieved: Decimal | None, target: Decimal | None) -> Decimal | None:
    """Achieved as a percentage of the target, not capped (None without both, or target 0)."""
    if target is None or achieved is None or target <= 0:
        return None
    return (HUNDRED * achieved / target).quantize(Decimal(1), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class CategoryScore:
    """A selection-table category's score: weight × mean achievement over its indicators that
    have a target and a value (``score`` None when none has)."""

    category: Category
    score: Decimal | None
    counted: int

    @property
    def share(self) -> Decimal:
        """The score as a percentage of the weight (0 when there is none)."""
        if self.score is None:
            return Decimal(0)
        return (HUNDRED * self.score / self.category.weight).quantize(Decimal(1))


def category_scores(values: dict[str, Decimal | None],
                    targets: dict[str, Decimal]) -> list[CategoryScore]:
    """Each category's score from the indicator values and targets (pure arithmetic)."""
    scores = []
    for category in CATEGORIES.values():
        parts = [achievement(values.get(item.code), targets.get(item.code))
                 for item in CATALOGUE if item.category == category.code]
        parts = [part for part in parts if part is not None]
        score = (category.weight * sum(parts) / len(parts)).quantize(
            Decimal("0.1"), rounding=ROUND_HALF_UP) if parts else None
        scores.append(CategoryScore(category, score, len(parts)))
    return scores


def total_score(scores: list[CategoryScore]) -> tuple[Decimal, int]:
    """The sum of the scored categories and the sum of their weights (what it is out of)."""
    scored = [s for s in scores if s.score is not None]
    return sum((s.score for s in scored), Decimal(0)), sum(s.category.weight for s in scored)
