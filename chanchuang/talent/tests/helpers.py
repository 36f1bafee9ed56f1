"""Helpers of the talent tests: an import run through core's engine."""

from __future__ import annotations

import io

from chanchuang.core.tabular.importing import apply_workbook
from chanchuang.core.tabular.registry import import_kind
from chanchuang.core.tests.workbooks import one_sheet


def run_import(kind: str, headers, rows, *, school, actor):
    """Apply an import of ``kind``; returns the plan (with its errors if nothing was
    written)."""
    content = io.BytesIO(one_sheet("Sheet", headers, rows))
    return apply_workbook(import_kind(kind), content, school=school, actor=actor)


def errors_of(plan) -> list[tuple[int, str, str]]:
    """(row, column, message) of every refused cell."""
    return [(e.row, e.column, e.message) for e in plan.errors]
