"""Pages of shared resources and bookings: the catalogue, a resource's page with its booking
calendar (FullCalendar, events from a JSON view of the visible bookings, others' shown as 已占用),
booking one slot or a weekly series, a booking's page with approval, refusal, cancellation and
the use of the slot, the list of bookings, and the utilisation per resource, owner and month."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from chanchuang.colleges.choices import HOLDS_SLOT, BookingStatus
from chanchuang.colleges.exports import resources as exports
from chanchuang.colleges.filters import resources as filters
from chanchuang.colleges.forms import resources as forms
from chanchuang.colleges.models import Booking, SharedResource
from chanchuang.colleges.queries import resources as queries
from chanchuang.colleges.services import resources as services
from chanchuang.colleges.tables import resources as tables
from chanchuang.core import generic_views as generic
from chanchuang.core.services import DomainError
from chanchuang.core.tabular.exporting import CONTENT_TYPES, export_response
from chanchuang.core.uploads import PRIVATE_SHORT

# The longest stretch the calendar asks events for at once (a month view with its edges).
CALENDAR_MAX_DAYS = 62


class SharedResourceList(generic.ObjectListView):
    """The catalogue of what the parties of the user's colleges share."""

    model = SharedResource
    table_class = tables.SharedResourceTable
    filterset_class = filters.SharedResourceFilterSet
    exporter_class = exports.SharedResourceExporter
    list_permission = "colleges.view_resources"

    related = ("college", "owner")


class SharedResourceDetail(generic.ObjectDetailView):
    """A shared resource: what it is, its rules, and its booking calendar."""

    model = SharedResource
    template_name = "colleges/resources/sharedresource_detail.html"

    related = ("college__school", "owner")

    def extra_context(self, resource):
        user = self.request.user
        decides = user.has_perm("colleges.decide_booking", resource)
        can_book = resource.is_active and user.has_perm("colleges.add_booking") \
            and queries.may_book(user, resource)
        day = self.request.GET.get("date", "")
        return {
            "can_book": can_book,
            "open_days": "、".join(str(label) for value, label in forms.WEEKDAYS
                                  if value in resource.open_days),
            "calendar": {"canBook": can_book,
                         "initialDate": day if re.fullmatch(r"\d{4}-\d{2}-\d{2}", day) else "",
                         "events": reverse("colleges:sharedresource_events", args=[resource.pk]),
                         "book": reverse("colleges:booking_add", args=[resource.pk]),
                         "businessHours": queries.business_hours(resource),
                         "slotMinTime": resource.opens_at.strftime("%H:%M"),
                         "slotMaxTime": resource.closes_at.strftime("%H:%M"),
                         "now": queries.wall_clock(timezone.now())},
            "pending": (Booking.objects.visible_to(user).filter(
                resource=resource, status=BookingStatus.PENDING,
                ends_at__gt=timezone.now()).select_related("booked_by")[:20]
                if decides else ()),
        }


class SharedResourcePhoto(generic.StoredFileView):
    """A shared resource's photo, for those who see the resource."""

    model = SharedResource
    field = "photo"
    cache_control = PRIVATE_SHORT


class SharedResourceEdit(generic.ObjectEditView):
    """Describe a shared resource (staff, or a member of the organisation that owns it)."""

    model = SharedResource
    form_class = forms.SharedResourceForm

    def save(self, form):
        return services.save_resource(actor=self.request.user, form=form)


class SharedResourceDelete(generic.ObjectDeleteView):
    """Remove a shared resource (its bookings go with it)."""

    model = SharedResource
    success_url_name = "colleges:sharedresource_list"


def _moment(value: str | None) -> dt.datetime | None:
    """A moment the calendar sends: the calendar runs on the school's wall clock (see
    ``queries.wall_clock``), so whatever offset it carries, its date and time are read in the
    school's time zone."""
    moment = parse_datetime((value or "").replace(" ", "+"))
    if moment is None:
        return None
    return timezone.make_aware(moment.replace(tzinfo=None))


class SharedResourceEvents(generic.ScopedView):
    """The calendar's events of a resource between ``start`` and ``end``: the bookings holding
    their slot the user sees, others' without the booker (已占用)."""

    model = SharedResource

    def get(self, request: HttpRequest, pk: int) -> JsonResponse:
        resource = self.get_object(pk)
        start, end = _moment(request.GET.get("start")), _moment(request.GET.get("end"))
        if start is None or end is None or not start < end \
                or end - start > dt.timedelta(days=CALENDAR_MAX_DAYS):
            return JsonResponse({"detail": _("Give start and end, at most %(days)d days apart.")
                                 % {"days": CALENDAR_MAX_DAYS}}, status=400)
        return JsonResponse(queries.calendar_events(request.user, resource, start, end),
                            safe=False)


