"""API of co-developed work: the records of the colleges the caller works, recording one
(a multipart form, with its evidence file for an enterprise member), and staff confirming or
returning one."""

import datetime as dt
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import File, Form, Query, Router, Schema
from ninja.files import UploadedFile
from ninja.pagination import PageNumberPagination, paginate

from chanchuang.colleges.filters.work import ContributionFilterSet
from chanchuang.colleges.models import CollegeProgramme, Contribution, IndustryCollege
from chanchuang.colleges.services import work as services
from chanchuang.core.api import filter_params, filtered
from chanchuang.core.lookups import visible_or_missing
from chanchuang.core.models import Organisation
from chanchuang.core.uploads import DOCUMENT
from chanchuang.mentors.models import Appointment

router = Router(tags=["colleges"])


class ContributionOut(Schema):
    """A piece of co-developed work; ``organisation_id`` None is the school itself."""

    id: int
    college_id: int
    kind: str
    title: str
    organisation_id: int | None
    programme_id: int | None
    happened_on: dt.date
    amount: Decimal | None
    unit: str
    authors: str
    is_core_course: bool
    is_practice_course: bool
    publisher: str
    isbn: str
    appointment_id: int | None
    client_id: int | None
    description: str
    has_evidence: bool
    status: str
    review_note: str

    @staticmethod
    def resolve_has_evidence(obj) -> bool:
        return bool(obj.evidence)


class ContributionIn(Schema):
    """A piece of co-developed work to record (the fields of its kind; see the page)."""

    college_id: int
    kind: str
    title: str
    happened_on: dt.date
    organisation_id: int | None = None
    programme_id: int | None = None
    amount: Decimal | None = None
    authors: str = ""
    is_core_course: bool = False
    is_practice_course: bool = False
    publisher: str = ""
    isbn: str = ""
    appointment_id: int | None = None
    client_id: int | None = None
    description: str = ""
    confirm: bool = False


class NoteIn(Schema):
    """What should be corrected."""

    note: str


ContributionParams = filter_params(ContributionFilterSet)
EVIDENCE = File(None, description="The evidence (PDF, PNG or JPEG)")


def _contribution(request: HttpRequest, contribution_id: int) -> Contribution:
    return get_object_or_404(Contribution.objects.visible_to(request.user)
                             .select_related("college"), pk=contribution_id)


@router.get("/contributions", response=list[ContributionOut])
@paginate(PageNumberPagination, page_size=50)
def list_contributions(request: HttpRequest, params: Query[ContributionParams]):
    if not request.user.has_perm("colleges.view_contributions"):
        raise PermissionDenied
    return filtered(request, ContributionFilterSet, Contribution.objects.visible_to(
        request.user), params)


@router.get("/contributions/{contribution_id}", response=ContributionOut)
def get_contribution(request: HttpRequest, contribution_id: int):
    return _contribution(request, contribution_id)


def _optional(model, request, pk, field):
    return visible_or_missing(model, request.user, pk, field=field) if pk else None


@router.post("/contributions", response={201: ContributionOut})
def record_contribution(request: HttpRequest, data: Form[ContributionIn],
                        evidence: UploadedFile = EVIDENCE):
    """Record co-developed work (multipart form; ``evidence`` is required of an enterprise
    member)."""
    user = request.user
    college = visible_or_missing(IndustryCollege, user, data.college_id, field="college_id")
    if not user.has_perm("colleges.add_contribution", college):
        raise PermissionDenied
    checked = DOCUMENT.accept(evidence, field="evidence") if evidence else None
    contribution = services.record_contribution(
        actor=user, college=college, kind=data.kind, title=data.title,
        happened_on=data.happened_on,
        organisation=_optional(Organisation, request, data.organisation_id, "organisation_id"),
        programme=_optional(CollegeProgramme, request, data.programme_id, "programme_id"),
        amount=data.amount, authors=data.authors, is_core_course=data.is_core_course,
        is_practice_course=data.is_practice_course, publisher=data.publisher, isbn=data.isbn,
        appointment=_optional(Appointment, request, data.appointment_id, "appointment_id"),
        client=_optional(Organisation, request, data.client_id, "client_id"),
        description=data.description, evidence=checked, confirm=data.confirm)
    return 201, contribution


@router.post("/contributions/{contribution_id}/confirm", response=ContributionOut)
def confirm_contribution(request: HttpRequest, contribution_id: int):
    """Confirm work awaiting confirmation (staff)."""
    contribution = _contribution(request, contribution_id)
    if not request.user.has_perm("colleges.confirm_contribution", contribution):
        raise PermissionDenied
    return services.confirm_contribution(actor=request.user, contribution=contribution)


@router.post("/contributions/{contribution_id}/return", response=ContributionOut)
def return_contribution(request: HttpRequest, contribution_id: int, data: NoteIn):
    """Return work awaiting confirmation with a note (staff)."""
    contribution = _contribution(request, contribution_id)
    if not request.user.has_perm("colleges.confirm_contribution", contribution):
        raise PermissionDenied
    return services.return_contribution(actor=request.user, contribution=contribution,
                                        note=data.note)
