"""The provincial view (省级视图): every registered KPI and breakdown across the colleges an
observer watches (a platform admin: every college of the deployment), suppressed.

Each figure is computed ONCE for the year (and once for the year before, for the trend) over
all the colleges in view, then suppressed as one table (``insights.suppression``), and every
page — the comparison table, a college's own page, the chart, the workbook, the API — reads
that one suppressed result. A college's page never suppresses its figures on their own: a
different suppression pattern per page would let a reader combine two pages to recover a cell.

Nothing personal leaves this module: a withheld cell carries only the mark "<5", never its
count; sorting by a column puts withheld cells last, in name order, so that the order of
the rows does not betray their size either.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone

from chanchuang.core.models import School
from chanchuang.insights.kpis import BREAKDOWNS, KPIS, Breakdown, Kpi, Share, Slice, Unit
from chanchuang.insights.suppression import (
    SUPPRESSED,
    TOTAL,
    suppress_shares,
    suppress_table,
)

YEARS_BACK = 6


def default_year() -> int:
    """The year the view opens on: the current one."""
    return timezone.localdate().year


def year_choices() -> list[int]:
    """The years the filter offers, newest first."""
    this = default_year()
    return list(range(this, this - YEARS_BACK, -1))


def schools_of(user) -> list[School]:
    """The colleges in the user's view (an observer's provinces; an admin's deployment)."""
    return list(School.objects.visible_to(user).select_related("province").order_by("name"))


@dataclass(frozen=True)
class Cell:
    """One published value: its text, and its number (None when withheld or empty) for
    sorting, charts and the API. A withheld cell keeps no count."""

    text: str
    number: int | float | None = None
    suppressed: bool = False
    part: int | None = None  # of a share, when shown
    whole: int | None = None

    def api(self) -> int | float | str | None:
        """The value the API answers: the number, or "<5"."""
        return SUPPRESSED if self.suppressed else self.number


WITHHELD = Cell(SUPPRESSED, suppressed=True)
EMPTY = Cell("—")


def _count_cell(count: int) -> Cell:
    return Cell(str(count), count)


def _amount_cell(amount) -> Cell:
    value = amount if isinstance(amount, Decimal) else Decimal(amount or 0)
    number = float(value)
    return Cell(f"{number:g}", int(number) if number == int(number) else number)


def _share_cell(share: Share) -> Cell:
    if not share.whole:
        return EMPTY
    return Cell(f"{share.percent:.1f}%", share.percent, part=share.part, whole=share.whole)


@dataclass
class Column:
    """One KPI across the colleges: a cell per college, the province's total, last year's
    total and the trend between them."""

    kpi: Kpi
    cells: dict[int, Cell]
    total: Cell
    last_total: Cell
    last_cells: dict[int, Cell] = field(default_factory=dict)

    @property
    def key(self) -> str:
        return self.kpi.key

    @property
    def trend(self) -> float | None:
        """The change of the province total since last year (points for a share), or None
        when either year's total is withheld or empty."""
        return _trend(self.total, self.last_total)


def _trend(now: Cell, before: Cell) -> float | None:
    if now.number is None or before.number is None:
        return None
    return round(now.number - before.number, 1)


@dataclass
class BreakdownTable:
    """A breakdown across the colleges: per college a cell per category and the college's
    total; the province's per category and overall."""

    breakdown: Breakdown
    categories: list[tuple[str, str]]
    cells: dict[int, dict[str, Cell]]
    totals: dict[str, Cell]
    schools: list[School] = field(default_factory=list)

    def rows(self) -> list[tuple[School, list[Cell], Cell]]:
        """Per college: its cells in category order and its total."""
        return [(school, [self.cells[school.pk][key] for key, _label in self.categories],
                 self.cells[school.pk][TOTAL]) for school in self.schools]

    def total_row(self) -> tuple[list[Cell], Cell]:
        """The province's cells in category order and its total."""
        return [self.totals[key] for key, _label in self.categories], self.totals[TOTAL]


def _suppressed_column(kpi: Kpi, values: dict, school_ids: list[int]) -> tuple[dict, Cell]:
    """The cells of one KPI per college and its province total, suppressed."""
    if kpi.unit == Unit.AMOUNT:  # money or hours: never a head count
        cells = {pk: _amount_cell(values.get(pk, 0)) for pk in school_ids}
        return cells, _amount_cell(sum((Decimal(values.get(pk, 0) or 0) for pk in school_ids),
                                       Decimal(0)))
    if kpi.unit == Unit.SHARE:
        shares = {pk: values.get(pk) or Share(0, 0) for pk in school_ids}
        withheld, total_withheld = suppress_shares(
            {pk: (share.part, share.whole) for pk, share in shares.items()})
        total = Share(sum(s.part for s in shares.values()), sum(s.whole for s in shares.values()))
        cells = {pk: WITHHELD if pk in withheld else _share_cell(shares[pk])
                 for pk in school_ids}
        return cells, WITHHELD if total_withheld else _share_cell(total)
    counts = {pk: {kpi.key: int(values.get(pk, 0) or 0)} for pk in school_ids}
    cells, hidden = suppress_table(counts, [kpi.key])
    shown = {pk: WITHHELD if (pk, kpi.key) in hidden else _count_cell(cells[(pk, kpi.key)])
             for pk in school_ids}
    total_key = (TOTAL, kpi.key)
    return shown, WITHHELD if total_key in hidden else _count_cell(cells[total_key])


