"""Exports of the governance lists: councils, seats, meetings, decisions."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from chanchuang.colleges.choices import (
    CouncilKind,
    CouncilPost,
    DecisionStatus,
)
from chanchuang.core.tabular.columns import Column
from chanchuang.core.tabular.exporting import Exporter


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
