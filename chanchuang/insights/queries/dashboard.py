"""Read helpers of the dashboard (成效看板): which slice of the facts a person asks for (year,
school, department, industry college — department staff are held to their department), and the
board itself: every registered KPI for the slice and the year before, the breakdowns, a trend
over the last years, each number with the URL of its records for those who may see them.

The board runs a fixed number of queries whatever the amount of data: each KPI is one (or a
constant few) grouped aggregation(s) over the slice's schools (see ``insights.kpis``), computed
for the year and the year before."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from django.http import Http404
from django.urls import NoReverseMatch
from django.utils import timezone

from chanchuang.colleges.models import IndustryCollege
from chanchuang.core.lookups import visible_or_none
from chanchuang.core.models import Department, School
from chanchuang.core.visibility import scope_of
from chanchuang.insights.kpis import (
    BREAKDOWNS,
    KPIS,
    Breakdown,
    Kpi,
    Share,
    Slice,
    Unit,
    Value,
    total,
)

FIRST_YEAR, LAST_YEAR = 2000, 2100
TREND_YEARS = 5


def current_year() -> int:
    """The school's calendar year today (the board's default)."""
    return timezone.localdate().year


def schools_of(user) -> list[int]:
    """The schools whose board the user may look at: a platform admin every school, school
    and department staff their own."""
    scope = scope_of(user)
    if scope.is_admin:
        return list(School.objects.order_by("pk").values_list("pk", flat=True))
    return sorted(scope.staff_schools | scope.department_schools)


def held_to_department(user) -> bool:
    """Department staff (who are not school staff nor admins) see only their department."""
    scope = scope_of(user)
    return not scope.is_admin and not scope.staff_schools and bool(scope.department_ids)


def _year(value: Any) -> int | None:
    text = str(value or "").strip()
    if text.isdigit() and FIRST_YEAR <= int(text) <= LAST_YEAR:
        return int(text)
    return None


@dataclass(frozen=True)
class Selection:
    """What the board is about, as the person asked for it (objects checked against what
    they see) and as the slice the KPIs read."""

    year: int
    schools: list[int]
    school: School | None = None
    department: Department | None = None
    college: IndustryCollege | None = None
    held: bool = False  # department staff: the department is not theirs to change

    @property
    def slice(self) -> Slice:
        school_ids = ([self.department.school_id] if self.department
                      else [self.college.school_id] if self.college
                      else [self.school.pk] if self.school else self.schools)
        return Slice(self.year, frozenset(school_ids),
                     self.department.pk if self.department else None,
                     self.college.pk if self.college else None)

    def query(self, **extra) -> dict[str, Any]:
        """The query parameters of this selection (links to the xlsx and the trend keep it)."""
        query: dict[str, Any] = {"year": self.year}
        for name in ("school", "department", "college"):
            value = getattr(self, name)
            if value is not None:
                query[name] = value.pk
        return {**query, **extra}


def selection(user, data) -> Selection:
    """The selection ``data`` (GET parameters) asks for. A year out of range falls back to the
    current year; a school, department or college the user does not see answers 404, like
    one that does not exist; department staff default to (and are held to) their
    department."""
    schools = schools_of(user)
    if not schools:
        raise Http404
    year = _year(data.get("year")) or current_year()

    def lookup(model, name):
        raw = data.get(name)
        if raw in (None, ""):
            return None
        found = visible_or_none(model, user, raw)
        if found is None or found.school_id not in schools:
            raise Http404
        return found

    school = None
    if data.get("school") not in (None, ""):
        pk = str(data.get("school")).strip()
        if not pk.isdigit() or int(pk) not in schools:
            raise Http404
        school = School.objects.get(pk=int(pk))
    department = lookup(Department, "department")
    college = lookup(IndustryCollege, "college")
    held = held_to_department(user)
    if held and department is None:
        department = Department.objects.filter(pk__in=scope_of(user).department_ids) \
            .order_by("pk").first()
    for chosen in (department, college):
        if chosen is not None and school is not None and chosen.school_id != school.pk:
            raise Http404
    if department and college and department.school_id != college.school_id:
        raise Http404
    return Selection(year=year, schools=schools, school=school, department=department,
                     college=college, held=held)


# --- The board ---------------------------------------------------------------------------------


def _empty(unit: str) -> Value:
    return Share(0, 0) if unit == Unit.SHARE else Decimal(0) if unit == Unit.AMOUNT else 0


def number(value: Value | None, unit: str) -> float | int | None:
    """A value as one number: a share in percent (None when its whole is empty)."""
    if isinstance(value, Share):
        return value.percent
    if isinstance(value, Decimal):
        return float(value)
    return value


def shown(value: Value | None, unit: str) -> str:
    """A value as the board writes it."""
    if isinstance(value, Share):
        return "—" if value.percent is None else f"{value.percent:g}%"
    if isinstance(value, Decimal):
        return f"{value.normalize():f}" if value == value.to_integral() else f"{value:.1f}"
    return str(value)


def _drill(figure, user, *args) -> str:
    """The URL of the records behind a figure, if the user may see them ("" otherwise, and
    when the list is not there)."""
    if figure.drill is None or not figure.drill_perm or not user.has_perm(figure.drill_perm):
        return ""
    try:
        return figure.drill(*args)
    except NoReverseMatch:
        return ""


# Lists whose permission a figure registered without ``drill_perm`` falls back to.
FALLBACK_PERMS = {"employment_rate": "insights.view_destinations",
                  "local_employment": "insights.view_destinations",
                  "destinations_verified": "insights.view_destinations",
                  "destinations_by_group": "insights.view_destinations"}


def _with_perm(figure):
    if figure.drill_perm or figure.key not in FALLBACK_PERMS:
        return figure
    return replace(figure, drill_perm=FALLBACK_PERMS[figure.key])


@dataclass
class Card:
    """One KPI of the board: this year's value, last year's and the change, and where its
    records are."""

    kpi: Kpi
    value: Value
    previous: Value
    url: str = ""
    narrowed: bool = True  # False: the figure ignores a filter the slice sets (school-wide)

    @property
    def key(self) -> str:
        return self.kpi.key

    @property
    def shown(self) -> str:
        return shown(self.value, self.kpi.unit)

    @property
    def previous_shown(self) -> str:
        return shown(self.previous, self.kpi.unit)

    @property
    def number(self):
        return number(self.value, self.kpi.unit)

    @property
    def previous_number(self):
        return number(self.previous, self.kpi.unit)

    @property
    def change(self) -> float | None:
        """This year minus last year (percentage points for a share); None when either is
        not measurable."""
        now, before = self.number, self.previous_number
        if now is None or before is None:
            return None
        return round(now - before, 1)

    @property
    def trend(self) -> str:
        """"up", "down" or "flat"."""
        change = self.change
        return "flat" if not change else "up" if change > 0 else "down"

    @property
    def change_shown(self) -> str:
        change = self.change
        if change is None:
            return "—"
        text = f"{abs(change):g}"
        return f"{text}pp" if self.kpi.unit == Unit.SHARE else text


@dataclass
class Bar:
    """One category of a breakdown."""

    key: str
    label: str
    value: int
    url: str = ""


@dataclass
class Chart:
    """A breakdown of the board, its categories in order (empty ones left out)."""

    figure: Breakdown
    bars: list[Bar]
    narrowed: bool = True

    @property
    def key(self) -> str:
        return self.figure.key

    @property
    def total(self) -> int:
        return sum(bar.value for bar in self.bars)


@dataclass
class Section:
    """The cards and charts of one section of the board."""

    label: str
    cards: list[Card] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)


@dataclass
class Board:
    """The whole board for a selection."""

    selection: Selection
    sections: list[Section]
    trend_key: str
    trend: list[tuple[int, float | int | None]]

    @property
    def cards(self) -> list[Card]:
        return [card for section in self.sections for card in section.cards]

    @property
    def charts(self) -> list[Chart]:
        return [chart for section in self.sections for chart in section.charts]

    def chart_data(self) -> dict[str, Any]:
        """What the page's charts draw, for ``json_script``."""
        trend_card = next((c for c in self.cards if c.key == self.trend_key), None)
        return {
            "charts": {chart.key: {"labels": [bar.label for bar in chart.bars],
                                   "values": [bar.value for bar in chart.bars],
                                   "urls": [bar.url for bar in chart.bars]}
                       for chart in self.charts},
            "trend": {"label": str(trend_card.kpi.label) if trend_card else "",
                      "unit": trend_card.kpi.unit if trend_card else "",
                      "years": [str(year) for year, _v in self.trend],
                      "values": [value for _y, value in self.trend]},
        }


