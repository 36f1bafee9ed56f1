"""Exports: any filtered list to .xlsx or CSV, personal data masked by permission, formulas
neutralised, and every export written to the audit log."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any, ClassVar

from django.db import models
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from chanchuang.core import audit
from chanchuang.core.identifiers import mask
from chanchuang.core.tabular.columns import Column
from chanchuang.core.tabular.reading import cell_text

# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}


def neutralise(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def cell_of(column: Column, value: Any) -> Any:
    """A field's value as a cell: a related object (which no spreadsheet can hold) by the key its
    import looks it up by (a major by its code, anything else by its name), else as text."""
    if not isinstance(value, models.Model):
        return value
    if column.lookup:
        return lookup_text(column.lookup, value)
    return str(value)


def lookup_text(table: str, obj: models.Model) -> str:
    """The text an import's lookup column finds ``obj`` by (see ``columns.lookup_key``)."""
    if table == "majors":
        return obj.code
    return getattr(obj, "name", None) or str(obj)


class Exporter:
    """A list's export: its title, columns (each with an ``export`` accessor), file name."""

    title: ClassVar[Any]
    filename: ClassVar[str]
    columns: ClassVar[list[Column]]

    def values(self, obj: Any) -> list[Any]:
        """One object's cells, in column order, before masking."""
        return [column.export(obj) if column.export else cell_of(column, getattr(obj, column.field))
                for column in self.columns]

    def rows(self, objects, user) -> Iterator[list[Any]]:
        """Cells of every object; personal ones masked unless the user may see them."""
        for obj in objects:
            cells = []
            for column, value in zip(self.columns, self.values(obj), strict=True):
                value = column.template_value(value) if column.choices else value
                if column.personal and value and not user.has_perm(
                        column.personal_permission, obj):
                    value = mask(value)
                cells.append(neutralise(cell_text(value) if column.as_text else value))
            yield cells


def export_response(request: HttpRequest, exporter: Exporter, queryset, *, file_format: str,
                    school_id: int | None) -> HttpResponse:
    """Render the queryset to the file format and log the export (rows, fields, filter)."""
    headers = [str(column.title) for column in exporter.columns]
    rows = exporter.rows(queryset.iterator(chunk_size=2000), request.user)
    count = 0
    if file_format == "csv":
        buffer = io.StringIO()
        buffer.write("\ufeff")  # Excel opens UTF-8 CSV correctly only with a BOM
        writer = csv.writer(buffer)
        writer.writerow(headers)
        for row in rows:
            writer.writerow(row)
            count += 1
        content: bytes = buffer.getvalue().encode("utf-8")
    else:
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(str(exporter.title))
        sheet.append([_bold(sheet, header) for header in headers])
        for row in rows:
            sheet.append(row)
            count += 1
        out = io.BytesIO()
        workbook.save(out)
        content = out.getvalue()
    personal = [column for column in exporter.columns if column.personal]
    audit.record_export(
        actor=request.user, model=queryset.model, school_id=school_id, rows=count,
        fields=[column.field for column in exporter.columns],
        personal_fields=[column.field for column in personal],
        filters={k: v for k, v in request.GET.items() if k not in ("export", "page")},
        file_format=file_format,
    )
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response = HttpResponse(content, content_type=CONTENT_TYPES[file_format])
    response["Content-Disposition"] = (
        f"attachment; filename=\"{exporter.filename}-{stamp}.{file_format}\"")
    return response


def _bold(sheet, text: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=text)
    cell.font = Font(bold=True)
    return cell
