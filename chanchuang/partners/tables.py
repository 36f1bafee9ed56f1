"""Tables of the partners app."""

from __future__ import annotations

import django_tables2 as tables
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from chanchuang.core.models import Organisation
from chanchuang.partners.choices import AgreementStatus, PartnerStatus
from chanchuang.partners.models import Agreement, SigningEvent
from chanchuang.partners.queries import partner_status

STATUS_COLOURS = {
    AgreementStatus.DRAFT: "secondary", AgreementStatus.REVIEW: "yellow",
    AgreementStatus.SIGNED: "cyan", AgreementStatus.ACTIVE: "green",
    AgreementStatus.EXPIRING: "orange", AgreementStatus.EXPIRED: "red",
    AgreementStatus.TERMINATED: "dark", AgreementStatus.RENEWED: "purple",
    PartnerStatus.PROSPECT: "secondary", PartnerStatus.LAPSED: "red",
}


def badge(value: str, label: str) -> str:
    """A Tabler badge coloured by status."""
    return format_html('<span class="badge bg-{}-lt">{}</span>',
                       STATUS_COLOURS.get(value, "secondary"), label)


class PartnerTable(tables.Table):
    """Partners, sorted by pinyin, with their standing."""

    name = tables.Column(linkify=True, order_by="name_pinyin")
    standing = tables.Column(empty_values=(), orderable=False, verbose_name=_("standing"))
    region = tables.Column(accessor="region__full_name", order_by="region__code")

    class Meta:
        model = Organisation
        fields = ["name", "standing", "kind", "industry", "size", "region"]

    def render_standing(self, record):
        status = partner_status(record)
        return badge(status, status.label)


class AgreementTable(tables.Table):
    """Agreements with their parties and term."""

    number = tables.Column(linkify=True)
    title = tables.Column(linkify=True)
    parties = tables.Column(empty_values=(), orderable=False, verbose_name=_("parties"))

    class Meta:
        model = Agreement
        fields = ["number", "title", "type", "parties", "start_date", "end_date", "status"]

    def render_parties(self, record):
        return "、".join(p.organisation.name for p in record.parties.all() if p.organisation_id)

    def render_status(self, record):
        return badge(record.status, record.get_status_display())


class SigningEventTable(tables.Table):
    """Signing events and how many agreements each signed."""

    name = tables.Column(linkify=True)
    signed = tables.Column(verbose_name=_("agreements signed"))

    class Meta:
        model = SigningEvent
        fields = ["name", "held_on", "place", "signed"]
