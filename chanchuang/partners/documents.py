"""The printed agreement: the type's staff-editable template filled in, rendered to PDF.

The template sees plain values only (no model objects), so an edited template can show the
agreement but not reach into the database.
"""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string
from django.utils.formats import date_format

from chanchuang.core.pdf import render_pdf
from chanchuang.core.staff_templates import render_staff_template
from chanchuang.partners.models import Agreement, AgreementType, quantity_text


def default_document_template() -> str:
    """The template every built-in agreement type starts from."""
    return AgreementType.default_template()


def _long_date(value) -> str:
    return f"{value.year}年{value.month}月{value.day}日" if value else ""


def document_context(agreement: Agreement) -> dict[str, Any]:
    """What an agreement template may use: the agreement, its parties and commitments."""
    parties = list(agreement.parties.select_related("organisation"))
    commitments = agreement.commitments.select_related("party__organisation").order_by(
        "party_id", "kind")
    return {
        "agreement": {
            "number": agreement.number,
            "title": agreement.title,
            "type": agreement.type.name,
            "school": agreement.school.name,
            "start": _long_date(agreement.start_date),
            "end": _long_date(agreement.end_date),
            "signed_on": _long_date(agreement.signed_on),
            "scope": agreement.scope,
        },
        "parties": [
            {
                "name": party.organisation.name if party.organisation else agreement.school.name,
                "role": party.get_role_display(),
                "credit_code": party.organisation.credit_code if party.organisation else "",
                "signatory": party.signatory,
                "signatory_title": party.signatory_title,
            }
            for party in parties
        ],
        "commitments": [
            {
                "party": (c.party.organisation.name if c.party.organisation
                          else agreement.school.name),
                "kind": c.get_kind_display(),
                "target": quantity_text(c.target),
                "unit": c.unit,
                "description": c.description,
            }
            for c in commitments
        ],
    }


def render_agreement_pdf(agreement: Agreement) -> bytes:
    """The agreement as a PDF (A4, Chinese fonts)."""
    context = document_context(agreement)
    body = render_staff_template(agreement.type.document_template, context)
    html = render_to_string("partners/agreement_pdf.html", {
        **context, "body": body,
        "printed": date_format(agreement.created_at, "Y-m-d")})
    return render_pdf(html)
