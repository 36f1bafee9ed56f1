"""API of the mentors app: the mentor pool (phones masked unless the caller manages the school's
mentors), appointments with their lifecycle, activities, and letter verification (public)."""

import datetime as dt
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from chanchuang.core.api import filter_params, filtered
from chanchuang.core.identifiers import mask
from chanchuang.core.lookups import visible_or_missing
from chanchuang.core.throttling import verify_throttle
from chanchuang.mentors import filters, queries, services
from chanchuang.mentors.models import Activity, Appointment, AppointmentTitle, Mentor
from chanchuang.partners.models import Agreement

router = Router(tags=["mentors"])


class MentorOut(Schema):
    """A mentor in the pool; the phone masked unless the caller manages the school's mentors
    or is the mentor."""

    id: int
    name: str
    organisation_id: int | None
    job_title: str
    bio: str
    availability: str
    expertise: list[str]
    phone: str
    email: str

    @staticmethod
    def resolve_expertise(obj) -> list[str]:
        return [tag.name for tag in obj.expertise.all()]

    @staticmethod
    def resolve_phone(obj, context) -> str:
        if obj.phone and not context["request"].user.has_perm("mentors.view_phone", obj):
            return mask(obj.phone)
        return obj.phone


class AppointmentOut(Schema):
    """An appointment and its letter serial (once approved)."""

    id: int
    mentor_id: int
    title: str = Field(alias="title.name")
    appointing_body: str
    duties: str
    start_date: dt.date
    end_date: dt.date
    status: str
    serial: str
    renewal_of_id: int | None
    agreement_id: int | None


class AppointmentIn(Schema):
    """A proposed appointment."""

    mentor_id: int
    title_id: int
    start_date: dt.date
    end_date: dt.date
    duties: str = ""
    appointing_body: str = ""
    agreement_id: int | None = None


class ActivityIO(Schema):
    """A lecture, workshop, mentoring session or judging."""

    id: int | None = None
    kind: str
    title: str
    happened_on: dt.date
    hours: Decimal
    notes: str = ""


class VerificationOut(Schema):
    """What the public may learn from a letter's code: genuine or not, and whether current."""

    genuine: bool
    verdict: str
    title: str = ""
    school: str = ""
    start_date: dt.date | None = None
    end_date: dt.date | None = None


MentorParams = filter_params(filters.MentorFilterSet)
AppointmentParams = filter_params(filters.AppointmentFilterSet)


def _require_list(request: HttpRequest) -> None:
    if not request.user.has_perm("mentors.list_mentors"):
        raise PermissionDenied


@router.get("/mentors", response=list[MentorOut])
@paginate(PageNumberPagination, page_size=50)
def list_mentors(request: HttpRequest, params: Query[MentorParams]):
    _require_list(request)
    return filtered(request, filters.MentorFilterSet, Mentor.objects.visible_to(request.user)
                    .prefetch_related("expertise"), params)


def _mentor(request: HttpRequest, mentor_id: int) -> Mentor:
    return get_object_or_404(Mentor.objects.visible_to(request.user), pk=mentor_id)


@router.get("/mentors/{mentor_id}", response=MentorOut)
def get_mentor(request: HttpRequest, mentor_id: int):
    return _mentor(request, mentor_id)


@router.get("/mentors/{mentor_id}/activities", response=list[ActivityIO])
def list_activities(request: HttpRequest, mentor_id: int):
    return list(Activity.objects.visible_to(request.user).filter(
        mentor=_mentor(request, mentor_id)))


@router.post("/mentors/{mentor_id}/activities", response={201: ActivityIO})
def record_activity(request: HttpRequest, mentor_id: int, data: ActivityIO):
    mentor = _mentor(request, mentor_id)
    if not request.user.has_perm("mentors.record_activity", mentor):
        raise PermissionDenied
    return 201, services.record_activity(actor=request.user, mentor=mentor,
                                         **data.dict(exclude={"id"}))


@router.get("/appointments", response=list[AppointmentOut])
@paginate(PageNumberPagination, page_size=50)
def list_appointments(request: HttpRequest, params: Query[AppointmentParams]):
    _require_list(request)
    return filtered(request, filters.AppointmentFilterSet,
                    Appointment.objects.visible_to(request.user).select_related("title"), params)


def _appointment(request: HttpRequest, appointment_id: int) -> Appointment:
    return get_object_or_404(Appointment.objects.visible_to(request.user).select_related(
        "title", "mentor", "school"), pk=appointment_id)


@router.get("/appointments/{appointment_id}", response=AppointmentOut)
def get_appointment(request: HttpRequest, appointment_id: int):
    return _appointment(request, appointment_id)


@router.post("/appointments", response={201: AppointmentOut})
def propose(request: HttpRequest, data: AppointmentIn):
    mentor = visible_or_missing(Mentor, request.user, data.mentor_id, field="mentor_id")
    if not request.user.has_perm("mentors.add_appointment", mentor):
        raise PermissionDenied
    title = visible_or_missing(AppointmentTitle, request.user, data.title_id, field="title_id")
    agreement = None
    if data.agreement_id is not None:
        agreement = visible_or_missing(Agreement, request.user, data.agreement_id,
                                       field="agreement_id")
    return 201, services.propose(
        actor=request.user, mentor=mentor, title=title, start_date=data.start_date,
        end_date=data.end_date, duties=data.duties, appointing_body=data.appointing_body,
        agreement=agreement)


LIFECYCLE = {"approve": services.approve, "withdraw": services.withdraw, "renew": services.renew}


@router.post("/appointments/{appointment_id}/{step}", response=AppointmentOut)
def lifecycle(request: HttpRequest, appointment_id: int, step: str):
    """``approve``, ``withdraw`` or ``renew`` (which answers the proposed renewal)."""
    appointment = _appointment(request, appointment_id)
    if step not in LIFECYCLE:
        raise Http404
    if not request.user.has_perm("mentors.manage_appointment", appointment):
        raise PermissionDenied
    return LIFECYCLE[step](actor=request.user, appointment=appointment)


@router.get("/letters/{code}", response=VerificationOut, auth=None, throttle=[verify_throttle()])
def verify_letter(request: HttpRequest, code: str):
    """Public: is the letter with this code genuine, and is it current? (Throttled per address
    like the page: ``VERIFY_RATE``, shared with it.)"""
    appointment = queries.appointment_for_code(code)
    if appointment is None:
        return VerificationOut(genuine=False, verdict="forged")
    return VerificationOut(genuine=True, verdict=queries.letter_verdict(appointment),
                           title=appointment.title.name, school=appointment.school.name,
                           start_date=appointment.start_date, end_date=appointment.end_date)
