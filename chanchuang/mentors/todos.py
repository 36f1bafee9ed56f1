"""What the mentors app has waiting on the home page: proposed appointments for school staff to
approve. And a mentor's figure: their hours this year."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from chanchuang.core import todos
from chanchuang.core.choices import Role
from chanchuang.mentors.choices import AppointmentStatus
from chanchuang.mentors.models import Activity, Appointment, Mentor


@todos.register
def appointment_todos(user, scope) -> list[todos.ToDo]:
    """School staff: appointments proposed and waiting for approval, by their start."""
    appointments = todos.managed(Appointment.objects.visible_to(user), scope)
    if appointments is None:
        return []
    proposed = appointments.filter(status=AppointmentStatus.PROPOSED).select_related(
        "mentor", "title").order_by("start_date", "pk")
    return [todos.ToDo(what=_("Approve the appointment: %(appointment)s")
                       % {"appointment": appointment},
                       detail=_("Term %(start)s to %(end)s.") % {"start": appointment.start_date,
                                                                  "end": appointment.end_date},
                       due=appointment.start_date, url=appointment.get_absolute_url(),
                       icon="id-badge")
            for appointment in proposed]


@todos.register_figures
def mentor_figures(user, scope) -> list[todos.Figure]:
    """A mentor: the hours of teaching and coaching recorded for them this year."""
    if not scope.mentor_schools:
        return []
    year = timezone.localdate().year
    mentor = Mentor.objects.visible_to(user).filter(user=user).first()
    hours = Activity.objects.visible_to(user).filter(
        mentor=mentor, happened_on__year=year).aggregate(hours=Sum("hours"))["hours"] \
        if mentor else None
    return [todos.Figure(Role.MENTOR, 30, _("Hours this year"), f"{hours or Decimal(0):g}",
                         mentor.get_absolute_url() if mentor else "",
                         _("recorded in %(year)d") % {"year": year})]
