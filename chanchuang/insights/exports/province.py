"""Exports of the provincial view: the comparison of colleges, one column per KPI, withheld
values as "<5" (the same cells as the page)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from chanchuang.core.tabular.columns import Column
from chanchuang.core.tabular.exporting import Exporter
from chanchuang.insights.queries.province import ProvinceView


class ProvinceComparisonExporter(Exporter):
    """A row per college, a column per KPI (its published text: a count, a percent, "<5")."""

    title = gettext_lazy("comparison of colleges")
    filename = "province-comparison"
    columns: list[Column] = []

    def __init__(self, view: ProvinceView) -> None:
        columns = [Column("school", gettext_lazy("school"), export=lambda row: row["school"].name)]
        for index, column in enumerate(view.columns):
            columns.append(Column(column.key, column.kpi.label,
                                  export=lambda row, i=index: row["cells"][i].api()))
        self.columns = columns
