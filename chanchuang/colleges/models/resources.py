"""Shared resources (共享): what the parties of an industry college open to each other (labs,
equipment, training bases, venues, software licences, courses) and the bookings of them, single
or weekly through a semester, approved by the owner, with what happened in the slot.

No two bookings that hold a slot (awaiting approval or approved) of one resource overlap: on
PostgreSQL an exclusion constraint on the resource and the time range enforces it (migration
0002); on SQLite the booking service checks inside its write transaction."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from chanchuang.colleges.choices import Attendance, BookingStatus, ResourceKind
from chanchuang.colleges.models.colleges import (
    CollegeProgramme,
    IndustryCollege,
    college_people,
)
from chanchuang.core.models import Linked, Organisation
from chanchuang.core.uploads import PolicyFileField
from chanchuang.core.visibility import Scope, VisibleQuerySet

# Monday to Friday, as ISO weekday digits (1 = Monday).
WORKDAYS = "12345"


class SharedResourceQuerySet(VisibleQuerySet):
    """Shared resources: the college's people."""

    def visibility(self, scope: Scope) -> Q:
        return college_people(scope, "college")


class SharedResource(Linked, models.Model):
    """A lab, piece of equipment, base, venue, licence or course one party shares."""

    college = models.ForeignKey(IndustryCollege, verbose_name=_("industry college"),
                                on_delete=models.CASCADE, related_name="resources")
    kind = models.CharField(_("kind"), max_length=10, choices=ResourceKind.choices)
    name = models.CharField(_("name"), max_length=100)
    owner = models.ForeignKey(Organisation, verbose_name=_("owner"), null=True, blank=True,
                              on_delete=models.PROTECT, related_name="shared_resources",
                              help_text=_("Empty: the school itself."))
    location = models.CharField(_("location"), max_length=200, blank=True)
    capacity = models.PositiveSmallIntegerField(_("capacity (people)"), default=1)
    opens_at = models.TimeField(_("opens at"), default=dt.time(8, 0))
    closes_at = models.TimeField(_("closes at"), default=dt.time(18, 0))
    open_days = models.CharField(_("open days"), max_length=7, default=WORKDAYS,
                                 help_text=_("ISO weekday digits, 1 = Monday … 7 = Sunday."))
    rules = models.TextField(_("rules of use"), blank=True)
    description = models.TextField(_("description"), blank=True)
    photo = PolicyFileField(_("photo"), policy="image", folder="colleges/resources",
                            route="colleges:sharedresource_photo", blank=True)
    needs_approval = models.BooleanField(_("bookings need approval"), default=True)
    is_active = models.BooleanField(_("open for booking"), default=True)

    objects = SharedResourceQuerySet.as_manager()

    class Meta:
        verbose_name = _("shared resource")
        verbose_name_plural = _("shared resources")
        ordering = ["college", "kind", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=F("opens_at")), name="resource_opens_before_closing",
                violation_error_message=_("Closes at: it must be after the opening time.")),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def school_id(self) -> int:
        return self.college.school_id


class BookingSeriesQuerySet(VisibleQuerySet):
    """Series: as their resource."""

    def visibility(self, scope: Scope) -> Q:
        return college_people(scope, "resource__college")


class BookingSeries(models.Model):
    """A weekly-recurring booking through a period (a semester): one request, many slots."""

    resource = models.ForeignKey(SharedResource, verbose_name=_("shared resource"),
                                 on_delete=models.CASCADE, related_name="series")
    booked_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("booked by"),
                                  on_delete=models.PROTECT, related_name="+")
    purpose = models.CharField(_("purpose"), max_length=200)
    first_day = models.DateField(_("first day"))
    last_day = models.DateField(_("last day"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = BookingSeriesQuerySet.as_manager()

    class Meta:
        verbose_name = _("booking series")
        verbose_name_plural = _("booking series")
        ordering = ["-first_day", "-pk"]

    def __str__(self) -> str:
        return f"{self.purpose}（{self.first_day}—{self.last_day}）"


class BookingQuerySet(VisibleQuerySet):
    """Bookings: as their resource (others' bookings are shown without the booker's name)."""

    def visibility(self, scope: Scope) -> Q:
        return college_people(scope, "resource__college")


class Booking(Linked, models.Model):
    """One slot of a shared resource, requested by a person, approved by the owner."""

    resource = models.ForeignKey(SharedResource, verbose_name=_("shared resource"),
                                 on_delete=models.CASCADE, related_name="bookings")
    series = models.ForeignKey(BookingSeries, verbose_name=_("series"), null=True, blank=True,
                               on_delete=models.CASCADE, related_name="bookings")
    booked_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("booked by"),
                                  on_delete=models.PROTECT, related_name="bookings")
    programme = models.ForeignKey(CollegeProgramme, verbose_name=_("for the programme"),
                                  null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="bookings")
    purpose = models.CharField(_("purpose"), max_length=200)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    people = models.PositiveSmallIntegerField(_("people"), default=1)
    status = models.CharField(_("status"), max_length=10, choices=BookingStatus.choices,
                              default=BookingStatus.PENDING)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("decided by"),
                                   null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_note = models.CharField(_("note"), max_length=200, blank=True)
    attendance = models.CharField(_("use"), max_length=10, choices=Attendance.choices,
                                  blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = BookingQuerySet.as_manager()

    class Meta:
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        ordering = ["starts_at", "pk"]
        indexes = [models.Index(fields=["resource", "starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="booking_ends_after_start",
                violation_error_message=_("Ends at: it must be after the start.")),
        ]

    def __str__(self) -> str:
        return f"{self.resource} {self.starts_at:%Y-%m-%d %H:%M}"

    @property
    def school_id(self) -> int:
        return self.resource.college.school_id
