"""Reusable read queries of the partners app: a partner's standing and the commitments ledger."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Exists, OuterRef, Prefetch, QuerySet

from chanchuang.partners.choices import IN_FORCE, AgreementStatus, PartnerStatus
from chanchuang.partners.models import UNITS, Agreement, AgreementParty, Commitment

SIGNED_EVER = (*IN_FORCE, AgreementStatus.EXPIRED, AgreementStatus.TERMINATED,
               AgreementStatus.RENEWED)


def with_partner_status(organisations: QuerySet) -> QuerySet:
    """Annotate organisations with what their agreements say of them (three EXISTS columns)."""
    def party_in(statuses) -> Exists:
        return Exists(AgreementParty.objects.filter(organisation=OuterRef("pk"),
                                                    agreement__status__in=statuses))

    return organisations.annotate(
        agreement_in_force=party_in(IN_FORCE),
        agreement_expiring=party_in([AgreementStatus.EXPIRING]),
        agreement_ever_signed=party_in(SIGNED_EVER),
    )


def partner_status(organisation) -> PartnerStatus:
    """The standing of an organisation annotated by ``with_partner_status``."""
    if organisation.agreement_expiring:
        return PartnerStatus.EXPIRING
    if organisation.agreement_in_force:
        return PartnerStatus.ACTIVE
    if organisation.agreement_ever_signed:
        return PartnerStatus.LAPSED
    return PartnerStatus.PROSPECT


@dataclass
class LedgerLine:
    """Promised against delivered, for one party and kind of commitment."""

    party: str
    kind: str
    promised: Decimal
    delivered: Decimal
    unit: str

    @property
    def percent(self) -> int:
        return round(100 * self.delivered / self.promised) if self.promised else 0


def ledger(commitments: QuerySet) -> list[LedgerLine]:
    """Promised vs delivered per party and kind, over the given commitments (one query)."""
    totals: dict[tuple[str, str], list[Decimal]] = defaultdict(lambda: [Decimal(0), Decimal(0)])
    rows = commitments.with_delivered().select_related(
        "party__organisation", "agreement__school")
    for commitment in rows:
        line = totals[(commitment.party.name, commitment.kind)]
        line[0] += commitment.target
        line[1] += commitment.delivered
    return [
        LedgerLine(party=party, kind=str(dict(Commitment._meta.get_field("kind").choices)[kind]),
                   promised=promised, delivered=delivered, unit=str(UNITS[kind]))
        for (party, kind), (promised, delivered) in totals.items()
    ]


def agreement_rows(user):
    """Agreements the user may see, with what their table rows show."""
    return Agreement.objects.visible_to(user).select_related("type").prefetch_related(
        Prefetch("parties", queryset=AgreementParty.objects.select_related("organisation")))
