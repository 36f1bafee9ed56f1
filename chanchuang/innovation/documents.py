"""A student's innovation record (双创成长档案) as documents: a PDF to print or hand in, and an
Excel workbook of the same lines and totals."""

from __future__ import annotations

import io

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from chanchuang.core.pdf import render_pdf
from chanchuang.core.tabular.exporting import neutralise
from chanchuang.innovation.models import Startup
from chanchuang.innovation.services.records import Record


def long_date(value) -> str:
    """``2026年11月29日``, as documents write dates."""
    return f"{value.year}年{value.month}月{value.day}日"


def render_record_pdf(record: Record, startups: list[Startup]) -> bytes:
    """The record as an A4 PDF: the student, every line by year (marking those that do not
    count), the totals by category and year, and the start-ups they founded."""
    html = render_to_string("innovation/records_pdf.html", {
        "record": record, "student": record.student, "startups": startups,
        "issued": long_date(timezone.localdate())})
    return render_pdf(html)


def render_record_xlsx(record: Record) -> bytes:
    """The record as a workbook: who, then the lines, then the totals."""
    student = record.student
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Innovation record")
    bold = Font(bold=True)
    sheet.append([_("Innovation & entrepreneurship record")])
    sheet["A1"].font = Font(bold=True, size=14)
    for label, value in [(_("school"), student.school.name),
                         (_("full name"), student.user.real_name),
                         (_("student number"), student.student_no),
                         (_("department"), student.department.name),
                         (_("major"), student.major.name)]:
        sheet.append([label, neutralise(value)])
    sheet.append([])
    sheet.append([_("date"), _("category"), _("title"), _("competition"), _("award"),
                  _("credits"), _("counts")])
    for cell in sheet[sheet.max_row]:
        cell.font = bold
    for line in record.lines:
        sheet.append([line.earned_on, line.get_category_display(), neutralise(line.title),
                      neutralise(str(line.competition) if line.competition_id else ""),
                      neutralise(line.award), line.credits,
                      _("yes") if line.counts else _("no (another line of the project is "
                                                     "higher)")])
        sheet.cell(row=sheet.max_row, column=1).number_format = "yyyy-mm-dd"
    sheet.append([])
    sheet.append([_("Credits by category")])
    sheet.cell(row=sheet.max_row, column=1).font = bold
    for label, credits in record.category_totals:
        sheet.append([label, credits])
    sheet.append([_("Credits by year")])
    sheet.cell(row=sheet.max_row, column=1).font = bold
    for year in record.years:
        sheet.append([year.year, year.total])
    sheet.append([_("Total credits"), record.total])
    sheet.cell(row=sheet.max_row, column=1).font = bold
    for letter, width in zip("ABCDEFG", (14, 16, 36, 30, 14, 10, 24), strict=True):
        sheet.column_dimensions[letter].width = width
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
