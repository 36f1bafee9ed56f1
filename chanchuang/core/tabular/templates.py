"""Downloadable import templates: one sheet per importer with Chinese (or English) titles, a
note row saying what each column accepts, a sample row, and dropdowns fed from the school's own
departments, majors and classes."""

from __future__ import annotations

import io
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from chanchuang.core.tabular.importing import SheetImporter, WorkbookImport

TEMPLATE_ROWS = 2000  # rows prepared with dropdowns and text formats
HEADER_FILL = PatternFill("solid", fgColor="206BC4")
NOTE_FONT = Font(italic=True, color="667382", size=9)
LISTS_SHEET = "选项"


def note_row(importer: type[SheetImporter] | SheetImporter) -> list[str]:
    """What each column accepts: required or not, and its note."""
    notes = []
    for column in importer.columns:
        need = _("Required") if column.required else _("Optional")
        notes.append(f"{need}；{column.note}" if column.note else str(need))
    return notes


def sample_row(importer: type[SheetImporter] | SheetImporter) -> list[Any]:
    """An example row, as the template shows it."""
    return [column.template_value(column.example) for column in importer.columns]


def build_template(kind: WorkbookImport, lists: dict[str, list[str]]) -> bytes:
    """The template workbook of an import kind; ``lists`` feed the lookup dropdowns
    (e.g. ``{"departments": [...], "majors": ["430105 电力系统自动化技术", ...]}``)."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    list_sheet = workbook.create_sheet(LISTS_SHEET)
    list_sheet.sheet_state = "hidden"
    ranges = _write_lists(list_sheet, lists)
    for importer in kind.sheets:
        sheet = workbook.create_sheet(str(importer.title))
        workbook.move_sheet(sheet, offset=-1)
        _write_sheet(sheet, importer, ranges)
    workbook.active = 0
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _write_lists(sheet, lists: dict[str, list[str]]) -> dict[str, str]:
    """Write each list into a column of the hidden sheet; return name → range formula."""
    ranges = {}
    for index, (name, values) in enumerate(sorted(lists.items()), start=1):
        letter = get_column_letter(index)
        sheet.cell(row=1, column=index, value=name)
        for row, value in enumerate(values, start=2):
            sheet.cell(row=row, column=index, value=value)
        if values:
            ranges[name] = f"'{LISTS_SHEET}'!${letter}$2:${letter}${len(values) + 1}"
    return ranges


def _write_sheet(sheet, importer: type[SheetImporter], ranges: dict[str, str]) -> None:
    columns = importer.columns
    sheet.append([str(column.title) for column in columns])
    sheet.append(note_row(importer))
    sheet.append(sample_row(importer))
    sheet.freeze_panes = "A2"
    for index, column in enumerate(columns, start=1):
        letter = get_column_letter(index)
        header = sheet.cell(row=1, column=index)
        header.font = Font(bold=True, color="FFFFFF")
        header.fill = HEADER_FILL
        note = sheet.cell(row=2, column=index)
        note.font = NOTE_FONT
        note.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.column_dimensions[letter].width = max(14, len(str(column.title)) * 2 + 4)
        if column.as_text:  # long digit strings stay text when typed in Excel
            sheet.column_dimensions[letter].number_format = "@"
            sheet.cell(row=3, column=index).number_format = "@"
        formula = _dropdown(column, ranges)
        if formula:
            validation = DataValidation(type="list", formula1=formula, allow_blank=True,
                                        showErrorMessage=True)
            validation.error = _("Choose a value from the list.")
            sheet.add_data_validation(validation)
            validation.add(f"{letter}3:{letter}{TEMPLATE_ROWS}")
    sheet.row_dimensions[2].height = 42


def _dropdown(column, ranges: dict[str, str]) -> str | None:
    if column.choices is not None:
        labels = ",".join(str(label) for _value, label in column.choices.choices)
        return f'"{labels}"'
    if column.lookup and column.lookup in ranges:
        return ranges[column.lookup]
    if column.field in ranges:
        return ranges[column.field]
    return None
