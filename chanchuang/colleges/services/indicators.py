"""State changes of the indicators: a college's yearly targets, set by staff; and the ledger link,
by which a confirmed contribution that an agreement promised shows in the partners ledger as the
same delivery."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from chanchuang.colleges import indicators as catalogue
from chanchuang.colleges.choices import ContributionKind, ContributionStatus
from chanchuang.colleges.models import Contribution, IndustryCollege, Target
from chanchuang.colleges.queries.indicators import years_of
from chanchuang.core import audit
from chanchuang.core.models import User
from chanchuang.core.services import DomainError
from chanchuang.partners import services as partner_services
from chanchuang.partners.choices import CommitmentKind, DeliverySource
from chanchuang.partners.models import Commitment, Delivery

# Largest target a form or the API takes (the column holds 12 digits, 2 after the point).
MAX_TARGET = Decimal("9999999999.99")


def set_targets(*, actor: User, college: IndustryCollege, year: int,
                values: dict[str, Decimal | None]) -> dict[str, Decimal]:
    """Set the college's targets for a year, one number per indicator (None or a missing code
    leaves that indicator without a target). All or nothing: a negative number, an unknown
    indicator or a year outside the college's life is refused, naming each, and nothing is
    written. Returns the targets now set."""
    if year not in years_of(college):
        raise DomainError(_("Year: %(year)s is not a year of this industry college "
                            "(%(first)s to %(last)s).")
                          % {"year": year, "first": years_of(college)[0],
                             "last": years_of(college)[-1]}, field="year")
    unknown = sorted(code for code in values if code not in catalogue.BY_CODE)
    if unknown:
        raise DomainError(_("Unknown indicator: %(codes)s.") % {"codes": "、".join(unknown)})
    problems = []
    for item in catalogue.CATALOGUE:
        value = values.get(item.code)
        if value is None:
            continue
        if value < 0:
            problems.append(_("%(indicator)s: the target cannot be below zero.")
                            % {"indicator": item.label})
        elif value > MAX_TARGET:
            problems.append(_("%(indicator)s: the target is too large.")
                            % {"indicator": item.label})
    if problems:
        field = next(code for code, value in values.items() if value is not None
                     and (value < 0 or value > MAX_TARGET)) if len(problems) == 1 else None
        raise DomainError("；".join(problems), field=field)
    wanted = {code: Decimal(value).quantize(catalogue.CENT)
              for code, value in values.items() if value is not None}
    with transaction.atomic():
        # Two staff saving the same year's targets at once: the later one wins whole.
        existing = {target.indicator: target for target in Target.objects.select_for_update()
                    .filter(college=college, year=year)}
        before = {code: str(target.value) for code, target in existing.items()}
        for code, target in existing.items():
            if code not in wanted:
                target.delete()
            elif target.value != wanted[code]:
                target.value = wanted[code]
                target.save(update_fields=["value"])
        Target.objects.bulk_create([Target(college=college, year=year, indicator=code,
                                           value=value)
                                    for code, value in wanted.items() if code not in existing])
        after = {code: str(value) for code, value in wanted.items()}
        audit.record(actor=actor, action="colleges.targets.set", obj=college,
                     school_id=college.school_id,
                     data={"year": year, "before": before, "after": after})
    return wanted


# A confirmed contribution of these kinds fills the contributing party's commitment of the
# matching kind under the college's founding agreement: (commitment kind, the quantity
# delivered, from the contribution).
LEDGER_KINDS = {
    ContributionKind.TRAINING: (CommitmentKind.TRAINING, lambda c: c.amount),  # person-days
    ContributionKind.EQUIPMENT: (CommitmentKind.EQUIPMENT, lambda c: Decimal(1)),  # one item
}


def ledger_commitment(contribution: Contribution) -> Commitment | None:
    """The commitment of the founding agreement that a contribution delivers on: the
    contributing party's (the school's when no organisation) of the matching kind."""
    mapping = LEDGER_KINDS.get(contribution.kind)
    agreement_id = contribution.college.founding_agreement_id
    if mapping is None or agreement_id is None:
        return None
    return Commitment.objects.filter(
        agreement_id=agreement_id, kind=mapping[0], party__student__isnull=True,
        party__organisation=contribution.organisation).order_by("pk").first()


def deliver_to_ledger(contribution: Contribution, actor: User | None) -> Delivery | None:
    """Record a just-confirmed contribution in the partners ledger, when its college's founding
    agreement has the contributing party promise that kind of thing (staff training in
    person-days, equipment by the item): a delivery with source ``college``, dated the
    contribution's day (kept within the agreement's term and not after today). Returns it, or
    None where nothing was promised, the agreement is not in force or the contribution has no
    amount. Call it inside the confirming transaction: a delivery the ledger refuses (more than
    twice the whole commitment) refuses the confirmation with the ledger's message."""
    if contribution.status != ContributionStatus.CONFIRMED:
        return None
    commitment = ledger_commitment(contribution)
    if commitment is None:
        return None
    quantity = LEDGER_KINDS[contribution.kind][1](contribution)
    if not quantity or quantity <= 0:
        return None
    agreement = commitment.agreement
    if not agreement.in_force:
        return None
    day: dt.date = min(max(contribution.happened_on, agreement.start_date),
                       timezone.localdate(), agreement.end_date)
    if day < agreement.start_date:
        return None
    return partner_services.record_delivery(
        actor=actor, commitment=commitment, quantity=quantity, delivered_on=day,
        description=_("%(college)s: %(title)s") % {"college": contribution.college,
                                                    "title": contribution.title},
        source=DeliverySource.COLLEGE)
