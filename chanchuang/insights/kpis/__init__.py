"""The KPI registry of the dashboard (成效看板) and the provincial view.

A KPI answers, for a ``Slice`` (a year, the schools in view, optionally one department or one
industry college), a value per school: a count, an amount, or a ``Share`` (part of a whole).
Values per school add up to the totals of a province (shares add part to part and whole to
whole), which is what lets the provincial view suppress small cells and their complements.
A ``Breakdown`` does the same per category (destinations by national group, partners by
industry). Each sub-concept module registers its own; every computation is one grouped
database aggregation, never a loop over records.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from decimal import Decimal

from django.utils.functional import Promise


@dataclass(frozen=True)
class Slice:
    """Which facts a KPI reads: one year, the schools in view, and optionally one department
    or one industry college of a single school."""

    year: int
    school_ids: frozenset[int]
    department_id: int | None = None
    college_id: int | None = None

    def last_year(self) -> Slice:
        """The same slice a year earlier (the trend compares against it)."""
        return replace(self, year=self.year - 1)


@dataclass(frozen=True)
class Share:
    """A part of a whole (an employment rate, a fill rate): kept as both counts so that
    shares add up across schools and small counts can be suppressed."""

    part: int
    whole: int

    def __add__(self, other: Share) -> Share:
        return Share(self.part + other.part, self.whole + other.whole)

    @property
    def percent(self) -> float | None:
        """The share in percent, or None when the whole is empty."""
        return None if not self.whole else round(100 * self.part / self.whole, 1)


Value = int | Decimal | Share


def zero_like(value: Value) -> Value:
    """The empty value of the same kind (for a school with no facts)."""
    return Share(0, 0) if isinstance(value, Share) else type(value)(0)


def total(values: Mapping[int, Value]) -> Value | None:
    """The sum of the per-school values (None when there are none)."""
    items = list(values.values())
    if not items:
        return None
    result = items[0]
    for value in items[1:]:
        result = result + value
    return result


class Unit:
    """How a KPI's value reads."""

    COUNT = "count"  # people or things: small counts are suppressed in the provincial view
    SHARE = "share"  # a Share, shown in percent
    AMOUNT = "amount"  # money (万元) or hours: a sum, never suppressed as a head count


@dataclass(frozen=True)
class Kpi:
    """One figure of the dashboard: how to compute it per school, what it is, which filters
    narrow it and where its records are listed."""

    key: str
    label: str | Promise
    section: str | Promise
    unit: str
    compute: Callable[[Slice], dict[int, Value]]
    # The filters that narrow it ("department", "college"); others leave it school-wide.
    filters: frozenset[str] = frozenset()
    # The URL of the records behind a slice, for the roles that may see them.
    drill: Callable[[Slice], str] | None = None
    help: str | Promise = ""
    # The permission of the list the drill URL opens (the link shows only to who holds it).
    drill_perm: str = ""


@dataclass(frozen=True)
class Breakdown:
    """A figure split by category (a chart's bars or slices): per school, a count per
    category key; ``categories`` gives the keys in order with their labels."""

    key: str
    label: str | Promise
    section: str | Promise
    compute: Callable[[Slice], dict[int, dict[str, int]]]
    categories: Callable[[], list[tuple[str, str]]]
    filters: frozenset[str] = frozenset()
    drill: Callable[[Slice, str], str] | None = None
    help: str | Promise = ""
    # The permission of the list the drill URL opens (the link shows only to who holds it).
    drill_perm: str = ""


KPIS: dict[str, Kpi] = {}
BREAKDOWNS: dict[str, Breakdown] = {}


def register(*figures: Kpi | Breakdown) -> None:
    """Make KPIs and breakdowns known to the dashboard, in the order they are registered."""
    for figure in figures:
        (BREAKDOWNS if isinstance(figure, Breakdown) else KPIS)[figure.key] = figure
