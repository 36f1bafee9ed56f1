"""The annual construction report (年度建设报告) as documents: a PDF through the platform's one
renderer (``core.pdf.render_pdf``; its charts drawn here as inline SVG, since WeasyPrint runs no
script) and an editable Word document (python-docx) with the same headings, narrative and
tables, which is what goes up the line."""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from chanchuang.colleges.models import AnnualReport
from chanchuang.colleges.queries.indicators import STATUS_COLUMN_TITLES, Scorecard, number
from chanchuang.core import word
from chanchuang.core.pdf import render_pdf


def long_date(value) -> str:
    """2026年1月5日."""
    return f"{value.year}年{value.month}月{value.day}日" if value else ""


def paragraphs(text: str) -> list[str]:
    """A narrative as its paragraphs (one per non-empty line)."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


@dataclass(frozen=True)
class Section:
    """A narrative section of the report: its heading and paragraphs."""

    heading: str
    paragraphs: list[str]


def sections(report: AnnualReport) -> dict[str, Section]:
    """The narrative sections staff write, by field."""
    return {
        "summary": Section(_("Overview"), paragraphs(report.summary)),
        "achievements": Section(_("Achievements and features"),
                                paragraphs(report.achievements)),
        "problems": Section(_("Problems"), paragraphs(report.problems)),
        "plans": Section(_("Plans for next year"), paragraphs(report.plans)),
    }


def indicator_table(card: Scorecard) -> tuple[list[str], list[list[str]]]:
    """The indicators against the year's targets: headings and rows."""
    headings = [_("Indicator"), _("Construction task"), _("Unit"), _("Target"), _("Achieved"),
                _("Achieved (%)")]
    rows = [[str(row.indicator.label), str(row.indicator.task_label), str(row.indicator.unit),
             row.target_text, row.achieved_text, row.percent_text] for row in card.rows]
    return headings, rows


def category_table(card: Scorecard) -> tuple[list[str], list[list[str]]]:
    """The selection-table categories: weight and score."""
    headings = [_("Category"), _("Weight"), _("Score")]
    rows = [[str(s.category.label), str(s.category.weight), number(s.score)]
            for s in card.scores]
    rows.append([_("Total"), str(card.out_of), number(card.total)])
    return headings, rows


def status_table(card: Scorecard) -> tuple[list[str], list[list[str]]]:
    """The 高职 status-data school–enterprise table of the year."""
    return ([str(title) for title in STATUS_COLUMN_TITLES],
            [[str(cell) for cell in row.cells()] for row in card.status_rows])


def promised_table(card: Scorecard) -> tuple[list[str], list[list[str]]]:
    """What the founding agreement's parties promised and the ledger shows delivered."""
    headings = [_("Party"), _("Commitment"), _("Promised"), _("Delivered")]
    rows = [[c.party.name, c.get_kind_display(), f"{number(c.target)} {c.unit}",
             f"{number(c.delivered)} {c.unit}"] for c in card.promised]
    return headings, rows


# --- Charts, drawn as SVG for the PDF --------------------------------------------------------

