"""The appointment letter (聘书): the title's staff-editable template filled in, with the serial,
the verification address and its QR code, rendered to PDF."""

from __future__ import annotations

import io
from typing import Any

import segno
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from chanchuang.core.pdf import render_pdf
from chanchuang.core.staff_templates import render_staff_template
from chanchuang.mentors.models import Appointment, AppointmentTitle


def default_letter_template() -> str:
    """The template the built-in titles start from."""
    return AppointmentTitle.default_template()


def _long_date(value) -> str:
    return f"{value.year}年{value.month}月{value.day}日" if value else ""


def letter_context(appointment: Appointment, verify_url: str) -> dict[str, Any]:
    """What a letter template may use: plain values only."""
    mentor = appointment.mentor
    return {"letter": {
        "name": mentor.name,
        "organisation": mentor.organisation.name if mentor.organisation_id else "",
        "job_title": mentor.job_title,
        "school": appointment.school.name,
        "title": appointment.title.name,
        "appointing_body": appointment.appointing_body,
        "duties": appointment.duties,
        "start": _long_date(appointment.start_date),
        "end": _long_date(appointment.end_date),
        "issued": _long_date(appointment.approved_at.date() if appointment.approved_at else None),
        "serial": appointment.serial,
        "check_code": appointment.check_code,
        "verify_url": verify_url,
    }}


def qr_svg(text: str) -> str:
    """A QR code of the text, as inline SVG."""
    out = io.BytesIO()
    segno.make(text, error="m").save(out, kind="svg", scale=3, border=1, xmldecl=False)
    return out.getvalue().decode()


def render_letter_pdf(appointment: Appointment, verify_url: str) -> bytes:
    """The appointment letter as a one-page A4 PDF."""
    context = letter_context(appointment, verify_url)
    body = render_staff_template(appointment.title.letter_template, context)
    html = render_to_string("mentors/letter_pdf.html", {
        **context, "body": body,
        "qr": mark_safe(qr_svg(verify_url))})  # SVG made here from the URL
    return render_pdf(html)
