"""The session workbook (实训数据) for the instructor's analysis: one sheet per record of the
session — orders, trades with both parties, the ledger, companies with their students and
results, compliance years, trading days and the log — each sheet an ``Exporter`` of core's
(formulas neutralised), written to one workbook. Students' names are personal data: every
export is written to the audit log (``log_workbook_export``)."""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from chanchuang.carbon.models import (
    ComplianceYear,
    Entry,
    Event,
    MarketDay,
    Order,
    Simulation,
    Trade,
)
from chanchuang.carbon.queries.results import CompanyResult, describe, results_of, when
from chanchuang.core import audit
from chanchuang.core.models import AuditEntry, User
from chanchuang.core.tabular.columns import Column
from chanchuang.core.tabular.exporting import Exporter

PERSONAL_FIELDS = ["students", "student_numbers"]


def _heading(sheet, text: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=text)
    cell.font = Font(bold=True)
    return cell


def _day(day: int) -> int:
    return day + 1  # trading days are shown from 1


class OrderSheet(Exporter):
    """Every order of the session."""

    title = gettext_lazy("Orders")
    filename = "orders"
    columns = [
        Column("id", gettext_lazy("order")),
        Column("day", gettext_lazy("trading day"), export=lambda o: _day(o.day)),
        Column("elapsed", gettext_lazy("running time (s)"), export=lambda o: round(o.elapsed, 2)),
        Column("company", gettext_lazy("company"), export=lambda o: o.company.name),
        Column("mode", gettext_lazy("trading mode"), export=lambda o: o.get_mode_display()),
        Column("side", gettext_lazy("side"), export=lambda o: o.get_side_display()),
        Column("price", gettext_lazy("price (yuan/t)")),
        Column("quantity", gettext_lazy("quantity (t)")),
        Column("remaining", gettext_lazy("remaining (t)")),
        Column("counterparty", gettext_lazy("counterparty"),
               export=lambda o: o.counterparty.name if o.counterparty_id else ""),
        Column("state", gettext_lazy("state"), export=lambda o: o.get_state_display()),
    ]


class TradeSheet(Exporter):
    """Every trade, with both parties."""

    title = gettext_lazy("Trades")
    filename = "trades"
    columns = [
        Column("id", gettext_lazy("trade")),
        Column("day", gettext_lazy("trading day"), export=lambda t: _day(t.day)),
        Column("elapsed", gettext_lazy("running time (s)"), export=lambda t: round(t.elapsed, 2)),
        Column("mode", gettext_lazy("trading mode"), export=lambda t: t.get_mode_display()),
        Column("buyer", gettext_lazy("buyer"), export=lambda t: t.buyer.name),
        Column("seller", gettext_lazy("seller"), export=lambda t: t.seller.name),
        Column("price", gettext_lazy("price (yuan/t)")),
        Column("quantity", gettext_lazy("quantity (t)")),
        Column("value", gettext_lazy("value (yuan)"), export=lambda t: t.value),
        Column("buy_order", gettext_lazy("buy order"), export=lambda t: t.buy_order_id),
        Column("sell_order", gettext_lazy("sell order"), export=lambda t: t.sell_order_id),
    ]


class LedgerSheet(Exporter):
    """Every ledger entry, with its transfer's kind, day and account."""

    title = gettext_lazy("Ledger")
    filename = "ledger"
    columns = [
        Column("transfer", gettext_lazy("transfer"), export=lambda e: e.transfer_id),
        Column("kind", gettext_lazy("kind"), export=lambda e: e.transfer.get_kind_display()),
        Column("day", gettext_lazy("trading day"), export=lambda e: _day(e.transfer.day)),
        Column("year", gettext_lazy("year"), export=lambda e: e.transfer.year),
        Column("account", gettext_lazy("account"),
               export=lambda e: e.company.name if e.company_id else e.get_system_display()),
        Column("asset", gettext_lazy("asset"), export=lambda e: e.get_asset_display()),
        Column("frozen", gettext_lazy("frozen"), export=lambda e: _("yes") if e.frozen else ""),
        Column("amount", gettext_lazy("amount"), export=lambda e: e.value),
        Column("note", gettext_lazy("note"), export=lambda e: e.transfer.note),
    ]


