"""Exports of the dashboard: the data of one figure (a KPI per school with last year's, or a
breakdown per school and category) as a workbook."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from chanchuang.core.tabular.columns import Column
from chanchuang.core.tabular.exporting import Exporter


def _cell(n: int):
    return lambda row: row[n]


class KpiExporter(Exporter):
    """A KPI per school: the year's value and last year's (a share with its part and whole)."""

    title = gettext_lazy("dashboard figure")
    filename = "dashboard"
    columns = [
        Column("school", gettext_lazy("school"), export=_cell(0)),
        Column("value", gettext_lazy("value"), export=_cell(1)),
        Column("part", gettext_lazy("part"), export=_cell(2)),
        Column("whole", gettext_lazy("whole"), export=_cell(3)),
        Column("previous", gettext_lazy("last year"), export=_cell(4)),
        Column("previous_part", gettext_lazy("last year's part"), export=_cell(5)),
        Column("previous_whole", gettext_lazy("last year's whole"), export=_cell(6)),
    ]

    def __init__(self, key: str) -> None:
        self.filename = f"dashboard-{key}"


class BreakdownExporter(Exporter):
    """A breakdown per school and category."""

    title = gettext_lazy("dashboard figure")
    filename = "dashboard"
    columns = [
        Column("school", gettext_lazy("school"), export=_cell(0)),
        Column("category", gettext_lazy("category"), export=_cell(1)),
        Column("count", gettext_lazy("count"), export=_cell(2)),
    ]

    def __init__(self, key: str) -> None:
        self.filename = f"dashboard-{key}"


class TrendExporter(Exporter):
    """One KPI over the last years (the trend chart's data)."""

    title = gettext_lazy("dashboard trend")
    filename = "dashboard-trend"
    columns = [
        Column("year", gettext_lazy("year"), export=_cell(0)),
        Column("value", gettext_lazy("value"), export=_cell(1)),
    ]

    def __init__(self, key: str) -> None:
        self.filename = f"dashboard-trend-{key}"
