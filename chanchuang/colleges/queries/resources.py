"""Read helpers of shared resources and bookings: who may book a resource, the slots of a weekly
series, the bookings a request would collide with, the calendar's events (others' bookings shown
as 已占用 without the booker) and the utilisation of resources per resource, owner and month."""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from chanchuang.colleges.choices import HOLDS_SLOT, Attendance, BookingStatus
from chanchuang.colleges.models import (
    Booking,
    CollegeMember,
    CollegeProgramme,
    SharedResource,
)
from chanchuang.core.formats import local_time
from chanchuang.core.visibility import scope_of

Slot = tuple[dt.datetime, dt.datetime]


def may_book(user, resource: SharedResource) -> bool:
    """Whether the user belongs to the resource's college as someone who books: school staff and
    department staff of its school, mentors of the school, members of a member organisation or
    of the owner, students of one of its programmes (a platform admin too). At most two
    queries."""
    scope = scope_of(user)
    if scope.is_admin:
        return True
    school_id = resource.college.school_id
    if school_id in scope.staff_schools | scope.department_schools | scope.mentor_schools:
        return True
    if scope.organisation_ids:
        if resource.owner_id in scope.organisation_ids:
            return True
        if CollegeMember.objects.filter(college_id=resource.college_id,
                                        organisation_id__in=scope.organisation_ids).exists():
            return True
    if school_id in scope.student_schools:
        return CollegeProgramme.objects.filter(college_id=resource.college_id,
                                               students__user=user).exists()
    return False


def programme_ids_of(user) -> set[int]:
    """The programmes the user studies in (a student sees their programme's bookings named)."""
    if not scope_of(user).student_schools:
        return set()
    return set(CollegeProgramme.objects.filter(students__user=user).values_list("pk", flat=True))


def weekly_slots(first_day: dt.date, last_day: dt.date, starts: dt.time,
                 ends: dt.time) -> list[Slot]:
    """The slots of a weekly series: the weekday of ``first_day``, every week until
    ``last_day``, from ``starts`` to ``ends`` local time."""
    zone = timezone.get_current_timezone()
    slots = []
    day = first_day
    while day <= last_day:
        slots.append((dt.datetime.combine(day, starts, tzinfo=zone),
                      dt.datetime.combine(day, ends, tzinfo=zone)))
        day += dt.timedelta(days=7)
    return slots


def holding(resource: SharedResource) -> QuerySet:
    """The resource's bookings that hold their slot (awaiting approval or approved)."""
    return Booking.objects.filter(resource=resource, status__in=HOLDS_SLOT)


def collisions(resource: SharedResource, slots: list[Slot]) -> dict[Slot, Booking]:
    """Each slot that overlaps a booking holding its slot, with that booking (one query)."""
    if not slots:
        return {}
    first = min(start for start, _end in slots)
    last = max(end for _start, end in slots)
    taken = list(holding(resource).filter(starts_at__lt=last, ends_at__gt=first)
                 .select_related("booked_by", "resource__college"))
    found = {}
    for start, end in slots:
        for booking in taken:
            if booking.starts_at < end and booking.ends_at > start:
                found[(start, end)] = booking
                break
    return found


def describe(booking: Booking, user) -> str:
    """A booking named for a message: its number and time, and who booked it and why only for
    those who may see the booker (``colleges.view_booker``)."""
    when = f"{local_time(booking.starts_at)}–{timezone.localtime(booking.ends_at):%H:%M}"
    if user.has_perm("colleges.view_booker", booking):
        return _("booking #%(id)s (%(when)s, %(who)s: %(purpose)s)") % {
            "id": booking.pk, "when": when, "who": booking.booked_by,
            "purpose": booking.purpose}
    return _("booking #%(id)s (%(when)s, occupied)") % {"id": booking.pk, "when": when}


def title_for(booking: Booking, user, programmes: set[int]) -> str:
    """What the calendar and lists show of a booking: who and why for those who may see the
    booker; the purpose for the students of the programme it is for; 已占用 for the rest."""
    if user.has_perm("colleges.view_booker", booking):
        return f"{booking.purpose}（{booking.booked_by}）"
    if booking.programme_id is not None and booking.programme_id in programmes:
        return booking.purpose
    return _("Occupied")