class CompanySheet(Exporter):
    """Companies with their students and results (rows are ``CompanyResult``)."""

    title = gettext_lazy("Companies")
    filename = "companies"
    columns = [
        Column("rank", gettext_lazy("rank")),
        Column("company", gettext_lazy("company"), export=lambda r: r.company.name),
        Column("category", gettext_lazy("category"),
               export=lambda r: r.company.get_category_display()),
        Column("capacity", gettext_lazy("capacity (MW)"), export=lambda r: r.company.capacity_mw),
        Column("bot", gettext_lazy("simulated trader"),
               export=lambda r: r.company.get_bot_display() if r.company.bot else ""),
        Column("students", gettext_lazy("students"), export=lambda r: r.names),
        Column("student_numbers", gettext_lazy("student numbers"), as_text=True,
               export=lambda r: "、".join(p.user.student.student_no for p in r.participants
                                         if hasattr(p.user, "student"))),
        Column("achieved", gettext_lazy("compliance achieved (%)")),
        Column("shortfall", gettext_lazy("shortfall (t)")),
        Column("penalties", gettext_lazy("penalties (yuan)")),
        Column("reports_late", gettext_lazy("reports late")),
        Column("abatement", gettext_lazy("abatement (yuan)")),
        Column("ccer_cost", gettext_lazy("CCER bought (yuan)")),
        Column("bought_value", gettext_lazy("allowances bought (yuan)")),
        Column("sold_value", gettext_lazy("allowances sold (yuan)")),
        Column("cost", gettext_lazy("compliance cost (yuan)")),
        Column("verified", gettext_lazy("verified emissions (t)")),
        Column("cost_per_tonne", gettext_lazy("cost per tonne (yuan/t)")),
        Column("grade", gettext_lazy("grade"),
               export=lambda r: r.grade.total if r.grade else None),
        Column("grade_word", gettext_lazy("grade word"),
               export=lambda r: r.grade.word if r.grade else ""),
    ]


class YearSheet(Exporter):
    """Every company's compliance years."""

    title = gettext_lazy("Compliance")
    filename = "compliance"
    columns = [
        Column("company", gettext_lazy("company"), export=lambda y: y.company.name),
        Column("year", gettext_lazy("year")),
        Column("output_mwh", gettext_lazy("electricity supplied (MWh)")),
        Column("emissions", gettext_lazy("emissions (t)")),
        Column("verified_emissions", gettext_lazy("verified emissions (t)")),
        Column("pre_allocated", gettext_lazy("pre-allocated (t)")),
        Column("trued_up", gettext_lazy("true-up (t)")),
        Column("deducted", gettext_lazy("deducted (t)")),
        Column("obligation", gettext_lazy("obligation (t)")),
        Column("reported_day", gettext_lazy("reported on day"),
               export=lambda y: _day(y.reported_day) if y.reported_day is not None else None),
        Column("reported_late", gettext_lazy("reported late"),
               export=lambda y: _("yes") if y.reported_late else ""),
        Column("surrendered_cea", gettext_lazy("allowances surrendered (t)")),
        Column("surrendered_ccer", gettext_lazy("offsets surrendered (t)")),
        Column("shortfall", gettext_lazy("shortfall (t)")),
        Column("penalty_price", gettext_lazy("penalty price (yuan/t)")),
        Column("penalty", gettext_lazy("penalty (yuan)")),
        Column("penalty_unpaid", gettext_lazy("penalty unpaid (yuan)")),
    ]


