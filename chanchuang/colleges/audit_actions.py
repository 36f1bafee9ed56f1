"""The colleges app's named audit actions (see ``core.audit_actions``), one block per
sub-concept."""

from django.utils.translation import gettext_lazy as _

from chanchuang.core.audit_actions import Action, register

# Indicators and annual reports.
register(
    Action("colleges.targets.set", _("Yearly targets set")),
    Action("colleges.report.build_requested", _("Annual report build requested")),
    Action("colleges.report.built", _("Annual report built")),
    Action("colleges.report.submitted", _("Annual report submitted to the province")),
    Action("colleges.report.received", _("Annual report received by the province")),
)

# --- colleges: the college, its members and programmes --------------------------------------
register(
    Action("colleges.college.founded", _("Industry college founded")),
    Action("colleges.member.added", _("Member organisation added to an industry college")),
    Action("colleges.member.removed", _("Member organisation removed from an industry college")),
    Action("colleges.programme.students_added", _("Students added to a college programme")),
    Action("colleges.programme.student_removed", _("Student removed from a college programme")),
)

# --- governance: councils, seats, meetings, decisions, papers --------------------------------
register(
    Action("colleges.seat.added", _("Council seat added")),
    Action("colleges.meeting.recorded", _("Council meeting recorded")),
    Action("colleges.decision.added", _("Meeting decision recorded")),
    Action("colleges.decision.done", _("Meeting decision carried out")),
    Action("colleges.decision.dropped", _("Meeting decision dropped")),
    Action("colleges.paper.uploaded", _("Meeting paper uploaded")),
)

# --- work: co-developed work ------------------------------------------------------------------
register(
    Action("colleges.contribution.recorded", _("Co-developed work recorded")),
    Action("colleges.contribution.confirmed", _("Co-developed work confirmed")),
    Action("colleges.contribution.returned", _("Co-developed work returned")),
    Action("colleges.contribution.imported", _("Co-developed work imported")),
)

# --- resources: shared resources and bookings ---------------------------------------------
register(
    Action("colleges.booking.requested", _("Shared resource booked")),
    Action("colleges.booking.series_requested", _("Weekly booking series requested")),
    Action("colleges.booking.approved", _("Booking approved")),
    Action("colleges.booking.refused", _("Booking refused")),
    Action("colleges.booking.cancelled", _("Booking cancelled")),
    Action("colleges.booking.use_recorded", _("Use of a booking recorded")),
)
