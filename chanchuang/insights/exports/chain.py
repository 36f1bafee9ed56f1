"""Export of the outcome chain: one row per graduate with every link, its evidence status and
the flags with their explanations, rendered by core's exporter (names and student numbers are
personal: the export is logged with them)."""

from __future__ import annotations

from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from chanchuang.core.tabular.columns import Column
from chanchuang.core.tabular.exporting import Exporter

PERSONAL = "insights.view_chain"


def _destination(row, read):
    return read(row.destination) if row.destination is not None else ""


class ChainExporter(Exporter):
    """The chain's rows (as filtered on the page)."""

    title = _("Outcome chain")
    filename = "outcome-chain"
    columns = [
        Column("student_no", _("student number"), as_text=True, personal_permission=PERSONAL,
               export=lambda row: row.student.student_no),
        Column("name", _("real name"), personal_permission=PERSONAL,
               export=lambda row: row.student.user.real_name),
        Column("department", _("department"), export=lambda row: row.student.department.name),
        Column("school_class", _("class"), export=lambda row: row.student.school_class.name
               if row.student.school_class_id else ""),
        Column("graduation_year", _("graduation year"),
               export=lambda row: _destination(row, lambda d: d.graduation_year)),
        Column("bootcamp", _("Bootcamp"), export=lambda row: row.bootcamp.text),
        Column("bootcamp_status", _("bootcamp evidence"),
               export=lambda row: row.bootcamp.status_label),
        Column("mentor", _("mentor"), export=lambda row: row.mentor.text),
        Column("mentor_status", _("mentor evidence"), export=lambda row: row.mentor.status_label),
        Column("placement", _("placement"), export=lambda row: row.placement.text),
        Column("placement_status", _("placement evidence"),
               export=lambda row: row.placement.status_label),
        Column("code", pgettext_lazy("outcome chain", "destination code"),
               export=lambda row: _destination(row, lambda d: d.code)),
        Column("destination", _("destination"), export=lambda row: _destination(
            row, lambda d: d.get_code_display())),
        Column("employer", _("employer"), export=lambda row: _destination(
            row, lambda d: d.employer_name)),
        Column("employer_credit_code", _("employer's unified social credit code"),
               as_text=True, export=lambda row: _destination(
                   row, lambda d: d.employer_credit_code)),
        Column("verification", _("verification"), export=lambda row: _destination(
            row, lambda d: d.get_verification_display())),
        Column("hired_by_host", _("hired by the placement host"),
               export=lambda row: gettext("yes") if row.hired_by_host else ""),
        Column("flags", pgettext_lazy("outcome chain", "flags"), export=lambda row: "、".join(
            raised.label for raised in row.flags)),
        Column("explanations", _("why flagged"), export=lambda row: " ".join(
            raised.explanation for raised in row.flags)),
    ]
