"""The mentors app's named audit actions (see ``core.audit_actions``)."""

from django.utils.translation import gettext_lazy as _

from chanchuang.core.audit_actions import Action, register
from chanchuang.mentors.choices import AppointmentStatus as S

# What an appointment's move to each status is called in the log.
APPOINTMENT_STEPS = {
    S.APPROVED: "mentors.appointment.approved",
    S.ACTIVE: "mentors.appointment.activated",
    S.EXPIRED: "mentors.appointment.expired",
    S.WITHDRAWN: "mentors.appointment.withdrawn",
}

register(
    Action("mentors.appointment.proposed", _("Appointment proposed")),
    Action("mentors.appointment.renewal_proposed", _("Appointment renewal proposed")),
    Action("mentors.appointment.approved", _("Appointment approved")),
    Action("mentors.appointment.activated", _("Appointment in force")),
    Action("mentors.appointment.expired", _("Appointment expired")),
    Action("mentors.appointment.withdrawn", _("Appointment withdrawn")),
    Action("mentors.activity.recorded", _("Mentor activity recorded")),
)
