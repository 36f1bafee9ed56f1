"""API of the partners app: partners and contacts, agreements with parties and commitments,
lifecycle transitions and deliveries. Everything starts from ``visible_to``: an enterprise member
sees only the agreements their organisation is party to, and may record deliveries on its own
commitments but not change the agreement."""

import datetime as dt
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from chanchuang.core.api import OrganisationOut, filter_params, filtered
from chanchuang.core.identifiers import mask
from chanchuang.core.models import Organisation
from chanchuang.partners import filters, queries, services
from chanchuang.partners.models import Agreement, Commitment, Contact, Delivery

router = Router(tags=["partners"])


class PartnerOut(OrganisationOut):
    """A partner organisation with its standing."""

    size: str
    standing: str

    @staticmethod
    def resolve_standing(obj) -> str:
        return queries.partner_status(obj).value


class ContactOut(Schema):
    """A contact person; the phone masked unless the caller works with the school's partners."""

    id: int
    name: str
    title: str
    phone: str
    email: str
    is_primary: bool
    has_login: bool

    @staticmethod
    def resolve_phone(obj, context) -> str:
        user = context["request"].user
        if obj.phone and not user.has_perm("partners.view_contact_phone", obj):
            return mask(obj.phone)
        return obj.phone

    @staticmethod
    def resolve_has_login(obj) -> bool:
        return obj.user_id is not None


class PartyOut(Schema):
    """A party to an agreement (no organisation: the school)."""

    id: int
    organisation_id: int | None
    name: str
    role: str
    signatory: str


class CommitmentOut(Schema):
    """A commitment and how much of it has been delivered."""

    id: int
    party_id: int
    kind: str
    description: str
    target: Decimal
    delivered: Decimal
    unit: str


class AgreementOut(Schema):
    """An agreement's terms and status."""

    id: int
    number: str
    title: str
    type: str = Field(alias="type.name")
    status: str
    start_date: dt.date
    end_date: dt.date
    signed_on: dt.date | None
    termination_reason: str


class AgreementDetailOut(AgreementOut):
    """An agreement with its parties and commitments."""

    scope: str
    parties: list[PartyOut]
    commitments: list[CommitmentOut]

    @staticmethod
    def resolve_parties(obj):
        return list(obj.parties.select_related("organisation", "agreement__school"))

    @staticmethod
    def resolve_commitments(obj):
        return list(obj.commitments.with_delivered())


class TransitionIn(Schema):
    """A lifecycle step taken by hand: review, draft (send back) or terminated (with the
    reason, required for a termination)."""

    to: str
    reason: str = ""


class SignIn(Schema):
    """The date an agreement was signed."""

    signed_on: dt.date


class DeliveryIn(Schema):
    """Something delivered against a commitment."""

    quantity: Decimal
    delivered_on: dt.date
    description: str = ""


class DeliveryOut(Schema):
    """A recorded delivery."""

    id: int
    commitment_id: int
    quantity: Decimal
    delivered_on: dt.date
    description: str
    source: str


PartnerParams = filter_params(filters.PartnerFilterSet)
AgreementParams = filter_params(filters.AgreementFilterSet)


@router.get("/partners", response=list[PartnerOut])
@paginate(PageNumberPagination, page_size=50)
def list_partners(request: HttpRequest, params: Query[PartnerParams]):
    if not request.user.has_perm("partners.list_partners"):
        raise PermissionDenied
    return filtered(request, filters.PartnerFilterSet,
                    queries.with_partner_status(Organisation.objects.visible_to(request.user)),
                    params)


@router.get("/partners/{organisation_id}", response=PartnerOut)
def get_partner(request: HttpRequest, organisation_id: int):
    return get_object_or_404(
        queries.with_partner_status(Organisation.objects.visible_to(request.user)),
        pk=organisation_id)


@router.get("/partners/{organisation_id}/contacts", response=list[ContactOut])
def list_contacts(request: HttpRequest, organisation_id: int):
    organisation = get_object_or_404(Organisation.objects.visible_to(request.user),
                                     pk=organisation_id)
    return list(Contact.objects.visible_to(request.user).filter(organisation=organisation)
                .select_related("organisation"))


@router.get("/agreements", response=list[AgreementOut])
@paginate(PageNumberPagination, page_size=50)
def list_agreements(request: HttpRequest, params: Query[AgreementParams]):
    if not request.user.has_perm("partners.list_agreements"):
        raise PermissionDenied
    return filtered(request, filters.AgreementFilterSet,
                    Agreement.objects.visible_to(request.user).select_related("type"), params)


def _agreement(request: HttpRequest, agreement_id: int) -> Agreement:
    return get_object_or_404(Agreement.objects.visible_to(request.user).select_related(
        "type", "school"), pk=agreement_id)


@router.get("/agreements/{agreement_id}", response=AgreementDetailOut)
def get_agreement(request: HttpRequest, agreement_id: int):
    return _agreement(request, agreement_id)


@router.post("/agreements/{agreement_id}/transitions", response=AgreementOut)
def transition(request: HttpRequest, agreement_id: int, data: TransitionIn):
    agreement = _agreement(request, agreement_id)
    if not request.user.has_perm("partners.manage_agreement", agreement):
        raise PermissionDenied
    return services.transition(actor=request.user, agreement=agreement, to=data.to,
                               reason=data.reason)


@router.post("/agreements/{agreement_id}/sign", response=AgreementOut)
def sign(request: HttpRequest, agreement_id: int, data: SignIn):
    agreement = _agreement(request, agreement_id)
    if not request.user.has_perm("partners.manage_agreement", agreement):
        raise PermissionDenied
    return services.sign(actor=request.user, agreement=agreement, signed_on=data.signed_on)


def _commitment(request: HttpRequest, commitment_id: int) -> Commitment:
    return get_object_or_404(Commitment.objects.visible_to(request.user).select_related(
        "agreement", "party__organisation"), pk=commitment_id)


@router.get("/commitments/{commitment_id}/deliveries", response=list[DeliveryOut])
def list_deliveries(request: HttpRequest, commitment_id: int):
    return list(Delivery.objects.filter(commitment=_commitment(request, commitment_id)))


@router.post("/commitments/{commitment_id}/deliveries", response={201: DeliveryOut})
def record_delivery(request: HttpRequest, commitment_id: int, data: DeliveryIn):
    commitment = _commitment(request, commitment_id)
    if not request.user.has_perm("partners.record_delivery", commitment):
        raise PermissionDenied
    return 201, services.record_delivery(
        actor=request.user, commitment=commitment, quantity=data.quantity,
        delivered_on=data.delivered_on, description=data.description)


