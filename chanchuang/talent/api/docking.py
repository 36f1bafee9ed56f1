"""API of docking activities: the activities the caller sees (filtered as the list page),
one with its follow-ups, recording one (staff and department staff), the follow-ups the caller
sees, and marking one done (its owner or staff)."""

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from chanchuang.core.api import filter_params, filtered
from chanchuang.core.lookups import among, visible_or_missing
from chanchuang.core.models import Department, Major, Organisation
from chanchuang.core.services import DomainError
from chanchuang.partners.models import Agreement
from chanchuang.talent.filters.docking import DockingEventFilterSet, FollowUpFilterSet
from chanchuang.talent.forms.docking import recording_schools
from chanchuang.talent.models import DockingEvent, FollowUp
from chanchuang.talent.queries import docking as queries
from chanchuang.talent.services import docking as services

router = Router(tags=["talent"])


class FollowUpOut(Schema):
    """A follow-up: what, who owns it, by when, and when it was done (None: open)."""

    id: int
    event_id: int
    action: str
    owner_id: int
    owner_name: str
    due_on: dt.date
    done_at: dt.datetime | None
    note: str

    @staticmethod
    def resolve_owner_name(obj) -> str:
        return obj.owner.real_name or obj.owner.username


class DockingEventOut(Schema):
    """A docking activity with the ids of who took part and of its resulting agreement."""

    id: int
    school_id: int
    kind: str
    title: str
    held_on: dt.date
    location: str
    organisation_ids: list[int]
    department_ids: list[int]
    major_ids: list[int]
    attendees: str
    outcome: str
    agreement_id: int | None
    open_follow_ups: int

    @staticmethod
    def resolve_organisation_ids(obj) -> list[int]:
        return [o.pk for o in obj.organisations.all()]

    @staticmethod
    def resolve_department_ids(obj) -> list[int]:
        return [d.pk for d in obj.departments.all()]

    @staticmethod
    def resolve_major_ids(obj) -> list[int]:
        return [m.pk for m in obj.majors.all()]

    @staticmethod
    def resolve_open_follow_ups(obj) -> int:
        return obj.open_count


class DockingEventDetailOut(DockingEventOut):
    """A docking activity with the follow-ups the caller sees."""

    follow_ups: list[FollowUpOut]

    @staticmethod
    def resolve_follow_ups(obj) -> list:
        return obj.follow_ups_seen


class DockingEventIn(Schema):
    """A docking activity to record (``school_id`` only for someone recording for several
    schools)."""

    kind: str
    title: str
    held_on: dt.date
    organisation_ids: list[int]
    department_ids: list[int] = []
    major_ids: list[int] = []
    location: str = ""
    attendees: str = ""
    outcome: str = ""
    agreement_id: int | None = None
    school_id: int | None = None


class FollowUpDoneIn(Schema):
    """What was done (optional)."""

    note: str = ""


DockingEventParams = filter_params(DockingEventFilterSet)
FollowUpParams = filter_params(FollowUpFilterSet)


def _require_view(request: HttpRequest) -> None:
    if not request.user.has_perm("talent.view_docking"):
        raise PermissionDenied


def _event(request: HttpRequest, event_id: int) -> DockingEvent:
    return get_object_or_404(queries.event_rows(request.user), pk=event_id)


@router.get("/docking-events", response=list[DockingEventOut])
@paginate(PageNumberPagination, page_size=50)
def list_docking_events(request: HttpRequest, params: Query[DockingEventParams]):
    """The docking activities the caller sees (an enterprise member: its organisation's)."""
    _require_view(request)
    return filtered(request, DockingEventFilterSet, queries.event_rows(request.user), params)


@router.get("/docking-events/{event_id}", response=DockingEventDetailOut)
def get_docking_event(request: HttpRequest, event_id: int):
    event = _event(request, event_id)
    event.follow_ups_seen = list(FollowUp.objects.visible_to(request.user).filter(
        event=event).select_related("owner"))
    return event


@router.post("/docking-events", response={201: DockingEventOut})
def record_docking_event(request: HttpRequest, data: DockingEventIn):
    """Record a docking activity (staff and department staff); each enterprise gets it on its
    partner timeline."""
    user = request.user
    if not user.has_perm("talent.add_dockingevent"):
        raise PermissionDenied
    schools = recording_schools(user)
    if data.school_id is not None:
        school = schools.filter(pk=data.school_id).first()
    else:
        found = list(schools[:2])
        school = found[0] if len(found) == 1 else None
    if school is None:
        raise DomainError(_("School: choose a school you record docking activities for."),
                          field="school_id")
    event = services.record_docking_event(
        actor=user, school=school, kind=data.kind, title=data.title, held_on=data.held_on,
        organisations=among(Organisation, user, data.organisation_ids,
                            field="organisation_ids"),
        departments=among(Department, user, data.department_ids, field="department_ids"),
        majors=among(Major, user, data.major_ids, field="major_ids"),
        location=data.location, attendees=data.attendees, outcome=data.outcome,
        agreement=visible_or_missing(Agreement, user, data.agreement_id, field="agreement_id")
        if data.agreement_id else None)
    return 201, _event(request, event.pk)


@router.get("/follow-ups", response=list[FollowUpOut])
@paginate(PageNumberPagination, page_size=50)
def list_follow_ups(request: HttpRequest, params: Query[FollowUpParams]):
    """The follow-ups the caller sees (``mine=true``: their own; ``open=true``: not done)."""
    _require_view(request)
    return filtered(request, FollowUpFilterSet, FollowUp.objects.visible_to(request.user)
                    .select_related("owner"), params)


@router.post("/follow-ups/{follow_up_id}/complete", response=FollowUpOut)
def complete_follow_up(request: HttpRequest, follow_up_id: int, data: FollowUpDoneIn | None = None):
    """Mark a follow-up done (its owner, or staff); the note may be left out."""
    follow_up = get_object_or_404(FollowUp.objects.visible_to(request.user)
                                  .select_related("event", "owner"), pk=follow_up_id)
    if not request.user.has_perm("talent.complete_follow_up", follow_up):
        raise PermissionDenied
    return services.complete_follow_up(actor=request.user, follow_up=follow_up,
                                       note=data.note if data else "")