def wall_clock(moment: dt.datetime) -> str:
    """A moment as the school's wall-clock time without an offset: the calendar shows a
    resource's bookings in the time of the place it stands, whatever the browser's time zone
    (FullCalendar runs with ``timeZone: "UTC"`` and reads these as they are)."""
    return timezone.localtime(moment).replace(tzinfo=None).isoformat()


def calendar_events(user, resource: SharedResource, start: dt.datetime,
                    end: dt.datetime) -> list[dict]:
    """The calendar's events between two moments: the visible bookings of the resource that
    hold their slot (two queries at most, whatever the number)."""
    bookings = (Booking.objects.visible_to(user)
                .filter(resource=resource, status__in=HOLDS_SLOT, starts_at__lt=end,
                        ends_at__gt=start)
                .select_related("booked_by", "resource__college"))
    programmes = programme_ids_of(user)
    events = []
    for booking in bookings:
        shows = user.has_perm("colleges.view_booker", booking) or (
            booking.programme_id in programmes)
        events.append({
            "id": booking.pk,
            "title": title_for(booking, user, programmes),
            "start": wall_clock(booking.starts_at),
            "end": wall_clock(booking.ends_at),
            "url": booking.get_absolute_url() if shows else "",
            "classNames": [f"booking-{booking.status}"],
            "status": booking.get_status_display(),
        })
    return events


def business_hours(resource: SharedResource) -> dict:
    """The resource's opening hours as FullCalendar reads them (0 = Sunday)."""
    return {"daysOfWeek": sorted(int(d) % 7 for d in resource.open_days),
            "startTime": resource.opens_at.strftime("%H:%M"),
            "endTime": resource.closes_at.strftime("%H:%M")}


# --- Utilisation ------------------------------------------------------------------------------


def _hours(delta: dt.timedelta) -> Decimal:
    return Decimal(delta.total_seconds()) / Decimal(3600)


@lru_cache(maxsize=256)
def weekdays_in_month(year: int, month: int) -> dict[str, int]:
    """How many Mondays ("1") … Sundays ("7") a month has."""
    counts = dict.fromkeys("1234567", 0)
    for day in range(1, calendar.monthrange(year, month)[1] + 1):
        counts[str(dt.date(year, month, day).isoweekday())] += 1
    return counts


def open_hours(resource: SharedResource, year: int, month: int) -> Decimal:
    """The hours a resource is open in a month (its open days times its daily hours)."""
    counts = weekdays_in_month(year, month)
    open_days = sum(counts[day] for day in set(resource.open_days) if day in counts)
    daily = _hours(dt.datetime.combine(dt.date.min, resource.closes_at)
                   - dt.datetime.combine(dt.date.min, resource.opens_at))
    return daily * open_days


@dataclass
class Usage:
    """Booked (approved) and used (attended) hours against open hours, for one resource, owner
    or month, or all of them."""

    label: str
    open: Decimal = Decimal(0)
    booked: Decimal = Decimal(0)
    used: Decimal = Decimal(0)
    no_show: int = 0
    bookings: int = 0
    months: dict = field(default_factory=dict)

    @property
    def rate(self) -> Decimal | None:
        """Booked hours as a percentage of the open hours."""
        if not self.open:
            return None
        return (self.booked * 100 / self.open).quantize(Decimal("0.1"), ROUND_HALF_UP)

    @property
    def used_rate(self) -> Decimal | None:
        """Used hours as a percentage of the open hours."""
        if not self.open:
            return None
        return (self.used * 100 / self.open).quantize(Decimal("0.1"), ROUND_HALF_UP)

    def add(self, other: Usage) -> None:
        self.open += other.open
        self.booked += other.booked
        self.used += other.used
        self.no_show += other.no_show
        self.bookings += other.bookings


def months_between(first: dt.date, last: dt.date) -> list[tuple[int, int]]:
    """The (year, month) pairs from ``first`` to ``last``."""
    months, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


@dataclass
class Utilisation:
    """The utilisation of the resources a user sees over some months."""

    months: list[tuple[int, int]]
    resources: list[Usage]
    owners: list[Usage]
    by_month: list[Usage]
    total: Usage

    def chart(self) -> list[list]:
        """[month, booked %, used %] per month, for the chart."""
        return [[usage.label, float(usage.rate or 0), float(usage.used_rate or 0)]
                for usage in self.by_month]


