"""Exports of the innovation record: the staff list of credits (its columns are the import's,
so an export can be edited and imported back), and the log entry of a student's record
exported as a document (PDF or xlsx: personal data, so always logged)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from chanchuang.core import audit
from chanchuang.core.models import AuditEntry, Student, User
from chanchuang.core.tabular.columns import Column
from chanchuang.core.tabular.exporting import Exporter
from chanchuang.innovation.choices import CreditCategory

RECORD_FIELDS = ["student_no", "name", "major", "category", "title", "award", "competition",
                 "earned_on", "credits", "counts"]


class CreditExporter(Exporter):
    """Credits with their student, in the columns of the credits import."""

    title = _("Innovation credits")
    filename = "credits"
    columns = [
        Column("student_no", _("student number"), as_text=True,
               export=lambda c: c.student.student_no),
        Column("name", _("full name"), export=lambda c: c.student.user.real_name),
        Column("department", _("department"), export=lambda c: c.student.department.name),
        Column("category", _("category"), kind="choice", choices=CreditCategory),
        Column("title", pgettext_lazy("credit", "title")),
        Column("competition", _("competition"),
               export=lambda c: str(c.competition) if c.competition_id else ""),
        Column("award", _("award")),
        Column("earned_on", _("date")),
        Column("credits", _("credits")),
    ]


def log_record_export(*, actor: User, student: Student, lines: int,
                      file_format: str) -> AuditEntry:
    """Log that someone exported a student's whole record (who, whose, how many lines)."""
    return audit.record(actor=actor, action="exported", obj=student,
                        school_id=student.school_id,
                        data={"document": "innovation record", "rows": lines,
                              "fields": RECORD_FIELDS, "personal_fields": ["student_no", "name"],
                              "format": file_format})
