"""Exports of the indicators: a year's targets, the scorecard and the status-data table, each
one row iterator rendered to .xlsx or CSV by core's exporter (and logged like every export)."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from chanchuang.colleges.models import IndustryCollege, Target
from chanchuang.colleges.queries.indicators import STATUS_COLUMN_TITLES
from chanchuang.core.tabular.columns import Column
from chanchuang.core.tabular.exporting import Exporter


class Rows(list):
    """Computed rows (not a queryset) in the shape core's ``export_response`` reads: the
    model the export is logged under and an ``iterator``."""

    def __init__(self, rows, model: type[models.Model]) -> None:
        super().__init__(rows)
        self.model = model

    def iterator(self, chunk_size: int = 2000):
        return iter(self)


def _column(name: str, title: Any, read) -> Column:
    return Column(name, title, export=read)


class ScorecardExporter(Exporter):
    """A college's scorecard for a year: indicator, task, category, unit, target, achieved."""

    title = _("Scorecard")
    filename = "scorecard"
    columns = [
        _column("indicator", _("Indicator"), lambda row: str(row.indicator.label)),
        _column("task", _("Construction task"), lambda row: str(row.indicator.task_label)),
        _column("category", _("Selection-table category"),
                lambda row: str(row.indicator.category_label)),
        _column("unit", _("Unit"), lambda row: str(row.indicator.unit)),
        _column("target", _("Target"), lambda row: row.target),
        _column("achieved", _("Achieved"), lambda row: row.achieved),
        _column("percent", _("Achieved (%)"), lambda row: row.percent),
        _column("status_column", _("Status-data column"),
                lambda row: str(row.indicator.status_column or "")),
    ]


class TargetsExporter(ScorecardExporter):
    """A college's targets for a year (with what is achieved so far)."""

    title = _("Yearly targets")
    filename = "targets"


class StatusTableExporter(Exporter):
    """The 高职 status-data school–enterprise cooperation table of a college's year."""

    title = _("School–enterprise cooperation")
    filename = "status-data"
    columns = [_column(f"c{index}", title, lambda row, index=index: row.cells()[index])
               for index, title in enumerate(STATUS_COLUMN_TITLES)]


def scorecard_rows(card) -> Rows:
    return Rows(card.rows, Target)


def status_rows(card) -> Rows:
    return Rows(card.status_rows, IndustryCollege)


__all__ = ["ScorecardExporter", "StatusTableExporter", "TargetsExporter"]
