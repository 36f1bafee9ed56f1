"""The reports handed upward as files: the three national layouts as workbooks (openpyxl: the
layout's sheet, then a note sheet naming the columns left blank and how the others were
filled), and the annual partnership report (产教融合年度报告) as a PDF through the platform's one
renderer (``core.pdf.render_pdf``) and an editable Word document (python-docx), with the same
headings, narrative, tables and chart (a PNG drawn here with Pillow, since neither WeasyPrint
nor Word runs a script)."""

from __future__ import annotations

import base64
import datetime as dt
import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from docx.shared import Cm
from openpyxl import Workbook
from openpyxl.styles import Font
from PIL import Image, ImageDraw, ImageFont

from chanchuang.colleges.documents import long_date, paragraphs
from chanchuang.core import word
from chanchuang.core.models import School
from chanchuang.core.pdf import render_pdf
from chanchuang.core.tabular.exporting import neutralise
from chanchuang.insights.layouts import Layout
from chanchuang.insights.models import PartnershipNarrative
from chanchuang.insights.queries.reports import BreakdownTable, FigureRow

# --- Workbooks of the national layouts ---------------------------------------------------------


def workbook(layout: Layout, rows: Iterable[list[Any]], *, school: School, year: int,
             data_as_of: dt.datetime) -> tuple[bytes, int]:
    """The layout's sheet (its national columns in order, one row per record, the gaps blank)
    and a note sheet; the bytes and the number of rows."""
    book = Workbook()
    sheet = book.active
    sheet.title = layout.sheet
    sheet.append(layout.titles)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    count = 0
    for row in rows:
        sheet.append([neutralise(value) for value in row])
        count += 1
    for index, title in enumerate(layout.titles, 1):
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = max(
            10, 2.2 * len(title) + 2)
    sheet.freeze_panes = "A2"
    note = book.create_sheet(_("Notes"))
    bold = Font(bold=True)
    note.append([_("School"), school.name])
    note.append([_("Year"), year])
    note.append([_("Data as of"), f"{timezone.localtime(data_as_of):%Y-%m-%d %H:%M}"])
    note.append([_("Rows"), count])
    note.append([])
    note.append([_("Columns left blank"), _("Why")])
    for cell in note[note.max_row]:
        cell.font = bold
    for field in layout.gaps:
        note.append([field.title, str(field.gap)])
    if not layout.gaps:
        note.append([_("None: every column has a source on the platform.")])
    note.append([])
    note.append([_("Column"), _("How the platform fills it")])
    for cell in note[note.max_row]:
        cell.font = bold
    for field in layout.fields:
        if field.how:
            note.append([field.title, str(field.how)])
    note.column_dimensions["A"].width = 26
    note.column_dimensions["B"].width = 100
    out = io.BytesIO()
    book.save(out)
    return out.getvalue(), count


# --- The chart ---------------------------------------------------------------------------------

FONT_FILES = ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
              "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
              "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc")
THIS_YEAR, LAST_YEAR = (32, 107, 196), (174, 190, 210)


def _chart_font(size: int):
    for name in FONT_FILES:
        if Path(name).is_file():
            return ImageFont.truetype(name, size)
    return ImageFont.load_default(size)  # no CJK font: the labels' characters may not show


