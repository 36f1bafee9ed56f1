"""State changes of shared resources and bookings: describing a resource, booking one slot or a
weekly series through a semester, approving, refusing, cancelling, recording the use of a slot.

No two bookings holding a slot of one resource overlap. Every booking service checks the slots
inside its write transaction (on SQLite the write lock serialises writers, so the check is
enough); on PostgreSQL two requests racing for one slot both pass that check, and the exclusion
constraint of migration 0002 (``booking_no_overlap``) refuses the second insert: it waits for
the first transaction, fails, and the service names the booking that won."""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, OperationalError, transaction
from django.forms import ModelForm
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from chanchuang.colleges.choices import HOLDS_SLOT, Attendance, BookingStatus
from chanchuang.colleges.models import (
    Booking,
    BookingSeries,
    CollegeMember,
    CollegeProgramme,
    SharedResource,
)
from chanchuang.colleges.queries import resources as queries
from chanchuang.core import audit
from chanchuang.core.choices import Role
from chanchuang.core.models import Membership, User
from chanchuang.core.services import DomainError, notify_all, save_form
from chanchuang.core.visibility import scope_of

# The exclusion constraint of migration 0002 (PostgreSQL only).
OVERLAP_CONSTRAINT = "booking_no_overlap"
# PostgreSQL's SQLSTATE for a deadlock it broke by aborting one transaction.
DEADLOCK = "40P01"
# A weekly series runs at most this long (a semester and its exams).
SERIES_MAX_DAYS = 200


class SeriesConflict(DomainError):
    """A weekly series some of whose dates are taken: every one is listed, nothing is written
    (unless the person chooses to book the free ones)."""

    def __init__(self, message: str, *, taken: list[tuple[queries.Slot, Booking]],
                 free: int) -> None:
        super().__init__(message)
        self.taken = taken
        self.free = free


# --- Resources -------------------------------------------------------------------------------


def save_resource(*, actor: User, form: ModelForm) -> SharedResource:
    """Describe a shared resource: its owner is the school or one of the college's member
    organisations, and an enterprise member describes only their own organisation's."""
    resource = form.instance
    scope = scope_of(actor)
    if resource.owner_id is not None and not CollegeMember.objects.filter(
            college_id=resource.college_id, organisation_id=resource.owner_id).exists():
        raise DomainError(_("Owner: %(owner)s is not a member organisation of %(college)s.")
                          % {"owner": resource.owner, "college": resource.college},
                          field="owner")
    manages = scope.is_admin or resource.college.school_id in scope.staff_schools
    if not manages and resource.owner_id not in scope.organisation_ids:
        raise DomainError(_("Owner: you can only describe resources your own organisation "
                            "shares."), field="owner")
    return save_form(actor=actor, form=form)


# --- Booking -------------------------------------------------------------------------------


def _weekday(day: dt.date) -> str:
    return date_format(day, "l")


def _check_slot(resource: SharedResource, starts_at: dt.datetime, ends_at: dt.datetime) -> None:
    """The slot lies on one open day, inside the opening hours, still to come."""
    if ends_at <= starts_at:
        raise DomainError(_("Ends at: the booking must end after it starts."), field="ends_at")
    start, end = timezone.localtime(starts_at), timezone.localtime(ends_at)
    if start.date() != end.date():
        raise DomainError(_("A booking starts and ends on the same day; book several days as a "
                            "weekly series or one booking per day."), field="ends_at")
    if str(start.isoweekday()) not in resource.open_days:
        raise DomainError(_("%(resource)s is closed on %(weekday)s.")
                          % {"resource": resource, "weekday": _weekday(start.date())},
                          field="starts_at")
    if start.time() < resource.opens_at or end.time() > resource.closes_at:
        raise DomainError(_("%(resource)s is open from %(opens)s to %(closes)s: the booking "
                            "must lie within these hours.")
                          % {"resource": resource, "opens": f"{resource.opens_at:%H:%M}",
                             "closes": f"{resource.closes_at:%H:%M}"}, field="starts_at")
    if starts_at <= timezone.now():
        raise DomainError(_("Starts at: this time has passed; book a slot still to come."),
                          field="starts_at")


