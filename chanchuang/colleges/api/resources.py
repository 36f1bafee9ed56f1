"""API of shared resources and bookings: the catalogue, the bookings the caller sees (others'
without the booker: ``occupied``), booking one slot or a weekly series (taken dates listed,
nothing booked unless ``free_only``), approving, refusing, cancelling, recording the use."""

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from chanchuang.colleges.filters import resources as filters
from chanchuang.colleges.models import Booking, CollegeProgramme, SharedResource
from chanchuang.colleges.queries import resources as queries
from chanchuang.colleges.services import resources as services
from chanchuang.core.api import filter_params, filtered
from chanchuang.core.lookups import visible_or_missing
from chanchuang.core.services import DomainError

router = Router(tags=["colleges"])


class SharedResourceOut(Schema):
    """A shared resource: what, whose (``owner_id`` null: the school), where, when open."""

    id: int
    college_id: int
    kind: str
    name: str
    owner_id: int | None
    location: str
    capacity: int
    opens_at: dt.time
    closes_at: dt.time
    open_days: str
    rules: str
    description: str
    needs_approval: bool
    is_active: bool


class BookingOut(Schema):
    """A booking; ``occupied`` true and no booker, purpose or people for those who may not see
    who booked it."""

    id: int
    resource_id: int
    series_id: int | None
    starts_at: dt.datetime
    ends_at: dt.datetime
    status: str
    attendance: str
    occupied: bool
    booked_by: str | None
    purpose: str | None
    people: int | None

    @staticmethod
    def resolve_occupied(obj, context) -> bool:
        return not context["request"].user.has_perm("colleges.view_booker", obj)

    @staticmethod
    def resolve_booked_by(obj, context) -> str | None:
        if context["request"].user.has_perm("colleges.view_booker", obj):
            return str(obj.booked_by)
        return None

    @staticmethod
    def resolve_purpose(obj, context) -> str | None:
        return obj.purpose if context["request"].user.has_perm("colleges.view_booker", obj) \
            else None

    @staticmethod
    def resolve_people(obj, context) -> int | None:
        return obj.people if context["request"].user.has_perm("colleges.view_booker", obj) \
            else None


class WeeklyIn(Schema):
    """The same hours every week, from ``first_day`` (its weekday) to ``last_day``."""

    first_day: dt.date
    last_day: dt.date
    starts: dt.time
    ends: dt.time


class BookingIn(Schema):
    """One slot (``starts_at``, ``ends_at``) or a weekly series (``weekly``)."""

    purpose: str
    starts_at: dt.datetime | None = None
    ends_at: dt.datetime | None = None
    weekly: WeeklyIn | None = None
    people: int = 1
    programme_id: int | None = None
    free_only: bool = False


class TakenOut(Schema):
    """A date of a series that another booking holds."""

    starts_at: dt.datetime
    ends_at: dt.datetime
    booking: str


class ConflictOut(Schema):
    """A series some of whose dates are taken: nothing was booked."""

    detail: str
    taken: list[TakenOut]
    free: int


class DecisionIn(Schema):
    """Approve, refuse or cancel: a note, and whether for the whole series still to come."""

    note: str = ""
    whole_series: bool = False


class UseIn(Schema):
    """What happened in the slot: ``attended`` or ``no_show``."""

    attendance: str


class CountOut(Schema):
    """How many bookings changed."""

    count: int


ResourceParams = filter_params(filters.SharedResourceFilterSet)
BookingParams = filter_params(filters.BookingFilterSet)


def _require_catalogue(request: HttpRequest) -> None:
    if not request.user.has_perm("colleges.view_resources"):
        raise PermissionDenied


@router.get("/shared-resources", response=list[SharedResourceOut])
@paginate(PageNumberPagination, page_size=50)
def list_resources(request: HttpRequest, params: Query[ResourceParams]):
    _require_catalogue(request)
    return filtered(request, filters.SharedResourceFilterSet,
                    SharedResource.objects.visible_to(request.user), params)