class BookingAdd(generic.ScopedView):
    """Book a slot of a resource, or the same hours every week (a series). A series with taken
    dates lists them all and books nothing, unless the person chooses to book the free ones."""

    model = SharedResource
    template_name = "colleges/resources/booking_form.html"

    related = ("college",)

    def _resource(self, pk: int) -> SharedResource:
        resource = self.get_object(pk)
        if not self.request.user.has_perm("colleges.add_booking"):
            raise PermissionDenied
        return resource

    def _render(self, resource, form, conflict=None) -> HttpResponse:
        return render(self.request, self.template_name, {
            "object": resource, "form": form, "conflict": conflict,
            "may_book": queries.may_book(self.request.user, resource)})

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        resource = self._resource(pk)
        initial: dict[str, Any] = {"starts": resource.opens_at, "people": 1}
        day = request.GET.get("day", "")
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", day):
            initial["day"] = day
        start = request.GET.get("start", "")
        if re.fullmatch(r"\d{2}:\d{2}", start):
            initial["starts"] = start
        return self._render(resource, forms.BookingForm(initial=initial, resource=resource,
                                                        user=request.user))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        resource = self._resource(pk)
        form = forms.BookingForm(request.POST, resource=resource, user=request.user)
        if not form.is_valid():
            return self._render(resource, form)
        data = form.cleaned_data
        zone = timezone.get_current_timezone()
        common = {"actor": request.user, "resource": resource, "purpose": data["purpose"],
                  "people": data["people"], "programme": data["programme"]}
        try:
            if data["weekly"]:
                series = services.book_weekly(
                    **common, first_day=data["day"], last_day=data["last_day"],
                    starts=data["starts"], ends=data["ends"], free_only=data["free_only"])
                bookings = list(series.bookings.all())
                messages.success(request, ngettext(
                    "Booked %(count)d weekly slot.", "Booked %(count)d weekly slots.",
                    len(bookings)) % {"count": len(bookings)})
                return redirect(bookings[0])
            booking = services.book(
                **common, starts_at=dt.datetime.combine(data["day"], data["starts"], zone),
                ends_at=dt.datetime.combine(data["day"], data["ends"], zone))
        except services.SeriesConflict as exc:
            return self._render(resource, form, conflict=exc)
        except DomainError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
            return self._render(resource, form)
        messages.success(request, _("Booked.") if booking.status == BookingStatus.APPROVED
                         else _("Booked; awaiting the owner's approval."))
        return redirect(booking)


class BookingList(generic.ObjectListView):
    """Bookings of the resources the user sees (others' read 已占用)."""

    model = Booking
    table_class = tables.BookingTable
    filterset_class = filters.BookingFilterSet
    exporter_class = exports.BookingExporter
    list_permission = "colleges.view_resources"

    related = ("resource__college", "booked_by")


class BookingDetail(generic.ObjectDetailView):
    """A booking: its slot and status, and what the user may do with it."""

    model = Booking
    template_name = "colleges/resources/booking_detail.html"

    related = ("resource__college", "resource__owner", "booked_by", "decided_by", "series",
               "programme")

    def extra_context(self, booking):
        user = self.request.user
        now = timezone.now()
        running = booking.ends_at > now
        pending = booking.status == BookingStatus.PENDING and running
        series = booking.series
        return {
            "sees_booker": user.has_perm("colleges.view_booker", booking),
            "status_badge": tables.status_badge(booking), "occupied": _("Occupied"),
            "title": queries.title_for(booking, user, queries.programme_ids_of(user)),
            "can_decide": pending and user.has_perm("colleges.decide_booking", booking),
            "can_cancel": running and user.has_perm("colleges.cancel_booking", booking),
            "can_record": booking.status == BookingStatus.APPROVED and not running
            and user.has_perm("colleges.record_use", booking),
            "series_left": series.bookings.filter(status__in=HOLDS_SLOT, ends_at__gt=now)
            .count() if series else 0,
            "decision_form": forms.DecisionForm(), "use_form": forms.UseForm(),
        }


class BookingAction(generic.ObjectActionView):
    """A step on a booking."""

    model = Booking
    related = ("resource__college", "series")


class BookingApprove(BookingAction):
    """Approve a booking (or what remains of its series)."""

    permission = "colleges.decide_booking"
    form_class = forms.DecisionForm

    def act(self, booking, form):
        count = services.approve(actor=self.request.user, booking=booking,
                                 **form.cleaned_data)
        return ngettext("Approved %(count)d booking.", "Approved %(count)d bookings.",
                        count) % {"count": count}


