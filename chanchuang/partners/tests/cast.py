"""Partners' part of the test cast: agreements of the school with enterprise A and B, one of the
other school, a draft with enterprise A; their commitments, a contact, an attachment, signing
events, deliveries with evidence. Built on first use from core's people (core/tests/cast.py)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import cached_property, partial

from django.core.files.base import ContentFile

from chanchuang.core.document_kinds import ensure_builtin
from chanchuang.core.tests.factories import TINY_PDF
from chanchuang.partners.models import AgreementType, Contact, Delivery, SigningEvent
from chanchuang.partners.tests import factories as pf


class PartnersCast:
    """Mixin of core's ``Cast``: the partners objects of the world."""

    REFERENCE_DATA = (partial(ensure_builtin, AgreementType),)

    @cached_property
    def agreement_type(self):
        return pf.agreement_type(self.school)

    @cached_property
    def builtin_type(self):
        return pf.agreement_type(None, name="内置协议类型（测试）")

    @cached_property
    def agreement_a(self):
        return pf.agreement(school=self.school, organisation=self.enterprise_a,
                            type=self.agreement_type, number="T-A")

    @cached_property
    def agreement_b(self):
        return pf.agreement(school=self.school, organisation=self.enterprise_b,
                            type=self.agreement_type, number="T-B")

    @cached_property
    def agreement_far(self):
        return pf.agreement(school=self.other_school, organisation=self.org_far,
                            type=self.agreement_type, number="T-F")

    @cached_property
    def agreement_draft(self):
        return pf.agreement(school=self.school, organisation=self.enterprise_a,
                            type=self.agreement_type, number="T-D", status="draft")

    @property
    def commitment_a(self):
        """Enterprise A's internship posts under agreement A."""
        return self.agreement_a.commitments.get(party__organisation=self.enterprise_a)

    @property
    def commitment_a_school(self):
        """The school's own commitment under agreement A."""
        return self.agreement_a.commitments.get(party__organisation__isnull=True)

    @property
    def commitment_b(self):
        return self.agreement_b.commitments.get(party__organisation=self.enterprise_b)

    @property
    def commitment_draft(self):
        return self.agreement_draft.commitments.get(party__organisation=self.enterprise_a)

    @property
    def party_draft(self):
        return self.agreement_draft.parties.get(organisation=self.enterprise_a)

    @cached_property
    def contact_a(self):
        return Contact.objects.create(organisation=self.enterprise_a, name="李建华",
                                      title="人力资源部经理", phone="13907110001")

    @cached_property
    def attachment_a(self):
        return pf.attachment(self.agreement_a)

    @cached_property
    def signing_event(self):
        return SigningEvent.objects.create(school=self.school, name="签约仪式",
                                           held_on=dt.date(2026, 6, 24))

    @cached_property
    def signing_event_far(self):
        return SigningEvent.objects.create(school=self.other_school, name="远方签约仪式",
                                           held_on=dt.date(2026, 6, 24))

    @cached_property
    def delivery_a(self):
        return _delivery(self.agreement_a)

    @cached_property
    def delivery_far(self):
        return _delivery(self.agreement_far)


def _delivery(agreement):
    """A delivery against the agreement's first commitment, with a PDF as evidence."""
    return Delivery.objects.create(
        commitment=agreement.commitments.first(), quantity=Decimal(1),
        delivered_on=agreement.start_date,
        evidence=ContentFile(TINY_PDF, name="验收单.pdf"))
