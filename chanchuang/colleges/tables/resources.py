"""Tables of shared resources and bookings (the booker shown only to who may see it)."""

from __future__ import annotations

import django_tables2 as tables
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from chanchuang.colleges.choices import BookingStatus
from chanchuang.colleges.models import Booking, SharedResource

STATUS_COLOURS = {BookingStatus.PENDING: "yellow", BookingStatus.APPROVED: "green",
                  BookingStatus.REFUSED: "red", BookingStatus.CANCELLED: "secondary"}


def status_badge(booking: Booking) -> str:
    """A booking's status as a coloured Tabler badge."""
    return format_html('<span class="badge bg-{}-lt">{}</span>', STATUS_COLOURS[booking.status],
                       booking.get_status_display())


class SharedResourceTable(tables.Table):
    """Shared resources with their owner, place, capacity and hours."""

    name = tables.Column(linkify=True)
    owner = tables.Column(default=_("The school"))
    hours = tables.Column(empty_values=(), orderable=False, verbose_name=_("opening hours"))

    class Meta:
        model = SharedResource
        fields = ["name", "kind", "college", "owner", "location", "capacity", "hours",
                  "needs_approval"]

    def render_hours(self, record):
        return f"{record.opens_at:%H:%M}–{record.closes_at:%H:%M}"


class BookingTable(tables.Table):
    """Bookings with their slot and status; who booked and why only for those who may see it
    (others read 已占用)."""

    starts_at = tables.DateTimeColumn(format="Y-m-d H:i", verbose_name=_("starts at"))
    ends_at = tables.DateTimeColumn(format="H:i", verbose_name=_("ends at"))
    resource = tables.Column(verbose_name=_("shared resource"))
    booked = tables.Column(empty_values=(), orderable=False, verbose_name=_("booking"))
    status = tables.Column()

    class Meta:
        model = Booking
        fields = ["starts_at", "ends_at", "resource", "booked", "people", "status",
                  "attendance"]

    def render_booked(self, record):
        user = self.request.user
        if user.has_perm("colleges.view_booker", record):
            return format_html('<a href="{}">{}（{}）</a>', record.get_absolute_url(),
                               record.purpose, record.booked_by)
        return _("Occupied")

    def render_status(self, record):
        return status_badge(record)
