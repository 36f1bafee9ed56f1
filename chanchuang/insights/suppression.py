"""Small-cell suppression for the provincial view (省级视图): which counts of a published table
are withheld, so that no one can single out a handful of graduates of one college.

A pure kernel: it imports nothing of ours and no Django (the ``pure-kernels`` contract).

The rules, as a statistical office applies them:

- **Primary suppression.** Every count from 1 to 4 is withheld. A zero is shown: it says
  "nobody", which names no one, and hiding every zero would blank most of a sparse table
  (the habit of the national statistical offices, which publish zeros and mark small cells).
- **Complementary suppression.** A published total is an equation: the total minus the cells
  shown equals the cells withheld. If exactly one cell of that equation is withheld, it can be
  worked out by subtraction; so another cell of the same line is withheld with it — the
  smallest cell still shown, preferring a non-zero one (a withheld zero protects nothing that
  a reader could not guess), and the total itself only as the last resort. Withholding one cell
  can expose a crossing line (a row total), so the rule is applied until nothing changes.
- A total is itself a cell: a province total of 1 to 4 is withheld like any other count.

Every withheld cell is shown with the one mark ``SUPPRESSED`` ("<5"): a complementary cell
may hold five or more, but marking it differently would tell a reader which cell is the small
one and let them narrow it down again. The page's legend says so ("fewer than five, or withheld
so that a small figure cannot be worked out from the totals").

Shares (an employment rate: part of a whole) are tables of two columns per college, the part
and the rest (whole − part), with the college's whole as the row total and the province's part,
rest and whole as column and grand totals: a share is shown only when both its part and its
rest are shown (then its whole is, too). The province-wide share is the grand line of the same
table, so it is withheld when the province's part or rest is, and a college's part cannot be
recovered from the province's part minus the others' (the columns are lines like any other).

What the kernel does not cover: equations between different figures (a breakdown's categories
that add up to another figure's whole). Each figure is suppressed as a table of its own.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass

THRESHOLD = 5  # counts from 1 to THRESHOLD - 1 are withheld
SUPPRESSED = "<5"
TOTAL = "__total__"  # the key of a total row or column in a table


def is_small(count: int) -> bool:
    """Whether a count is withheld on its own (1 to 4; a zero is shown)."""
    return 0 < count < THRESHOLD


@dataclass(frozen=True)
class Line:
    """A published equation: ``total`` is the sum of ``members`` (keys of cells)."""

    total: Hashable
    members: Sequence[Hashable]


def suppress(cells: Mapping[Hashable, int], lines: Iterable[Line]) -> frozenset:
    """The keys of the cells to withhold: primary (1 to 4) and complementary, until no line
    has exactly one withheld cell. ``cells`` holds every cell, totals included."""
    lines = list(lines)
    hidden = {key for key, count in cells.items() if is_small(count)}
    changed = True
    while changed:
        changed = False
        for line in lines:
            keys = [line.total, *line.members]
            withheld = [key for key in keys if key in hidden]
            if len(withheld) != 1:
                continue
            complement = _complement(cells, line, hidden)
            if complement is not None:
                hidden.add(complement)
                changed = True
    return frozenset(hidden)


def _complement(cells: Mapping[Hashable, int], line: Line, hidden: set) -> Hashable | None:
    """The cell to withhold with the one withheld cell of a line: the smallest member still
    shown (a non-zero one first), else the total."""
    shown = [key for key in line.members if key not in hidden]
    positive = sorted((key for key in shown if cells[key] > 0), key=lambda k: (cells[k], repr(k)))
    if positive:
        return positive[0]
    zeros = sorted((key for key in shown), key=repr)
    if zeros:
        return zeros[0]
    return line.total if line.total not in hidden else None


@dataclass(frozen=True)
class Table:
    """A table of counts, rows × columns, with its totals: ``cells[(row, column)]``, the column
    totals at ``(TOTAL, column)``, and, when ``row_totals``, the row totals at ``(row, TOTAL)``
    and the grand total at ``(TOTAL, TOTAL)``."""

    cells: dict
    rows: tuple
    columns: tuple
    row_totals: bool

    def lines(self) -> list[Line]:
        """The equations the published totals make."""
        lines = [Line((TOTAL, column), [(row, column) for row in self.rows])
                 for column in self.columns]
        if self.row_totals:
            lines += [Line((row, TOTAL), [(row, column) for column in self.columns])
                      for row in self.rows]
            lines.append(Line((TOTAL, TOTAL), [(row, TOTAL) for row in self.rows]))
            lines.append(Line((TOTAL, TOTAL), [(TOTAL, column) for column in self.columns]))
        return lines


def table(counts: Mapping[Hashable, Mapping[Hashable, int]], columns: Sequence[Hashable], *,
          row_totals: bool = False) -> Table:
    """The table of ``counts[row][column]`` (a missing count is zero) with its totals."""
    rows = tuple(counts)
    columns = tuple(columns)
    cells: dict = {}
    for row in rows:
        for column in columns:
            cells[(row, column)] = int(counts[row].get(column, 0))
    for column in columns:
        cells[(TOTAL, column)] = sum(cells[(row, column)] for row in rows)
    if row_totals:
        for row in rows:
            cells[(row, TOTAL)] = sum(cells[(row, column)] for column in columns)
        cells[(TOTAL, TOTAL)] = sum(cells[(TOTAL, column)] for column in columns)
    return Table(cells, rows, columns, row_totals)


def suppress_table(counts: Mapping[Hashable, Mapping[Hashable, int]],
                   columns: Sequence[Hashable], *, row_totals: bool = False) -> tuple[dict,
                                                                                     frozenset]:
    """``(cells, withheld)``: every cell of the table with its totals, and the keys of those
    to show as ``SUPPRESSED``."""
    built = table(counts, columns, row_totals=row_totals)
    return built.cells, suppress(built.cells, built.lines())


PART, REST = "part", "rest"


def suppress_shares(shares: Mapping[Hashable, tuple[int, int]]) -> tuple[set, bool]:
    """For ``{row: (part, whole)}``: the rows whose share is withheld, and whether the total
    share (all rows) is withheld. A share is shown only when its part, its whole and whole −
    part are all shown."""
    counts = {row: {PART: part, REST: whole - part} for row, (part, whole) in shares.items()}
    cells, hidden = suppress_table(counts, (PART, REST), row_totals=True)
    del cells

    def withheld(row) -> bool:
        return bool({(row, PART), (row, REST), (row, TOTAL)} & hidden)

    return {row for row in shares if withheld(row)}, withheld(TOTAL)