def _check_request(*, actor: User, resource: SharedResource, people: int,
                   programme: CollegeProgramme | None) -> None:
    if not resource.is_active:
        raise DomainError(_("%(resource)s is not open for booking.") % {"resource": resource})
    if not queries.may_book(actor, resource):
        raise DomainError(_("You cannot book %(resource)s: it is shared with the people of "
                            "%(college)s only.")
                          % {"resource": resource, "college": resource.college})
    if people < 1 or people > resource.capacity:
        raise DomainError(_("People: %(resource)s holds at most %(capacity)s people.")
                          % {"resource": resource, "capacity": resource.capacity},
                          field="people")
    if programme is not None and programme.college_id != resource.college_id:
        raise DomainError(_("Programme: it is not a programme of %(college)s.")
                          % {"college": resource.college}, field="programme")


def _status_for(resource: SharedResource) -> str:
    return BookingStatus.PENDING if resource.needs_approval else BookingStatus.APPROVED


def _insert(actor: User, resource: SharedResource, bookings: list[Booking]) -> list[Booking]:
    """Insert the bookings; on PostgreSQL a racing request that took one of the slots first
    makes the exclusion constraint refuse them: the winner is named and nothing is written."""
    try:
        with transaction.atomic():
            return Booking.objects.bulk_create(bookings)
    except IntegrityError as exc:
        if OVERLAP_CONSTRAINT not in str(exc):
            raise
        # The constraint waited for the other transaction and it committed: read committed
        # shows its booking now.
        taken = queries.collisions(resource, [(b.starts_at, b.ends_at) for b in bookings])
        if not taken:
            raise DomainError(_("Someone else has just booked this time; reload the calendar "
                                "and choose again.")) from None
        raise DomainError(_("The slot is taken: %(booking)s.") % {
            "booking": queries.describe(next(iter(taken.values())), actor)}) from None
    except OperationalError as exc:
        # Two requests inserting overlapping slots can each wait for the other inside the
        # exclusion constraint; PostgreSQL then aborts one of them (SQLSTATE 40P01), which
        # lost the race: nothing of it is written.
        if getattr(exc.__cause__, "sqlstate", None) != DEADLOCK:
            raise
        raise DomainError(_("Someone else has just booked this time; reload the calendar "
                            "and choose again.")) from None


def _tell_deciders(resource: SharedResource, booking: Booking, count: int = 1) -> None:
    """Tell the people who decide on the resource's bookings that one awaits them."""
    if resource.owner_id is None:
        people = Membership.objects.filter(role=Role.SCHOOL_STAFF,
                                           school_id=resource.college.school_id)
    else:
        people = Membership.objects.filter(role=Role.ENTERPRISE_MEMBER,
                                           organisation_id=resource.owner_id)
    users = User.objects.filter(pk__in=people.values("user_id"), is_active=True)
    notify_all(users=users,
               title=_("Booking of %(resource)s awaiting your approval") % {"resource": resource},
               body=ngettext("%(who)s asks for %(count)d slot: %(purpose)s.",
                             "%(who)s asks for %(count)d slots: %(purpose)s.", count)
               % {"who": booking.booked_by, "count": count, "purpose": booking.purpose},
               url=reverse("colleges:booking_detail", args=[booking.pk]))


def book(*, actor: User, resource: SharedResource, purpose: str, starts_at: dt.datetime,
         ends_at: dt.datetime, people: int = 1,
         programme: CollegeProgramme | None = None) -> Booking:
    """Book one slot of a resource: approved at once if the resource needs no approval,
    otherwise awaiting the owner's approval. Refused when the slot is taken (the booking that
    holds it named), out of hours or the person may not book the resource."""
    purpose = (purpose or "").strip()
    if not purpose:
        raise DomainError(_("Purpose: say what the slot is for."), field="purpose")
    _check_request(actor=actor, resource=resource, people=people, programme=programme)
    _check_slot(resource, starts_at, ends_at)
    with transaction.atomic():
        taken = queries.collisions(resource, [(starts_at, ends_at)])
        if taken:
            raise DomainError(_("The slot is taken: %(booking)s.") % {
                "booking": queries.describe(next(iter(taken.values())), actor)})
        booking = Booking(resource=resource, booked_by=actor, purpose=purpose,
                          starts_at=starts_at, ends_at=ends_at, people=people,
                          programme=programme, status=_status_for(resource))
        booking = _insert(actor, resource, [booking])[0]
        audit.record(actor=actor, action="colleges.booking.requested", obj=booking,
                     school_id=resource.college.school_id, after=audit.snapshot(booking))
        if booking.status == BookingStatus.PENDING:
            _tell_deciders(resource, booking)
    return booking