def _is_narrowed(figure, piece: Slice) -> bool:
    asked = {name for name, value in (("department", piece.department_id),
                                      ("college", piece.college_id)) if value is not None}
    return asked <= set(figure.filters)


def card(kpi: Kpi, piece: Slice, user) -> Card:
    """One KPI for a slice: two computations (the year, the year before)."""
    kpi = _with_perm(kpi)
    value = total(kpi.compute(piece)) or _empty(kpi.unit)
    previous = total(kpi.compute(piece.last_year())) or _empty(kpi.unit)
    return Card(kpi, value, previous, _drill(kpi, user, piece), _is_narrowed(kpi, piece))


def chart(figure: Breakdown, piece: Slice, user) -> Chart:
    """One breakdown for a slice, its categories summed over the schools (one computation)."""
    figure = _with_perm(figure)
    sums: dict[str, int] = {}
    for per_category in figure.compute(piece).values():
        for key, n in per_category.items():
            sums[key] = sums.get(key, 0) + n
    bars = [Bar(key, str(label), sums[key], _drill(figure, user, piece, key))
            for key, label in figure.categories() if sums.get(key)]
    return Chart(figure, bars, _is_narrowed(figure, piece))


def trend(kpi: Kpi, piece: Slice, known: dict[int, Value]) -> list[tuple[int, Any]]:
    """The KPI over the last ``TREND_YEARS`` years up to the slice's (the years already known
    are not computed again)."""
    points = []
    for year in range(piece.year - TREND_YEARS + 1, piece.year + 1):
        value = known.get(year)
        if value is None:
            value = total(kpi.compute(Slice(year, piece.school_ids, piece.department_id,
                                            piece.college_id))) or _empty(kpi.unit)
        points.append((year, number(value, kpi.unit)))
    return points