def bars_png(title: str, rows: list[tuple[str, float | None, float | None]], *,
             year: int, suffix: str = "") -> bytes:
    """A horizontal bar chart, two bars per row (this year dark, last year light), each with
    its value; ``rows`` are (label, this year, last year). PNG bytes."""
    scale = 2  # drawn at twice the size, so that it prints sharp
    label_width, bar, gap, top = 230 * scale, 11 * scale, 10 * scale, 52 * scale
    width = 900 * scale
    height = top + len(rows) * (2 * bar + gap) + 20 * scale
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    font, small = _chart_font(13 * scale), _chart_font(11 * scale)
    draw.text((10 * scale, 8 * scale), title, fill=(29, 39, 59), font=font)
    for colour, text, x in ((THIS_YEAR, str(year), 10), (LAST_YEAR, str(year - 1), 90)):
        draw.rectangle([x * scale, 32 * scale, (x + 14) * scale, 42 * scale], fill=colour)
        draw.text(((x + 18) * scale, 29 * scale), text, fill=(73, 86, 108), font=small)
    biggest = max([value or 0 for _, now, last in rows for value in (now, last)] + [1])
    room = width - label_width - 90 * scale
    for index, (label, now, last) in enumerate(rows):
        y = top + index * (2 * bar + gap)
        draw.text((label_width - 8 * scale, y + bar), label[:18], fill=(29, 39, 59), font=small,
                  anchor="rm")
        for offset, value, colour in ((0, now, THIS_YEAR), (bar, last, LAST_YEAR)):
            length = int(room * (value or 0) / biggest)
            draw.rectangle([label_width, y + offset, label_width + max(length, 1),
                            y + offset + bar - 2 * scale], fill=colour)
            text = "—" if value is None else f"{value:g}{suffix}"
            draw.text((label_width + length + 6 * scale, y + offset + bar // 2 - scale), text,
                      fill=(73, 86, 108), font=small, anchor="lm")
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


# --- The annual partnership report -------------------------------------------------------------

ORDINALS = "一二三四五六七八九十"


@dataclass(frozen=True)
class Part:
    """A numbered part of the report: a narrative section (``paragraphs``) or a table
    (``headings`` and ``rows``) with its chart (PNG bytes), if any."""

    heading: str
    paragraphs: list[str] | None = None
    headings: list[str] | None = None
    rows: list[list[str]] | None = None
    chart: bytes = b""

    @property
    def chart_data_uri(self) -> str:
        return "data:image/png;base64," + base64.b64encode(self.chart).decode() \
            if self.chart else ""


def title_of(school: School, year: int) -> str:
    return _("%(school)s annual school–enterprise partnership report %(year)s") % {
        "school": school.name, "year": year}


def _share_chart(rows: list[FigureRow], year: int) -> bytes:
    shares = [(row.label, *row.plain) for row in rows if row.unit == "share"]
    if not shares:
        return b""
    return bars_png(_("Rates (%), this year against last year"), shares, year=year, suffix="%")


def parts(narrative: PartnershipNarrative, figure_rows: list[FigureRow],
          breakdowns: list[BreakdownTable]) -> list[Part]:
    """The report's parts: the overview, the figures against last year (with a chart of the
    rates), each breakdown (with its chart), then achievements, problems and plans."""
    year = narrative.year
    made = [Part(_("Overview"), paragraphs=paragraphs(narrative.summary))]
    made.append(Part(
        _("Key figures against last year"),
        headings=[_("Area"), _("Figure"), str(year), str(year - 1)],
        rows=[row.cells for row in figure_rows], chart=_share_chart(figure_rows, year)))
    for table in breakdowns:
        made.append(Part(
            table.label,
            headings=[pgettext("report breakdown", "Category"), str(year), str(year - 1)],
            rows=[[label, str(now), str(last)] for label, now, last in table.rows],
            chart=bars_png(table.label, [(label, now, last) for label, now, last in table.rows],
                           year=year) if table.rows else b""))
    made += [Part(_("Achievements and features"), paragraphs=paragraphs(narrative.achievements)),
             Part(_("Problems"), paragraphs=paragraphs(narrative.problems)),
             Part(_("Plans for next year"), paragraphs=paragraphs(narrative.plans))]
    return [Part(f"{ORDINALS[index % 10]}、{part.heading}", part.paragraphs, part.headings,
                 part.rows, part.chart) for index, part in enumerate(made)]


def context(narrative: PartnershipNarrative, figure_rows, breakdowns,
            data_as_of: dt.datetime) -> dict[str, Any]:
    """What both documents show."""
    school = narrative.school
    return {"title": title_of(school, narrative.year), "school": school.name,
            "built_on": long_date(timezone.localdate()),
            "data_as_of": f"{timezone.localtime(data_as_of):%Y-%m-%d %H:%M}",
            "parts": parts(narrative, figure_rows, breakdowns)}


def annual_pdf(data: dict[str, Any]) -> bytes:
    """The annual partnership report as an A4 PDF."""
    return render_pdf(render_to_string("insights/reports/annual_pdf.html", data))


def annual_docx(data: dict[str, Any]) -> bytes:
    """The annual partnership report as an editable Word document."""
    document = word.new_document(
        data["title"], f"{data['school']}　{data['built_on']}",
        _("Figures from the platform's records as of %(when)s.") % {"when": data["data_as_of"]})
    for part in data["parts"]:
        word.add_heading(document, part.heading, 1)
        if part.paragraphs is not None:
            word.add_paragraphs(document, part.paragraphs)
            continue
        if part.chart:
            document.add_picture(io.BytesIO(part.chart), width=Cm(16))
        word.add_table(document, part.headings, part.rows)
    return word.to_bytes(document)
