"""Tables of the mentors app."""

import django_tables2 as tables
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from chanchuang.mentors.choices import AppointmentStatus
from chanchuang.mentors.models import Appointment, Mentor

STATUS_COLOURS = {
    AppointmentStatus.PROPOSED: "yellow", AppointmentStatus.APPROVED: "cyan",
    AppointmentStatus.ACTIVE: "green", AppointmentStatus.EXPIRED: "secondary",
    AppointmentStatus.WITHDRAWN: "red",
}


def status_badge(appointment: Appointment) -> str:
    """An appointment's status as a coloured Tabler badge."""
    return format_html('<span class="badge bg-{}-lt">{}</span>',
                       STATUS_COLOURS[appointment.status], appointment.get_status_display())


class MentorTable(tables.Table):
    """Mentors with their organisation."""

    name = tables.Column(linkify=True, order_by="name_pinyin")
    organisation = tables.Column(default=_("the college"))
    expertise = tables.Column(empty_values=(), orderable=False, verbose_name=_("expertise"))

    class Meta:
        model = Mentor
        fields = ["name", "organisation", "job_title", "expertise", "availability"]

    def render_expertise(self, record):
        return "、".join(tag.name for tag in record.expertise.all()) or "—"


class AppointmentTable(tables.Table):
    """Appointments with their term and status."""

    mentor = tables.Column(linkify=lambda record: record.get_absolute_url(),
                           order_by="mentor__name_pinyin")

    class Meta:
        model = Appointment
        fields = ["mentor", "title", "start_date", "end_date", "serial", "status"]

    def render_status(self, record):
        return status_badge(record)
