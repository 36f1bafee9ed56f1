"""Word (.docx) documents for reports that go up the line and get edited there: the one way the
platform writes them (python-docx), with the CJK font set on every run so that Word shows
Chinese in 宋体 and the rest in the PDF's font."""

from __future__ import annotations

import io

from django.utils.translation import gettext as _
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

FONT = "Noto Sans CJK SC"
EAST_ASIAN_FONT = "宋体"


def styled(run, size: float | None = None, bold: bool = False):
    """Give a run the report font (and its East Asian face), a size and weight."""
    run.font.name = FONT
    run.font.bold = bold
    if size:
        run.font.size = Pt(size)
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), EAST_ASIAN_FONT)
    return run


def new_document(title: str, *bylines: str):
    """A document in the report font with its centred title and byline(s) (the first at
    11 pt, any further ones smaller)."""
    document = Document()
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), EAST_ASIAN_FONT)
    document.core_properties.title = title
    for text, size, bold in [(title, 20, True), *((line, 11 if i == 0 else 9, False)
                                                   for i, line in enumerate(bylines))]:
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        styled(paragraph.add_run(text), size, bold=bold)
    return document


def add_heading(document, text: str, level: int) -> None:
    """A section heading (level 1 or 2)."""
    heading = document.add_heading(level=level)
    styled(heading.add_run(text), 16 if level == 1 else 13, bold=True)


def add_paragraphs(document, paragraphs: list[str]) -> None:
    """Narrative paragraphs with a first-line indent ("not written" when there are none)."""
    if not paragraphs:
        document.add_paragraph(_("(Not written.)"))
    for text in paragraphs:
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.first_line_indent = Pt(21)
        styled(paragraph.add_run(text), 10.5)


def add_table(document, headings: list[str], rows: list[list[str]]) -> None:
    """A gridded table with bold headings ("none recorded" when there are no rows)."""
    if not rows:
        document.add_paragraph(_("None recorded."))
        return
    table = document.add_table(rows=1, cols=len(headings))
    table.style = "Table Grid"
    for cell, heading in zip(table.rows[0].cells, headings, strict=True):
        cell.text = ""
        styled(cell.paragraphs[0].add_run(heading), 9, bold=True)
    for row in rows:
        for cell, value in zip(table.add_row().cells, row, strict=True):
            cell.text = ""
            styled(cell.paragraphs[0].add_run(value), 9)


def to_bytes(document) -> bytes:
    """The document as the bytes of a .docx file."""
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