def _conflict_message(taken: list[tuple[queries.Slot, Booking]], total: int,
                      actor: User) -> str:
    listed = "；".join(queries.describe(booking, actor) for _slot, booking in taken)
    return ngettext(
        "%(count)d of the %(total)d dates is taken: %(listed)s. Nothing was booked; choose "
        "'book the free ones' to book the other %(free)d.",
        "%(count)d of the %(total)d dates are taken: %(listed)s. Nothing was booked; choose "
        "'book the free ones' to book the other %(free)d.", len(taken)) % {
        "count": len(taken), "total": total, "listed": listed, "free": total - len(taken)}


def book_weekly(*, actor: User, resource: SharedResource, purpose: str, first_day: dt.date,
                last_day: dt.date, starts: dt.time, ends: dt.time, people: int = 1,
                programme: CollegeProgramme | None = None,
                free_only: bool = False) -> BookingSeries:
    """Book the same hours every week from ``first_day`` (its weekday) to ``last_day``, as one
    series. If some dates are taken, every one is listed and nothing is booked, unless
    ``free_only``: then the free dates are booked and the taken ones left out."""
    purpose = (purpose or "").strip()
    if not purpose:
        raise DomainError(_("Purpose: say what the slots are for."), field="purpose")
    if last_day < first_day:
        raise DomainError(_("Last day: it cannot be before the first day."), field="last_day")
    if (last_day - first_day).days > SERIES_MAX_DAYS:
        raise DomainError(_("Last day: a series runs at most %(days)d days (a semester).")
                          % {"days": SERIES_MAX_DAYS}, field="last_day")
    _check_request(actor=actor, resource=resource, people=people, programme=programme)
    slots = queries.weekly_slots(first_day, last_day, starts, ends)
    for start, end in slots:
        _check_slot(resource, start, end)
    with transaction.atomic():
        taken = queries.collisions(resource, slots)
        if taken and not free_only:
            raise SeriesConflict(_conflict_message(list(taken.items()), len(slots), actor),
                                 taken=list(taken.items()), free=len(slots) - len(taken))
        free = [slot for slot in slots if slot not in taken]
        if not free:
            raise DomainError(_("None of the %(total)d dates is free: nothing was booked.")
                              % {"total": len(slots)})
        series = BookingSeries.objects.create(resource=resource, booked_by=actor,
                                              purpose=purpose, first_day=first_day,
                                              last_day=last_day)
        status = _status_for(resource)
        bookings = _insert(actor, resource, [
            Booking(resource=resource, series=series, booked_by=actor, purpose=purpose,
                    starts_at=start, ends_at=end, people=people, programme=programme,
                    status=status) for start, end in free])
        audit.record(actor=actor, action="colleges.booking.series_requested", obj=series,
                     school_id=resource.college.school_id, after=audit.snapshot(series),
                     data={"booked": len(bookings), "left_out": [
                         start.isoformat() for (start, _end) in taken]})
        if status == BookingStatus.PENDING:
            _tell_deciders(resource, bookings[0], len(bookings))
    return series


# --- Decisions, cancellation, use ----------------------------------------------------------


def _targets(booking: Booking, whole_series: bool, statuses) -> list[Booking]:
    """The booking, or every booking of its series still to come in one of ``statuses``."""
    if not whole_series or booking.series_id is None:
        return [booking]
    return list(Booking.objects.select_for_update().filter(
        series_id=booking.series_id, status__in=statuses, ends_at__gt=timezone.now()))


