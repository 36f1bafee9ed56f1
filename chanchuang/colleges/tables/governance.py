"""Tables of governance."""

import django_tables2 as tables
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from chanchuang.colleges.choices import DecisionStatus
from chanchuang.colleges.models import Council, CouncilSeat, Decision, Meeting

DECISION_COLOURS = {DecisionStatus.OPEN: "yellow", DecisionStatus.DONE: "green",
                    DecisionStatus.DROPPED: "secondary"}


def decision_badge(decision: Decision) -> str:
    """A decision's status as a badge; an open one past its due date says it is overdue."""
    if decision.status == DecisionStatus.OPEN and decision.due_on \
            and decision.due_on < timezone.localdate():
        return format_html('<span class="badge bg-red-lt">{}</span>', _("Overdue"))
    return format_html('<span class="badge bg-{}-lt">{}</span>',
                       DECISION_COLOURS[decision.status], decision.get_status_display())


class CouncilTable(tables.Table):
    """Councils and committees with their college and number of seats."""

    name = tables.Column(linkify=True)
    seat_count = tables.Column(verbose_name=_("members"))

    class Meta:
        model = Council
        fields = ["name", "college", "kind", "seat_count"]


class CouncilSeatTable(tables.Table):
    """Seats with their party, post and term."""

    council = tables.Column(linkify=True)
    organisation = tables.Column(default=_("the school"))

    class Meta:
        model = CouncilSeat
        fields = ["name", "council", "organisation", "job_title", "post", "term_start",
                  "term_end"]


class MeetingTable(tables.Table):
    """Meetings with their council and date."""

    title = tables.Column(linkify=True)

    class Meta:
        model = Meeting
        fields = ["title", "council", "held_on", "place"]


class DecisionTable(tables.Table):
    """Decisions with their owner, due date and status."""

    text = tables.Column(linkify=lambda record: record.get_absolute_url(),
                         verbose_name=pgettext_lazy("meeting", "decision"))
    owner = tables.Column(accessor="owner__real_name", verbose_name=_("owner"))

    class Meta:
        model = Decision
        fields = ["text", "meeting", "owner", "due_on", "status", "done_on"]

    def render_status(self, record):
        return decision_badge(record)
