"""Exports of the partners lists."""

from django.utils.translation import gettext_lazy as _

from chanchuang.core.tabular.columns import Column
from chanchuang.core.tabular.exporting import Exporter
from chanchuang.partners.choices import AgreementStatus
from chanchuang.partners.imports import OrganisationSheet
from chanchuang.partners.queries import partner_status


class PartnerExporter(Exporter):
    """Partners, as the organisation import reads them, with their standing."""

    title = _("Partners")
    filename = "partners"
    columns = [
        *OrganisationSheet.columns,
        Column("standing", _("standing"), export=lambda o: str(partner_status(o).label)),
    ]


class AgreementExporter(Exporter):
    """Agreements with their parties and term."""

    title = _("Agreements")
    filename = "agreements"
    columns = [
        Column("number", _("agreement number")),
        Column("title", _("title")),
        Column("type", _("agreement type"), export=lambda a: a.type.name),
        Column("parties", _("parties"), export=lambda a: "、".join(
            p.organisation.name for p in a.parties.all() if p.organisation_id)),
        Column("start_date", _("start date")),
        Column("end_date", _("end date")),
        Column("status", _("status"), kind="choice", choices=AgreementStatus),
    ]
