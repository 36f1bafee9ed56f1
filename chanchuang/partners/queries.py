"""Reusable read queries of the partners app: a partner's standing, the commitments ledger, and
what is falling due (agreements in their reminder window, commitments short under them)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import DateField, Exists, F, Func, OuterRef, Prefetch, Q, QuerySet, Sum

from chanchuang.core.models import Organisation, User
from chanchuang.partners.choices import (
    IN_FORCE,
    AgreementStatus,
    CommitmentKind,
    DeliverySource,
    PartnerStatus,
)
from chanchuang.partners.models import UNITS, Agreement, AgreementParty, Commitment, Delivery

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


def percent(delivered: Decimal, promised: Decimal) -> int:
    """How much of a promise is delivered, in whole percent (0 for nothing promised)."""
    return round(100 * delivered / promised) if promised else 0


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
        return percent(self.delivered, self.promised)


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


@dataclass
class PostsDelivered:
    """Internship posts an organisation delivered under its agreements, as the ledger says."""

    total: Decimal
    by_hand: Decimal  # recorded by a person, not by a placement confirmed in the platform


def posts_delivered(organisation: Organisation, user: User) -> PostsDelivered:
    """The internship posts the ledger records as delivered by the organisation, over the
    agreements the user sees (one query)."""
    sums = Delivery.objects.visible_to(user).filter(
        commitment__party__organisation=organisation,
        commitment__kind=CommitmentKind.INTERNSHIP_POSTS,
    ).aggregate(total=Sum("quantity"),
                placed=Sum("quantity", filter=Q(source=DeliverySource.PLACEMENT)))
    total, placed = sums["total"] or Decimal(0), sums["placed"] or Decimal(0)
    return PostsDelivered(total=total, by_hand=total - placed)


class _DaysBefore(Func):
    """A date column minus a whole-days column, as a date (PostgreSQL: ``date - integer``)."""

    arity = 2
    arg_joiner = " - "
    template = "(%(expressions)s)"
    output_field = DateField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, template="date(%(expressions)s || ' days')",
                           arg_joiner=", '-' || ", **extra_context)


def falling_due(agreements: QuerySet, today: dt.date) -> QuerySet:
    """The agreements in force that have entered their reminder window (``reminder_days``
    before their end, as ``services.refresh_statuses`` marks them expiring) or already ended,
    leaving out the three-party internship agreements (they end with their placement) and
    agreements whose renewal is drafted. The one meaning of "falling due": the home's to-dos
    and the daily reminders both start from it."""
    return agreements.filter(status__in=IN_FORCE).alias(
        reminded_from=_DaysBefore(F("end_date"), F("reminder_days"))).filter(
        ~Exists(AgreementParty.objects.filter(agreement=OuterRef("pk"), student__isnull=False)),
        reminded_from__lte=today, renewals__isnull=True)


def commitments_falling_due(commitments: QuerySet, today: dt.date) -> QuerySet:
    """Of ``commitments``, those still short of their target under an agreement falling due
    (annotated with ``delivered``)."""
    return (commitments.filter(agreement__in=falling_due(Agreement.objects.all(), today))
            .with_delivered().filter(delivered__lt=F("target")))
