"""Builders of colleges objects for tests (used by the cast in cast.py)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from chanchuang.colleges.choices import (
    BookingStatus,
    ContributionKind,
    ContributionStatus,
    CouncilKind,
    MemberRole,
    ProgrammeKind,
    ResourceKind,
)
from chanchuang.colleges.models import (
    Booking,
    CollegeMember,
    CollegeProgramme,
    Contribution,
    Council,
    IndustryCollege,
    SharedResource,
)


def college(*, school, name="碳中和产业学院", members=(), agreement=None,
            founded_on=dt.date(2025, 9, 1)) -> IndustryCollege:
    """An industry college of ``school`` with ``members`` as co-builders."""
    made = IndustryCollege.objects.create(school=school, name=name, founded_on=founded_on,
                                          founding_agreement=agreement)
    for organisation in members:
        CollegeMember.objects.create(college=made, organisation=organisation,
                                     role=MemberRole.CO_BUILDER)
    return made


def programme(*, college, students=(), partner=None, kind=ProgrammeKind.ORDER_CLASS,
              name="碳资产管理订单班") -> CollegeProgramme:
    """A programme of the college with ``students``."""
    made = CollegeProgramme.objects.create(college=college, kind=kind, name=name,
                                           partner=partner, start_year=2025, places=40)
    made.students.set(students)
    return made


def council(*, college, kind=CouncilKind.COUNCIL, name="理事会") -> Council:
    """A council (or committee) of the college."""
    return Council.objects.create(college=college, kind=kind, name=name)


def contribution(*, college, organisation=None, kind=ContributionKind.COURSE,
                 status=ContributionStatus.RECORDED, amount="32",
                 day=dt.date(2026, 3, 1), title="碳排放核算实务") -> Contribution:
    """A contribution of ``organisation`` (the school when None) to the college."""
    return Contribution.objects.create(
        college=college, organisation=organisation, kind=kind, title=title, happened_on=day,
        amount=Decimal(amount) if amount is not None else None, status=status)


def resource(*, college, owner=None, name="碳排放核算实验室", kind=ResourceKind.LAB,
             needs_approval=True) -> SharedResource:
    """A shared resource of the college, open 8:00–18:00 on workdays."""
    return SharedResource.objects.create(college=college, owner=owner, name=name, kind=kind,
                                         capacity=40, location="实训楼A301",
                                         needs_approval=needs_approval)


def booking(*, resource, user, status=BookingStatus.PENDING, day=dt.date(2026, 12, 14),
            start=dt.time(9, 0), end=dt.time(11, 0), purpose="碳核算实训课") -> Booking:
    """A booking of ``resource`` by ``user`` on ``day`` (a Monday by default)."""
    zone = timezone.get_current_timezone()
    return Booking.objects.create(
        resource=resource, booked_by=user, purpose=purpose, status=status,
        starts_at=dt.datetime.combine(day, start, tzinfo=zone),
        ends_at=dt.datetime.combine(day, end, tzinfo=zone))
