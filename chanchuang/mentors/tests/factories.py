"""Builders of mentors objects for tests (used by the cast in cast.py)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from chanchuang.mentors.choices import ActivityKind, AppointmentStatus
from chanchuang.mentors.models import (
    Activity,
    Appointment,
    AppointmentTitle,
    Mentor,
    new_check_code,
)
from chanchuang.mentors.services import next_serial

TERM = (dt.date(2026, 6, 24), dt.date(2029, 6, 23))


def mentor(*, school, name, organisation=None, user=None, phone="13907112345") -> Mentor:
    """A mentor of the school's pool."""
    return Mentor.objects.create(school=school, name=name, organisation=organisation, user=user,
                                 job_title="创始人", phone=phone)


def builtin_title(code: str = "guest_professor") -> AppointmentTitle:
    """One of the built-in titles (the world creates them)."""
    return AppointmentTitle.objects.get(school=None, code=code)


def appointment(*, mentor, title=None, status=AppointmentStatus.ACTIVE, start=TERM[0],
                end=TERM[1]) -> Appointment:
    """An appointment in the given state; approved ones carry a letter serial."""
    made = Appointment(school_id=mentor.school_id, mentor=mentor,
                       title=title or builtin_title(), start_date=start, end_date=end,
                       status=status, duties="授课与项目辅导")
    if status != AppointmentStatus.PROPOSED:
        made.serial = next_serial(made)
        made.check_code = new_check_code()
        made.approved_at = timezone.now()
    made.save()
    return made


def activity(*, mentor, hours="2", day=dt.date(2026, 10, 1)) -> Activity:
    """A lecture the mentor gave."""
    return Activity.objects.create(mentor=mentor, kind=ActivityKind.LECTURE, title="创业讲座",
                                   happened_on=day, hours=Decimal(hours))
