"""Helpers of the talent tests: a workbook in memory and an import run through core's
engine."""

from __future__ import annotations

import io

from openpyxl import Workbook

from chanchuang.core.tabular.importing import apply_workbook
from chanchuang.core.tabular.registry import import_kind


def workbook(headers: list[str], rows: list[list], title: str = "Sheet") -> io.BytesIO:
    """An .xlsx file with one sheet of these headers and rows."""
    book = Workbook()
    sheet = book.active
    sheet.title = title
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    out.seek(0)
    return out


def run_import(kind: str, headers, rows, *, school, actor):
    """Apply an import of ``kind``; returns the plan (with its errors if nothing was
    written)."""
    return apply_workbook(import_kind(kind), workbook(headers, rows), school=school,
                          actor=actor)


def errors_of(plan) -> list[tuple[int, str, str]]:
    """(row, column, message) of every refused cell."""
    return [(e.row, e.column, e.message) for e in plan.errors]
