"""Exports of the mentors lists: the pool and the appointments (with their letter serials)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from chanchuang.core.tabular.columns import Column
from chanchuang.core.tabular.exporting import Exporter
from chanchuang.mentors.choices import AppointmentStatus


class MentorExporter(Exporter):
    """The mentor pool; phones masked unless the user manages the school's mentors."""

    title = _("Mentor pool")
    filename = "mentors"
    columns = [
        Column("name", _("name")),
        Column("organisation", _("organisation"),
               export=lambda m: m.organisation.name if m.organisation_id else ""),
        Column("job_title", _("job title")),
        Column("expertise", _("expertise"),
               export=lambda m: "、".join(tag.name for tag in m.expertise.all())),
        Column("availability", _("availability")),
        Column("phone", _("phone"), personal_permission="mentors.view_phone"),
        Column("email", _("email address")),
    ]


class AppointmentExporter(Exporter):
    """Appointments with their term, status and letter serial."""

    title = _("Appointments")
    filename = "appointments"
    columns = [
        Column("mentor", _("mentor"), export=lambda a: a.mentor.name),
        Column("organisation", _("organisation"), export=lambda a: a.mentor.organisation.name
               if a.mentor.organisation_id else ""),
        Column("title", pgettext_lazy("appointment", "title"), export=lambda a: a.title.name),
        Column("appointing_body", _("appointing body")),
        Column("start_date", _("start date")),
        Column("end_date", _("end date")),
        Column("status", _("status"), kind="choice", choices=AppointmentStatus),
        Column("serial", _("letter serial number")),
    ]