def _resource(request: HttpRequest, resource_id: int) -> SharedResource:
    return get_object_or_404(SharedResource.objects.visible_to(request.user)
                             .select_related("college"), pk=resource_id)


@router.get("/shared-resources/{resource_id}", response=SharedResourceOut)
def get_resource(request: HttpRequest, resource_id: int):
    return _resource(request, resource_id)


@router.post("/shared-resources/{resource_id}/bookings",
             response={201: list[BookingOut], 409: ConflictOut})
def create_booking(request: HttpRequest, resource_id: int, data: BookingIn):
    """Book one slot, or a weekly series; a series with taken dates answers 409 listing them
    all, and books nothing unless ``free_only``."""
    resource = _resource(request, resource_id)
    if not request.user.has_perm("colleges.add_booking"):
        raise PermissionDenied
    programme = None
    if data.programme_id is not None:
        programme = visible_or_missing(CollegeProgramme, request.user, data.programme_id,
                                       field="programme_id")
    common = {"actor": request.user, "resource": resource, "purpose": data.purpose,
              "people": data.people, "programme": programme}
    if data.weekly is not None:
        try:
            series = services.book_weekly(
                **common, first_day=data.weekly.first_day, last_day=data.weekly.last_day,
                starts=data.weekly.starts, ends=data.weekly.ends, free_only=data.free_only)
        except services.SeriesConflict as exc:
            return 409, {"detail": exc.message, "free": exc.free, "taken": [
                {"starts_at": start, "ends_at": end,
                 "booking": queries.describe(booking, request.user)}
                for (start, end), booking in exc.taken]}
        return 201, list(series.bookings.select_related("resource__college", "booked_by"))
    if data.starts_at is None or data.ends_at is None:
        raise DomainError(_("Starts at: give the start and the end of the slot, or a weekly "
                            "series."),
                          field="starts_at")
    return 201, [services.book(**common, starts_at=data.starts_at, ends_at=data.ends_at)]


@router.get("/bookings", response=list[BookingOut])
@paginate(PageNumberPagination, page_size=50)
def list_bookings(request: HttpRequest, params: Query[BookingParams]):
    _require_catalogue(request)
    return filtered(request, filters.BookingFilterSet, Booking.objects.visible_to(request.user)
                    .select_related("resource__college", "booked_by"), params)


def _booking(request: HttpRequest, booking_id: int) -> Booking:
    return get_object_or_404(Booking.objects.visible_to(request.user)
                             .select_related("resource__college", "booked_by"), pk=booking_id)


@router.get("/bookings/{booking_id}", response=BookingOut)
def get_booking(request: HttpRequest, booking_id: int):
    return _booking(request, booking_id)


STEPS = {"approve": ("colleges.decide_booking", services.approve),
         "refuse": ("colleges.decide_booking", services.refuse),
         "cancel": ("colleges.cancel_booking", services.cancel)}


@router.post("/bookings/{booking_id}/use", response=BookingOut)
def record_use(request: HttpRequest, booking_id: int, data: UseIn):
    """Record what happened in an approved slot that is over."""
    booking = _booking(request, booking_id)
    if not request.user.has_perm("colleges.record_use", booking):
        raise PermissionDenied
    return services.record_use(actor=request.user, booking=booking, attendance=data.attendance)


@router.post("/bookings/{booking_id}/{step}", response=CountOut)
def booking_step(request: HttpRequest, booking_id: int, step: str, data: DecisionIn):
    """``approve``, ``refuse`` (the owner's side) or ``cancel`` (the booker or the owner's
    side); answers how many bookings changed."""
    booking = _booking(request, booking_id)
    if step not in STEPS:
        raise Http404
    permission, service = STEPS[step]
    if not request.user.has_perm(permission, booking):
        raise PermissionDenied
    if step == "cancel":
        return {"count": service(actor=request.user, booking=booking,
                                 whole_series=data.whole_series)}
    return {"count": service(actor=request.user, booking=booking,
                             whole_series=data.whole_series, note=data.note)}
