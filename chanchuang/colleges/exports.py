"""Exports of the colleges lists (colleges, programmes with their students for those allowed,
councils, seats, meetings, decisions, co-developed work). Co-developed work exports the columns
its import reads, so an exported file can be corrected and imported again."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from chanchuang.colleges import imports
from chanchuang.colleges.choices import (
    ContributionStatus,
    CouncilKind,
    CouncilPost,
    DecisionStatus,
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


class CouncilExporter(Exporter):
    """Councils and committees."""

    title = _("Councils and committees")
    filename = "councils"
    columns = [
        Column("name", _("name")),
        Column("college", _("industry college"), export=lambda c: c.college.name),
        Column("kind", _("kind"), kind="choice", choices=CouncilKind),
        Column("seat_count", _("members"), export=lambda c: c.seat_count),
        Column("charter", _("charter")),
    ]


class CouncilSeatExporter(Exporter):
    """Seats of councils and committees."""

    title = _("Council members")
    filename = "council-members"
    columns = [
        Column("name", _("name")),
        Column("council", _("council"), export=lambda s: s.council.name),
        Column("college", _("industry college"), export=lambda s: s.council.college.name),
        Column("organisation", _("organisation"),
               export=lambda s: s.organisation.name if s.organisation_id else "学校"),
        Column("job_title", _("job title")),
        Column("post", _("post"), kind="choice", choices=CouncilPost),
        Column("term_start", _("term starts")),
        Column("term_end", _("term ends")),
    ]


class MeetingExporter(Exporter):
    """Meetings with agenda and minutes."""

    title = _("Meetings")
    filename = "meetings"
    columns = [
        Column("title", _("title")),
        Column("council", _("council"), export=lambda m: m.council.name),
        Column("held_on", _("date")),
        Column("place", _("place")),
        Column("agenda", _("agenda")),
        Column("minutes", _("minutes")),
    ]


class DecisionExporter(Exporter):
    """Decisions with their owner and due date."""

    title = _("Decisions")
    filename = "decisions"
    columns = [
        Column("text", pgettext_lazy("meeting", "decision")),
        Column("meeting", _("meeting"), export=lambda d: str(d.meeting)),
        Column("owner", _("owner"),
               export=lambda d: (d.owner.real_name or d.owner.username) if d.owner_id else ""),
        Column("due_on", _("due date")),
        Column("status", _("status"), kind="choice", choices=DecisionStatus),
        Column("done_on", _("done on")),
        Column("outcome", _("outcome")),
    ]


class ContributionExporter(Exporter):
    """Co-developed work, as the import's sheet, with its status."""

    title = imports.ContributionSheet.title
    filename = "co-developed-work"
    columns = [*imports.COLUMNS,
               Column("status", _("status"), kind="choice", choices=ContributionStatus)]
