"""Exports of the industry colleges and their programmes (with their students, for those
allowed to see them)."""

from django.utils.translation import gettext_lazy as _

from chanchuang.colleges.choices import (
    ProgrammeKind,
)
from chanchuang.core.tabular.columns import Column
from chanchuang.core.tabular.exporting import Exporter


class IndustryCollegeExporter(Exporter):
    """Industry colleges with their members and majors."""

    title = _("Industry colleges")
    filename = "industry-colleges"
    columns = [
        Column("name", _("name")),
        Column("school", _("school"), export=lambda c: c.school.name),
        Column("founded_on", _("founded on")),
        Column("closed_on", _("closed on")),
        Column("founding_agreement", _("founding agreement"),
               export=lambda c: str(c.founding_agreement) if c.founding_agreement_id else ""),
        Column("members", _("member organisations"), export=lambda c: "、".join(
            f"{m.organisation.name}（{m.get_role_display()}）" for m in c.members.all())),
        Column("majors", _("majors served"),
               export=lambda c: "、".join(m.name for m in c.majors.all())),
    ]


class CollegeProgrammeExporter(Exporter):
    """Programmes; their students' names only for those who may see them."""

    title = _("College programmes")
    filename = "college-programmes"
    columns = [
        Column("name", _("name")),
        Column("college", _("industry college"), export=lambda p: p.college.name),
        Column("kind", _("kind"), kind="choice", choices=ProgrammeKind),
        Column("major", _("major"), export=lambda p: p.major.name if p.major_id else ""),
        Column("partner", _("partner enterprise"),
               export=lambda p: p.partner.name if p.partner_id else ""),
        Column("start_year", _("first year")),
        Column("places", _("places")),
        Column("student_count", _("students"), export=lambda p: p.students.count()
               if not hasattr(p, "student_count") else p.student_count),
        Column("students", _("student names"), export=lambda p: "、".join(
            f"{s.student_no} {s.user.real_name}" for s in p.students.all()),
            personal_permission="colleges.view_programme_students"),
    ]
