"""What the colleges app has waiting on the home page; each sub-concept keeps its providers in
its own block."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _

from chanchuang.colleges.choices import BookingStatus
from chanchuang.colleges.queries import resources as resource_queries
from chanchuang.core import todos

# --- resources: shared resources and bookings ---------------------------------------------


@todos.register
def booking_todos(user, scope) -> list[todos.ToDo]:
    """The owner's side of shared resources (school staff for the school's own, enterprise
    members for their organisation's): bookings awaiting their approval, and approved slots
    that are over with no use recorded (one to-do per resource). One query."""
    if not (scope.staff_schools or scope.organisation_ids):
        return []
    items, unrecorded = [], {}
    for booking in resource_queries.owner_work(user).select_related(
            "resource", "booked_by").order_by("starts_at", "pk"):
        if booking.status == BookingStatus.APPROVED:
            unrecorded.setdefault(booking.resource_id, []).append(booking)
            continue
        items.append(todos.ToDo(
            what=_("Approve the booking of %(resource)s") % {"resource": booking.resource},
            detail=_("%(when)s · %(who)s: %(purpose)s") % {
                "when": timezone.localtime(booking.starts_at).strftime("%Y-%m-%d %H:%M"),
                "who": booking.booked_by, "purpose": booking.purpose},
            due=timezone.localtime(booking.starts_at).date(), url=booking.get_absolute_url(),
            icon="calendar-question"))
    for bookings in unrecorded.values():
        first = bookings[0]
        items.append(todos.ToDo(
            what=_("Record the use of %(resource)s") % {"resource": first.resource},
            detail=_("%(count)d slots over with no use recorded.") % {"count": len(bookings)},
            due=timezone.localtime(first.ends_at).date(), url=first.get_absolute_url(),
            icon="calendar-check"))
    return items