def _decide(*, actor: User, booking: Booking, status: str, note: str, whole_series: bool,
            action: str) -> int:
    if booking.status != BookingStatus.PENDING:
        raise DomainError(_("This booking is %(status)s: only one awaiting approval can be "
                            "approved or refused.") % {"status": booking.get_status_display()})
    if booking.ends_at <= timezone.now():
        raise DomainError(_("The slot is over: it can no longer be approved or refused."))
    with transaction.atomic():
        targets = _targets(booking, whole_series, [BookingStatus.PENDING])
        now = timezone.now()
        ids = [b.pk for b in targets]
        Booking.objects.filter(pk__in=ids).update(status=status, decided_by=actor,
                                                  decided_at=now, decision_note=note[:200])
        booking.refresh_from_db()
        audit.record(actor=actor, action=action, obj=booking,
                     school_id=booking.resource.college.school_id,
                     data={"bookings": ids, "note": note[:200]})
        notify_all(users=[booking.booked_by],
                   title=(_("Booking approved: %(resource)s") if status == BookingStatus.APPROVED
                          else _("Booking refused: %(resource)s")) % {
                       "resource": booking.resource},
                   body=ngettext("%(count)d slot. %(note)s", "%(count)d slots. %(note)s",
                                 len(ids)) % {"count": len(ids), "note": note},
                   url=booking.get_absolute_url())
    return len(ids)


def approve(*, actor: User, booking: Booking, whole_series: bool = False, note: str = "") -> int:
    """Approve a booking awaiting approval (or every one of its series still to come); returns
    how many were approved."""
    return _decide(actor=actor, booking=booking, status=BookingStatus.APPROVED, note=note,
                   whole_series=whole_series, action="colleges.booking.approved")


def refuse(*, actor: User, booking: Booking, whole_series: bool = False, note: str = "") -> int:
    """Refuse a booking awaiting approval (or its series); the slots are free again."""
    return _decide(actor=actor, booking=booking, status=BookingStatus.REFUSED, note=note,
                   whole_series=whole_series, action="colleges.booking.refused")


def cancel(*, actor: User, booking: Booking, whole_series: bool = False) -> int:
    """Cancel a booking that holds its slot and is not over (or every one of its series still
    to come); the slots are free again. Returns how many were cancelled."""
    if booking.status not in HOLDS_SLOT:
        raise DomainError(_("This booking is %(status)s: there is nothing to cancel.")
                          % {"status": booking.get_status_display()})
    if booking.ends_at <= timezone.now():
        raise DomainError(_("The slot is over: it can no longer be cancelled."))
    with transaction.atomic():
        ids = [b.pk for b in _targets(booking, whole_series, HOLDS_SLOT)]
        Booking.objects.filter(pk__in=ids).update(status=BookingStatus.CANCELLED)
        booking.refresh_from_db()
        audit.record(actor=actor, action="colleges.booking.cancelled", obj=booking,
                     school_id=booking.resource.college.school_id, data={"bookings": ids})
    return len(ids)


def record_use(*, actor: User, booking: Booking, attendance: str) -> Booking:
    """Record what happened in an approved slot once it is over: used or no-show."""
    if attendance not in Attendance.values:
        raise DomainError(_("Use: choose used or no-show."), field="attendance")
    if booking.status != BookingStatus.APPROVED:
        raise DomainError(_("Use is recorded only for an approved booking."))
    if booking.ends_at > timezone.now():
        raise DomainError(_("Use is recorded once the slot is over (after %(end)s).")
                          % {"end": timezone.localtime(booking.ends_at).strftime(
                              "%Y-%m-%d %H:%M")})
    with transaction.atomic():
        before = booking.attendance
        booking.attendance = attendance
        booking.save(update_fields=["attendance"])
        audit.record(actor=actor, action="colleges.booking.use_recorded", obj=booking,
                     school_id=booking.resource.college.school_id,
                     before={"attendance": before}, after={"attendance": attendance})
    return booking
