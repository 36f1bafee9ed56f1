"""Builders of partners objects for tests (used by the cast in cast.py)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.files.base import ContentFile

from chanchuang.core.tests.factories import TINY_PDF
from chanchuang.partners.choices import AgreementStatus, CommitmentKind, PartyRole
from chanchuang.partners.documents import default_document_template
from chanchuang.partners.models import (
    Agreement,
    AgreementParty,
    AgreementType,
    Attachment,
    Commitment,
)


def agreement_type(school=None, name="产创融合合作协议（测试）") -> AgreementType:
    """An agreement type with the default template (built in when ``school`` is None)."""
    return AgreementType.objects.create(school=school, name=name,
                                        document_template=default_document_template())


def agreement(*, school, organisation, type, status=AgreementStatus.ACTIVE, number="T-001",
              kinds=((CommitmentKind.INTERNSHIP_POSTS, 10),),
              start=dt.date(2026, 1, 1), end=dt.date(2028, 12, 31)) -> Agreement:
    """An agreement between the school and one organisation, with the organisation's
    commitments (``kinds``) and one of the school's (staff training, 5 person-days)."""
    signed = status not in (AgreementStatus.DRAFT, AgreementStatus.REVIEW)
    made = Agreement.objects.create(
        school=school, type=type, number=number, title=f"合作协议（{organisation.name}）",
        status=status, start_date=start, end_date=end,
        signed_on=start if signed else None)
    school_party = AgreementParty.objects.create(agreement=made, role=PartyRole.LEAD)
    party = AgreementParty.objects.create(agreement=made, organisation=organisation,
                                          role=PartyRole.PARTY)
    for kind, target in kinds:
        Commitment.objects.create(agreement=made, party=party, kind=kind, target=Decimal(target))
    Commitment.objects.create(agreement=made, party=school_party, kind=CommitmentKind.TRAINING,
                              target=Decimal(5))
    return made


def attachment(agreement: Agreement) -> Attachment:
    """A stored PDF attached to the agreement."""
    made = Attachment(agreement=agreement, original_name="协议扫描件.pdf",
                      content_type="application/pdf", size=len(TINY_PDF))
    made.file.save("scan.pdf", ContentFile(TINY_PDF), save=False)
    made.save()
    return made
