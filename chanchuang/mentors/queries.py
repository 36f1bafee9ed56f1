"""Read helpers of the mentors app: what pages and the API show, computed from stored records
only (a GET never writes): the appointment a letter's code belongs to, whether the letter is
current, and a mentor's hours per year."""

from __future__ import annotations

import datetime as dt
import hmac
import re
from decimal import Decimal

from django.utils import timezone

from chanchuang.mentors.choices import AppointmentStatus as S
from chanchuang.mentors.models import Appointment, normalise_check_code

_LONG_CODE = re.compile(r"^(?P<serial>.+)-(?P<check>(?:[0-9A-Z]{4}-){3}[0-9A-Z]{4})$")
_SHORT_CODE = re.compile(r"^(?P<serial>.+)-[0-9A-F]{8}$")


_SERIAL = re.compile(r"^[0-9A-Z]{4}-PS-\d{4}-\d{4}$")


def looks_like_serial(code: str) -> bool:
    """Whether a typed code is a letter serial without its check code (see
    ``services.next_serial``)."""
    return bool(_SERIAL.match("".join(code.split()).upper()))


def appointment_for_code(code: str) -> Appointment | None:
    """The appointment whose letter carries this verification code, or None if forged."""
    code = "".join(code.split()).upper()
    long_code = _LONG_CODE.match(code)
    short_code = None if long_code else _SHORT_CODE.match(code)
    match = long_code or short_code
    if match is None:
        return None
    appointment = Appointment.objects.filter(serial=match["serial"]).exclude(
        serial="").select_related("school", "title", "mentor").first()
    if appointment is None:
        return None
    if long_code:
        genuine = bool(appointment.check_code) and hmac.compare_digest(
            appointment.check_code, normalise_check_code(long_code["check"]))
    else:
        genuine = appointment.accepts_short_code and any(
            hmac.compare_digest(known, code) for known in appointment.short_codes())
    return appointment if genuine else None


def letter_verdict(appointment: Appointment, today: dt.date | None = None) -> str:
    """Whether a genuine letter is current: ``current``, ``upcoming``, ``expired`` or
    ``withdrawn`` (the term's dates decide, so a letter never outlives its term even before the
    daily step runs)."""
    today = today or timezone.localdate()
    if appointment.status == S.WITHDRAWN:
        return "withdrawn"
    if appointment.end_date < today or appointment.status == S.EXPIRED:
        return "expired"
    return "upcoming" if appointment.start_date > today else "current"


def yearly_summary(activities) -> list[dict]:
    """Hours per year and kind of the given activities (of one mentor), newest year first."""
    years: dict[int, dict] = {}
    for activity in activities:
        year = years.setdefault(activity.happened_on.year, {"year": activity.happened_on.year,
                                                            "total": Decimal(0), "kinds": {}})
        label = activity.get_kind_display()
        year["kinds"][label] = year["kinds"].get(label, Decimal(0)) + activity.hours
        year["total"] += activity.hours
    return [years[y] for y in sorted(years, reverse=True)]