def utilisation(user, first: dt.date, last: dt.date,
                resources: Iterable[SharedResource] | None = None) -> Utilisation:
    """Booked and used hours against open hours per resource, per owner and per month for the
    resources the user sees (two queries: the resources, their approved bookings)."""
    if resources is None:
        resources = (SharedResource.objects.visible_to(user).filter(is_active=True)
                     .select_related("owner", "college"))
    resources = list(resources)
    months = months_between(first, last)
    zone = timezone.get_current_timezone()
    start = dt.datetime.combine(dt.date(*months[0], 1), dt.time.min, tzinfo=zone)
    end_year, end_month = months[-1]
    end = dt.datetime.combine(dt.date(end_year, end_month,
                                      calendar.monthrange(end_year, end_month)[1]),
                              dt.time.max, tzinfo=zone)
    per: dict[tuple[int, tuple[int, int]], Usage] = defaultdict(lambda: Usage(""))
    bookings = Booking.objects.filter(
        resource__in=[r.pk for r in resources], status=BookingStatus.APPROVED,
        starts_at__gte=start, starts_at__lte=end).values_list(
        "resource_id", "starts_at", "ends_at", "attendance")
    for resource_id, starts_at, ends_at, attendance in bookings:
        local = timezone.localtime(starts_at)
        usage = per[(resource_id, (local.year, local.month))]
        hours = _hours(ends_at - starts_at)
        usage.booked += hours
        usage.bookings += 1
        if attendance == Attendance.ATTENDED:
            usage.used += hours
        elif attendance == Attendance.NO_SHOW:
            usage.no_show += 1
    rows, owners = [], {}
    by_month = {month: Usage(f"{month[0]}-{month[1]:02d}") for month in months}
    total = Usage(_("All resources"))
    for resource in resources:
        row = Usage(resource.name)
        row.resource = resource
        for month in months:
            usage = per[(resource.pk, month)]
            usage.open = open_hours(resource, *month)
            row.months[month] = usage
            row.add(usage)
            by_month[month].add(usage)
        rows.append(row)
        owner = resource.owner.name if resource.owner_id else str(_("The school"))
        owners.setdefault(owner, Usage(owner)).add(row)
        total.add(row)
    return Utilisation(months=months, resources=rows, owners=list(owners.values()),
                       by_month=list(by_month.values()), total=total)


class Rows:
    """A list of already computed rows that an export reads like a queryset."""

    def __init__(self, model, rows: list) -> None:
        self.model = model
        self.rows = rows

    def iterator(self, chunk_size: int = 0) -> Iterator:
        return iter(self.rows)


# --- To-dos --------------------------------------------------------------------------------


def _owned(user) -> Q:
    """Bookings of the resources the user speaks for: their organisation's; for school staff,
    the school's own."""
    scope = scope_of(user)
    return Q(resource__owner_id__in=scope.organisation_ids) | Q(
        resource__owner__isnull=True, resource__college__school_id__in=scope.staff_schools)


def owner_work(user) -> QuerySet:
    """What the owner's side has to do, in one query: bookings awaiting their approval whose
    slot is still to come, and approved bookings whose slot is over with no use recorded."""
    now = timezone.now()
    return Booking.objects.visible_to(user).filter(_owned(user)).filter(
        Q(status=BookingStatus.PENDING, ends_at__gt=now)
        | Q(status=BookingStatus.APPROVED, attendance="", ends_at__lte=now))


# --- The college's page ----------------------------------------------------------------------


def college_card(college, user) -> dict | None:
    """The context of the college page's 共享资源 card (``colleges/resources/inc/
    college_card.html``): the resources of the college the user sees, with the number of
    bookings holding a slot from now on; None (no card) for who sees none. Two queries."""
    if not user.has_perm("colleges.view_resources"):
        return None
    from django.db.models import Count

    now = timezone.now()
    resources = list(SharedResource.objects.visible_to(user).filter(college=college)
                     .select_related("owner")
                     .annotate(upcoming=Count("bookings", filter=Q(
                         bookings__status__in=HOLDS_SLOT, bookings__ends_at__gt=now))))
    return {"college": college, "resources": resources,
            "may_book": bool(resources) and may_book(user, resources[0])}