def board(user, chosen: Selection, trend_key: str | None = None, *,
          with_trend: bool = True) -> Board:
    """Every KPI and breakdown for the selection, in registration order, grouped by section,
    and (``with_trend``) the trend of one KPI (``trend_key``, the first by default)."""
    piece = chosen.slice
    sections: dict[str, Section] = {}
    for kpi in KPIS.values():
        section = sections.setdefault(str(kpi.section), Section(str(kpi.section)))
        section.cards.append(card(kpi, piece, user))
    for figure in BREAKDOWNS.values():
        section = sections.setdefault(str(figure.section), Section(str(figure.section)))
        section.charts.append(chart(figure, piece, user))
    key = trend_key if trend_key in KPIS else next(iter(KPIS), "")
    points: list = []
    if key and with_trend:
        found = next(c for s in sections.values() for c in s.cards if c.key == key)
        points = trend(KPIS[key], piece, {piece.year: found.value,
                                          piece.year - 1: found.previous})
    return Board(chosen, list(sections.values()), key, points)


def figure_rows(user, chosen: Selection, key: str) -> tuple[str, list[list[Any]]] | None:
    """The data of one figure of the board, per school (and category), for its xlsx:
    (title, rows). None for a key that is not a figure."""
    piece = chosen.slice
    names = dict(School.objects.filter(pk__in=piece.school_ids).values_list("pk", "name"))
    if key in BREAKDOWNS:
        figure = BREAKDOWNS[key]
        values = figure.compute(piece)
        rows = [[names.get(school, school), str(label), per.get(category, 0)]
                for school, per in sorted(values.items())
                for category, label in figure.categories() if per.get(category)]
        return str(figure.label), rows
    if key in KPIS:
        kpi = KPIS[key]
        now, before = kpi.compute(piece), kpi.compute(piece.last_year())
        rows = []
        for school in sorted(set(now) | set(before) | set(piece.school_ids)):
            value = now.get(school, _empty(kpi.unit))
            previous = before.get(school, _empty(kpi.unit))
            rows.append([names.get(school, school), *_cells(value), *_cells(previous)])
        return str(kpi.label), rows
    return None


def _cells(value: Value) -> list[Any]:
    """A value as spreadsheet cells: (value, part, whole) — part and whole for shares only."""
    if isinstance(value, Share):
        return [value.percent, value.part, value.whole]
    return [value, None, None]


def years_around(year: int) -> list[int]:
    """The years the year filter offers: the last six and next year (and the one chosen)."""
    now = current_year()
    years = set(range(now - 5, now + 2)) | {year}
    return sorted(years, reverse=True)
