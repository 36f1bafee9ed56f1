"""What the mentors app has waiting on the home page: proposed appointments for school staff to
approve. And a mentor's figure: their hours this year."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from chanchuang.core.choices import Role
from chanchuang.core.todos import (
    Figure,
    ToDo,
    in_schools,
    managed_schools,
    register,
    register_figures,
)
from chanchuang.mentors.choices import AppointmentStatus
from chanchuang.mentors.models import Activity, Appointment, Mentor


@register
def appointment_todos(user, scope) -> list[ToDo]:
    """School staff: appointments proposed and waiting for approval, by their start."""
    schools = managed_schools(scope)
    if schools is not None and not schools:
        return []
    proposed = in_schools(Appointment.objects.visible_to(user), schools).filter(
        status=AppointmentStatus.PROPOSED).select_related("mentor", "title").order_by(
        "start_date", "pk")
    return [ToDo(what=_("Approve the appointment: %(appointment)s")
                 % {"appointment": appointment},
                 detail=_("Term %(start)s to %(end)s.") % {"start": appointment.start_date,
                                                            "end": appointment.end_date},
                 due=appointment.start_date, url=appointment.get_absolute_url(),
                 icon="id-badge")
            for appointment in proposed]


@register_figures
def mentor_figures(user, scope) -> list[Figure]:
    """A mentor: the hours of teaching and coaching recorded for them this year."""
    if not scope.mentor_schools:
        return []
    year = timezone.localdate().year
    mentor = Mentor.objects.visible_to(user).filter(user=user).first()
    hours = Activity.objects.visible_to(user).filter(
        mentor=mentor, happened_on__year=year).aggregate(hours=Sum("hours"))["hours"] \
        if mentor else None
    return [Figure(Role.MENTOR, 30, _("Hours this year"), f"{hours or Decimal(0):g}",
                   mentor.get_absolute_url() if mentor else "",
                   _("recorded in %(year)d") % {"year": year})]
