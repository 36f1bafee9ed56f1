"""Documents of the carbon app: each student's graded compliance report (实训成绩报告) as a PDF
through the platform's one renderer (``core.pdf.render_pdf``), and the instructor's zip of
every student's report. The figures come from ``queries.results`` (one computation for the
whole session, so the zip runs the same queries as one report)."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from chanchuang.carbon.models import Investment, Participant, Simulation
from chanchuang.carbon.queries.results import CompanyResult
from chanchuang.core.pdf import render_pdf


def long_date(value) -> str:
    """2026年1月5日."""
    return f"{value.year}年{value.month}月{value.day}日"


def yuan(value) -> str:
    return "—" if value is None else f"{value:,.2f}"


def tonnes(value) -> str:
    return "—" if value is None else f"{int(value):,}"


@dataclass(frozen=True)
class Part:
    """A part of the report: a heading with a table (or paragraphs), as
    ``core/report_pdf.html`` lays it out."""

    heading: str
    headings: list[str] | None = None
    rows: list[list[str]] | None = None
    paragraphs: list[str] | None = None


def _years(result: CompanyResult) -> Part:
    headings = [_("Year"), _("Emissions (t)"), _("Allocation (t)"), _("Surrendered CEA (t)"),
                _("Surrendered CCER (t)"), _("Shortfall (t)"), _("Penalty (yuan)"),
                _("Report")]
    rows = []
    for year in result.years:
        if year.reported_day is None:
            report = _("not yet reported")
        else:
            report = _("late") if year.reported_late else _("on time")
        rows.append([str(year.year), tonnes(year.verified_emissions or year.emissions),
                     tonnes(year.allocated), tonnes(year.surrendered_cea),
                     tonnes(year.surrendered_ccer),
                     tonnes(year.shortfall) if year.settled else _("not settled"),
                     yuan(year.penalty) if year.settled else "—", str(report)])
    return Part(_("Compliance year by year"), headings, rows)


def _trading(result: CompanyResult) -> Part:
    headings = [_("Item"), _("Tonnes"), _("Value (yuan)"), _("Average price (yuan/t)")]
    rows = [
        [_("Allowances bought"), tonnes(result.bought), yuan(result.bought_value),
         yuan(result.average_buy)],
        [_("Allowances sold"), tonnes(result.sold), yuan(result.sold_value),
         yuan(result.average_sell)],
        [_("Offsets (CCER) bought"), tonnes(result.ccer_tonnes), yuan(result.ccer_cost),
         yuan(result.ccer_cost / result.ccer_tonnes) if result.ccer_tonnes else "—"],
    ]
    return Part(_("Trading"), headings, rows)


def _abatements(investments: list[Investment]) -> Part:
    headings = [_("Abatement"), _("Cost (yuan)"), _("Intensity cut (tCO₂/MWh)"),
                _("Invested on day"), _("Effective from day")]
    rows = [[inv.option.name, yuan(inv.option.cost), str(inv.option.reduction),
             str(inv.day + 1), str(inv.effective_day + 1)] for inv in investments]
    return Part(_("Abatement"), headings, rows)


def _cost(result: CompanyResult, companies: int) -> Part:
    headings = [_("Item"), _("Amount")]
    rows = [
        [_("Abatement (yuan)"), yuan(result.abatement)],
        [_("CCER bought (yuan)"), yuan(result.ccer_cost)],
        [_("Allowances bought (yuan)"), yuan(result.bought_value)],
        [_("Allowances sold (yuan)"), "−" + yuan(result.sold_value)],
        [_("Penalties, paid and unpaid (yuan)"), yuan(result.penalties)],
        [_("Compliance cost (yuan)"), yuan(result.cost)],
        [_("Verified emissions (t)"), tonnes(result.verified)],
        [_("Cost per tonne (yuan/t)"), yuan(result.cost_per_tonne)],
        [_("Compliance achieved"), "—" if result.achieved is None else f"{result.achieved}%"],
        [_("Rank"), _("%(rank)s of %(companies)s") % {"rank": result.rank,
                                                      "companies": companies}],
    ]
    return Part(_("Compliance cost and rank"), headings, rows)


def _grade(result: CompanyResult) -> Part:
    grade = result.grade
    if grade is None:
        return Part(_("Grade"), paragraphs=[_("Not graded yet: no compliance year has been "
                                              "settled.")])
    headings = [_("Part"), _("Points"), _("Out of")]
    rows = [[_("Compliance achieved"), str(grade.compliance), "60"],
            [_("Reports on time"), str(grade.reports), "10"],
            [_("Cost efficiency"), str(grade.cost), "30"],
            [_("Total"), f"{grade.total}（{grade.word}）", "100"]]
    return Part(_("Grade"), headings, rows)


def report_context(simulation: Simulation, participant: Participant, result: CompanyResult,
                   *, companies: int, investments: list[Investment]) -> dict[str, Any]:
    """What a student's report shows."""
    company = result.company
    student = getattr(participant.user, "student", None)
    school_class = (student.school_class if student and student.school_class
                    else simulation.school_class)
    facts = [
        (_("Student"), participant.user.real_name or participant.user.username),
        (_("Student number"), student.student_no if student else "—"),
        (_("Class"), str(school_class) if school_class else "—"),
        (_("Session"), simulation.name),
        (_("Company"), company.name),
        (_("Unit"), f"{company.get_category_display()} · {company.capacity_mw} MW"),
        (_("Teammates"), "、".join(p.user.real_name for p in result.participants
                                   if p.pk != participant.pk) or "—"),
    ]
    grade = result.grade
    return {
        "title": _("Carbon-trading training: graded compliance report"),
        "school": simulation.school.name,
        "built_on": long_date(timezone.localdate()),
        "facts": facts,
        "grade": grade,
        "parts": [_years(result), _trading(result), _abatements(investments),
                  _cost(result, companies), _grade(result)],
    }


def report_pdf(context: dict[str, Any]) -> bytes:
    """A student's graded report as an A4 PDF."""
    return render_pdf(render_to_string("carbon/results/report_pdf.html", context))


def report_filename(simulation: Simulation, participant: Participant) -> str:
    student = getattr(participant.user, "student", None)
    who = student.student_no if student else str(participant.pk)
    return f"carbon-report-{simulation.pk}-{who}.pdf"


def reports_zip(simulation: Simulation, results: list[CompanyResult],
                investments: dict[int, list[Investment]]) -> tuple[bytes, int]:
    """Every student's report in one zip (``results`` read with the names shown); the bytes
    and the number of reports."""
    out = io.BytesIO()
    count = 0
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for result in results:
            for participant in result.participants:
                context = report_context(simulation, participant, result,
                                         companies=len(results),
                                         investments=investments.get(result.company.pk, []))
                archive.writestr(report_filename(simulation, participant), report_pdf(context))
                count += 1
    return out.getvalue(), count