class BookingRefuse(BookingAction):
    """Refuse a booking (or what remains of its series); the slots are free again."""

    permission = "colleges.decide_booking"
    form_class = forms.DecisionForm

    def act(self, booking, form):
        count = services.refuse(actor=self.request.user, booking=booking, **form.cleaned_data)
        return ngettext("Refused %(count)d booking.", "Refused %(count)d bookings.",
                        count) % {"count": count}


class BookingCancel(BookingAction):
    """Cancel a booking (or what remains of its series)."""

    permission = "colleges.cancel_booking"
    form_class = forms.CancelForm

    def act(self, booking, form):
        count = services.cancel(actor=self.request.user, booking=booking, **form.cleaned_data)
        return ngettext("Cancelled %(count)d booking.", "Cancelled %(count)d bookings.",
                        count) % {"count": count}


class BookingUse(BookingAction):
    """Record what happened in the slot."""

    permission = "colleges.record_use"
    form_class = forms.UseForm

    def act(self, booking, form):
        services.record_use(actor=self.request.user, booking=booking, **form.cleaned_data)
        return _("Use recorded.")


MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def semester_of(day: dt.date) -> tuple[dt.date, dt.date]:
    """The semester a day falls in: autumn September–January, spring February–August."""
    if day.month >= 9:
        return dt.date(day.year, 9, 1), dt.date(day.year + 1, 1, 31)
    if day.month == 1:
        return dt.date(day.year - 1, 9, 1), dt.date(day.year, 1, 31)
    return dt.date(day.year, 2, 1), dt.date(day.year, 8, 31)


def _month(value: str | None) -> dt.date | None:
    match = MONTH.match(value or "")
    if not match or not 1 <= int(match[2]) <= 12 or not 2000 <= int(match[1]) <= 2100:
        return None
    return dt.date(int(match[1]), int(match[2]), 1)


class Utilisation(generic.ScopedView):
    """Booked and used hours against open hours per resource, owner and month (a semester by
    default, ``?first=2026-09&last=2027-01`` otherwise), with a chart; ``?export=xlsx``
    downloads the figures."""

    model = SharedResource
    template_name = "colleges/resources/utilisation.html"

    def get(self, request: HttpRequest) -> HttpResponse:
        if not request.user.has_perm("colleges.view_utilisation"):
            raise PermissionDenied
        first, last = semester_of(timezone.localdate())
        asked_first, asked_last = _month(request.GET.get("first")), _month(request.GET.get("last"))
        if asked_first and asked_last and asked_first <= asked_last \
                and len(queries.months_between(asked_first, asked_last)) <= 24:
            first, last = asked_first, asked_last
        resources = self.get_queryset().filter(is_active=True).select_related(
            "owner", "college")
        usage = queries.utilisation(request.user, first, last, resources)
        file_format = request.GET.get("export")
        if file_format in CONTENT_TYPES:
            rows = queries.Rows(SharedResource, exports.utilisation_rows(usage))
            return export_response(request, exports.UtilisationExporter(), rows,
                                   file_format=file_format, school_id=None)
        return render(request, self.template_name, {
            "usage": usage, "first": f"{first:%Y-%m}", "last": f"{last:%Y-%m}",
            "chart": usage.chart(),
            "tables": [(_("Per resource"), usage.resources), (_("Per owner"), usage.owners),
                       (_("Per month"), usage.by_month)],
            "export_query": f"first={first:%Y-%m}&last={last:%Y-%m}"})


urlpatterns = [
    path("shared-resources/utilisation/", Utilisation.as_view(),
         name="sharedresource_utilisation"),
    path("shared-resources/bookings/", BookingList.as_view(), name="booking_list"),
    path("shared-resources/bookings/<int:pk>/", BookingDetail.as_view(), name="booking_detail"),
    path("shared-resources/bookings/<int:pk>/approve/", BookingApprove.as_view(),
         name="booking_approve"),
    path("shared-resources/bookings/<int:pk>/refuse/", BookingRefuse.as_view(),
         name="booking_refuse"),
    path("shared-resources/bookings/<int:pk>/cancel/", BookingCancel.as_view(),
         name="booking_cancel"),
    path("shared-resources/bookings/<int:pk>/use/", BookingUse.as_view(), name="booking_use"),
    *generic.object_paths("shared-resources", "sharedresource", list_view=SharedResourceList,
                          detail_view=SharedResourceDetail, edit_view=SharedResourceEdit,
                          delete_view=SharedResourceDelete),
    path("shared-resources/<int:pk>/photo/", SharedResourcePhoto.as_view(),
         name="sharedresource_photo"),
    path("shared-resources/<int:pk>/events/", SharedResourceEvents.as_view(),
         name="sharedresource_events"),
    path("shared-resources/<int:pk>/book/", BookingAdd.as_view(), name="booking_add"),
]