class DaySheet(Exporter):
    """The trading days' prices and volumes."""

    title = gettext_lazy("Trading days")
    filename = "days"
    columns = [
        Column("day", gettext_lazy("trading day"), export=lambda d: _day(d.day)),
        Column("year", gettext_lazy("year")),
        Column("month", gettext_lazy("month")),
        Column("reference", gettext_lazy("reference price")),
        Column("open", gettext_lazy("open")),
        Column("high", gettext_lazy("high")),
        Column("low", gettext_lazy("low")),
        Column("close", gettext_lazy("close")),
        Column("volume", gettext_lazy("volume (t)")),
        Column("block_volume", gettext_lazy("block volume (t)")),
    ]


class EventSheet(Exporter):
    """The session's log."""

    title = gettext_lazy("Log")
    filename = "log"
    columns = [
        Column("elapsed", gettext_lazy("running time (s)"), export=lambda e: round(e.elapsed, 2)),
        Column("when", gettext_lazy("simulated time"),
               export=lambda e: when(e.simulation, e.elapsed)),
        Column("kind", gettext_lazy("kind"), export=lambda e: e.get_kind_display()),
        Column("text", gettext_lazy("details"), export=describe),
        Column("actor", gettext_lazy("by"),
               export=lambda e: (e.actor.real_name or e.actor.username) if e.actor else ""),
    ]


def sheets(simulation: Simulation, results: list[CompanyResult]
           ) -> list[tuple[Exporter, Iterable[Any]]]:
    """Each sheet with its rows, in the workbook's order."""
    def with_session(events):
        for event in events:
            event.simulation = simulation
            yield event

    return [
        (OrderSheet(), Order.objects.filter(simulation=simulation)
         .select_related("company", "counterparty").order_by("pk").iterator(chunk_size=2000)),
        (TradeSheet(), Trade.objects.filter(simulation=simulation)
         .select_related("buyer", "seller").order_by("pk").iterator(chunk_size=2000)),
        (LedgerSheet(), Entry.objects.filter(transfer__simulation=simulation)
         .select_related("transfer", "company").order_by("transfer_id", "pk")
         .iterator(chunk_size=2000)),
        (CompanySheet(), results),
        (YearSheet(), ComplianceYear.objects.filter(company__simulation=simulation)
         .select_related("company").order_by("company__number", "year")),
        (DaySheet(), MarketDay.objects.filter(simulation=simulation).order_by("day")),
        (EventSheet(), with_session(Event.objects.filter(simulation=simulation)
                                    .select_related("actor").order_by("elapsed", "pk"))),
    ]


def session_workbook(simulation: Simulation, user: User) -> tuple[bytes, dict[str, int]]:
    """The session's workbook (for who may export it: names are shown); its bytes and the
    number of rows of each sheet."""
    book = Workbook(write_only=True)
    counts: dict[str, int] = {}
    for exporter, objects in sheets(simulation, results_of(simulation, user)):
        sheet = book.create_sheet(str(exporter.title))
        sheet.append([_heading(sheet, str(column.title)) for column in exporter.columns])
        count = 0
        for row in exporter.rows(objects, user):
            sheet.append(row)
            count += 1
        counts[exporter.filename] = count
    out = io.BytesIO()
    book.save(out)
    return out.getvalue(), counts


def log_workbook_export(*, actor: User, simulation: Simulation,
                        counts: dict[str, int]) -> AuditEntry:
    """Log the session workbook's export (it carries the students' names): who, which session,
    the rows of each sheet."""
    return audit.record(actor=actor, action="exported", obj=simulation,
                        school_id=simulation.school_id,
                        data={"document": "carbon session workbook",
                              "rows": sum(counts.values()), "sheets": counts,
                              "personal_fields": PERSONAL_FIELDS, "format": "xlsx"})


def log_report_export(*, actor: User, simulation: Simulation, reports: int,
                      file_format: str) -> AuditEntry:
    """Log graded reports downloaded (one student's PDF, or the zip of all)."""
    return audit.record(actor=actor, action="exported", obj=simulation,
                        school_id=simulation.school_id,
                        data={"document": "carbon graded reports", "rows": reports,
                              "personal_fields": ["student", "student_number"],
                              "format": file_format})