def _column(kpi: Kpi, now: Slice, school_ids: list[int]) -> Column:
    cells, total = _suppressed_column(kpi, kpi.compute(now), school_ids)
    last_cells, last_total = _suppressed_column(kpi, kpi.compute(now.last_year()), school_ids)
    return Column(kpi, cells, total, last_total, last_cells)


def _breakdown(breakdown: Breakdown, piece: Slice, schools: list[School]) -> BreakdownTable:
    school_ids = [school.pk for school in schools]
    categories = breakdown.categories()
    keys = [key for key, _label in categories]
    values = breakdown.compute(piece)
    counts = {pk: {key: int(values.get(pk, {}).get(key, 0)) for key in keys}
              for pk in school_ids}
    # The colleges' totals are published (a college's page shows them): row totals too.
    cells, hidden = suppress_table(counts, keys, row_totals=True)

    def cell(key) -> Cell:
        return WITHHELD if key in hidden else _count_cell(cells[key])

    return BreakdownTable(
        breakdown, categories,
        {pk: {key: cell((pk, key)) for key in [*keys, TOTAL]} for pk in school_ids},
        {key: cell((TOTAL, key)) for key in [*keys, TOTAL]}, schools)


@dataclass
class ProvinceView:
    """Every figure of the year across the colleges in view, suppressed."""

    year: int
    schools: list[School]
    columns: list[Column]
    breakdowns: list[BreakdownTable]

    def school(self, pk: int) -> School | None:
        return next((school for school in self.schools if school.pk == pk), None)

    def sorted_schools(self, key: str | None, descending: bool = True) -> list[School]:
        """The colleges ordered by a KPI's value (withheld and empty cells last, by name),
        or by name."""
        column = next((c for c in self.columns if c.key == key), None)
        if column is None:
            return list(self.schools)
        known = [s for s in self.schools if column.cells[s.pk].number is not None]
        unknown = [s for s in self.schools if column.cells[s.pk].number is None]
        known.sort(key=lambda s: column.cells[s.pk].number, reverse=descending)
        return known + unknown

    def rows(self, order: str | None = None, descending: bool = True) -> list[dict]:
        """The comparison table's rows: the college and its cell per KPI, in column order."""
        return [{"school": school, "cells": [column.cells[school.pk] for column in self.columns]}
                for school in self.sorted_schools(order, descending)]

    def chart_data(self) -> dict:
        """The comparison chart's data (json_script): per KPI its values per college, null
        where withheld; shares in percent."""
        return {
            "schools": [school.short_name or school.name for school in self.schools],
            "figures": {column.key: {
                "label": str(column.kpi.label), "unit": column.kpi.unit,
                "values": [column.cells[school.pk].number for school in self.schools],
            } for column in self.columns},
        }


def province_view(user, year: int) -> ProvinceView:
    """Every KPI and breakdown of ``year`` for the colleges in the user's view: each computed
    once over all of them, then suppressed."""
    schools = schools_of(user)
    school_ids = [school.pk for school in schools]
    piece = Slice(year=year, school_ids=frozenset(school_ids))
    if not schools:
        return ProvinceView(year, [], [], [])
    columns = [_column(kpi, piece, school_ids) for kpi in KPIS.values()]
    breakdowns = [_breakdown(breakdown, piece, schools) for breakdown in BREAKDOWNS.values()]
    return ProvinceView(year, schools, columns, breakdowns)


@dataclass
class SchoolFigures:
    """One college's figures as the province view publishes them, with last year's."""

    school: School
    year: int
    figures: list[tuple[Column, Cell, Cell, float | None]]  # column, this year, last, trend
    breakdowns: list[tuple[BreakdownTable, list[tuple[str, str, Cell]], Cell]]


def school_figures(view: ProvinceView, school: School) -> SchoolFigures:
    """A college's row of the province view (the same suppression as the comparison)."""
    figures = []
    for column in view.columns:
        now, before = column.cells[school.pk], column.last_cells[school.pk]
        figures.append((column, now, before, _trend(now, before)))
    breakdowns = []
    for table in view.breakdowns:
        cells = table.cells[school.pk]
        breakdowns.append((table, [(key, label, cells[key]) for key, label in table.categories],
                           cells[TOTAL]))
    return SchoolFigures(school, view.year, figures, breakdowns)