def radar_svg(card: Scorecard, width: int = 480, height: int = 330) -> SafeString:
    """The selection-table categories as a radar: each axis the category's share of its
    weight (0–100%), with the grid at 25% steps and the labels outside."""
    scores = card.scores
    centre_x, centre_y, radius = width / 2, height / 2, height / 2 - 45
    count = len(scores)

    def point(index: int, fraction: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * index / count
        return (centre_x + radius * fraction * math.cos(angle),
                centre_y + radius * fraction * math.sin(angle))

    def polygon(fractions: list[float]) -> str:
        return " ".join(f"{x:.1f},{y:.1f}" for x, y in (point(i, f)
                                                        for i, f in enumerate(fractions)))

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" font-size="10">']
    for step in (0.25, 0.5, 0.75, 1):
        parts.append(f'<polygon points="{polygon([step] * count)}" fill="none" '
                     f'stroke="#c8d3e1" stroke-width="0.8"/>')
    for index, score in enumerate(scores):
        x, y = point(index, 1)
        parts.append(f'<line x1="{centre_x}" y1="{centre_y}" x2="{x:.1f}" y2="{y:.1f}" '
                     f'stroke="#c8d3e1" stroke-width="0.8"/>')
        lx, ly = point(index, 1.12)
        anchor = "middle" if abs(lx - centre_x) < 5 else ("start" if lx > centre_x else "end")
        parts.append(f'<text x="{lx:.1f}" y="{ly + 4:.1f}" text-anchor="{anchor}">'
                     f'{escape(score.category.label)} {number(score.score)}/'
                     f'{score.category.weight}</text>')
    parts.append(f'<polygon points="{polygon([float(s.share) / 100 for s in scores])}" '
                 f'fill="#206bc4" fill-opacity="0.25" stroke="#206bc4" stroke-width="1.5"/>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # numbers and escaped labels only


def bars_svg(card: Scorecard, width: int = 620) -> SafeString:
    """The indicators that have a target as horizontal bars of their achievement (%), the
    100% line marked; bars beyond 150% are drawn at 150%."""
    rows = [row for row in card.rows if row.target is not None]
    if not rows:
        return mark_safe("")
    label_width, bar_height, gap = 200, 14, 6
    scale = (width - label_width - 50) / 150
    height = len(rows) * (bar_height + gap) + 10
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" font-size="9">']
    for index, row in enumerate(rows):
        y = 5 + index * (bar_height + gap)
        value = float(min(row.percent or Decimal(0), Decimal(150)))
        colour = "#2fb344" if row.met else "#f59f00"
        parts.append(f'<text x="{label_width - 6}" y="{y + bar_height - 3}" '
                     f'text-anchor="end">{escape(row.indicator.label)}</text>')
        parts.append(f'<rect x="{label_width}" y="{y}" width="{value * scale:.1f}" '
                     f'height="{bar_height}" fill="{colour}"/>')
        parts.append(f'<text x="{label_width + value * scale + 4:.1f}" '
                     f'y="{y + bar_height - 3}">{escape(row.percent_text)}</text>')
    hundred = label_width + 100 * scale
    parts.append(f'<line x1="{hundred:.1f}" y1="0" x2="{hundred:.1f}" y2="{height}" '
                 f'stroke="#1d273b" stroke-dasharray="3,2" stroke-width="0.8"/>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # numbers and escaped labels only


# --- The documents ---------------------------------------------------------------------------

def title_of(report: AnnualReport) -> str:
    return _("%(college)s annual construction report %(year)s") % {
        "college": report.college.name, "year": report.year}


ORDINALS = "一二三四五六七八九十"


@dataclass(frozen=True)
class Part:
    """A numbered part of the report: a narrative section (``paragraphs``) or a table
    (``headings`` and ``rows``), with the chart the PDF draws beside it (``chart``)."""

    heading: str
    paragraphs: list[str] | None = None
    headings: list[str] | None = None
    rows: list[list[str]] | None = None
    chart: str = ""


def parts(report: AnnualReport, card: Scorecard) -> list[Part]:
    """The report's parts in order: the overview, the generated tables, then the rest of the
    narrative."""
    narrative = sections(report)
    tables = [
        (_("Indicators against the year's targets"), indicator_table(card), "bars"),
        (_("Selection-table categories"), category_table(card), "radar"),
        (_("School–enterprise cooperation (status data)"), status_table(card), ""),
        (_("Commitments of the founding agreement"), promised_table(card), ""),
    ]
    made = [Part(narrative["summary"].heading, paragraphs=narrative["summary"].paragraphs)]
    made += [Part(heading, headings=table[0], rows=table[1], chart=chart)
             for heading, table, chart in tables]
    made += [Part(narrative[name].heading, paragraphs=narrative[name].paragraphs)
             for name in ("achievements", "problems", "plans")]
    return [Part(f"{ORDINALS[index]}、{part.heading}", part.paragraphs, part.headings,
                 part.rows, part.chart) for index, part in enumerate(made)]


def context(report: AnnualReport, card: Scorecard) -> dict[str, Any]:
    """What both documents show."""
    return {"report": report, "title": title_of(report),
            "school": report.college.school.name, "built_on": long_date(timezone.localdate()),
            "card": card, "parts": parts(report, card)}


def render_report_pdf(report: AnnualReport, card: Scorecard) -> bytes:
    """The report as an A4 PDF."""
    html = render_to_string("colleges/reports/report_pdf.html", {
        **context(report, card), "radar": radar_svg(card), "bars": bars_svg(card)})
    return render_pdf(html)


def render_report_docx(report: AnnualReport, card: Scorecard) -> bytes:
    """The report as an editable Word document: the same headings, narrative and tables."""
    data = context(report, card)
    document = word.new_document(data["title"], f"{data['school']}　{data['built_on']}")
    for part in data["parts"]:
        word.add_heading(document, part.heading, 1)
        if part.paragraphs is not None:
            word.add_paragraphs(document, part.paragraphs)
        else:
            word.add_table(document, part.headings, part.rows)
    return word.to_bytes(document)
