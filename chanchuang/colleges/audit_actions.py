"""The colleges app's named audit actions (see ``core.audit_actions``); each sub-concept keeps
its actions in its own block."""

from django.utils.translation import gettext_lazy as _

from chanchuang.core.audit_actions import Action, register

# --- resources: shared resources and bookings ---------------------------------------------
register(
    Action("colleges.booking.requested", _("Shared resource booked")),
    Action("colleges.booking.series_requested", _("Weekly booking series requested")),
    Action("colleges.booking.approved", _("Booking approved")),
    Action("colleges.booking.refused", _("Booking refused")),
    Action("colleges.booking.cancelled", _("Booking cancelled")),
    Action("colleges.booking.use_recorded", _("Use of a booking recorded")),
)
