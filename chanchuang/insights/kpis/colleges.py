"""KPIs of industry colleges (colleges app): the colleges running in the year, the students of
their programmes and the utilisation of their shared resources. The programme students and the
utilisation reuse the colleges app's own definitions (``colleges.indicators`` and
``colleges.queries.resources.open_hours``), grouped per school instead of per college."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db.models import Count, DurationField, F, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from chanchuang.colleges import indicators
from chanchuang.colleges.choices import BookingStatus
from chanchuang.colleges.models import Booking, CollegeProgramme, IndustryCollege, SharedResource
from chanchuang.colleges.queries.resources import open_hours
from chanchuang.insights.kpis import Kpi, Share, Slice, Unit
from chanchuang.insights.kpis.links import list_url, year_bounds

SECTION = _("Industry colleges")
PROGRAMME_STUDENTS = indicators.BY_CODE["programme_students"]


def _colleges_query(piece: Slice):
    first, last = year_bounds(piece.year)
    colleges = IndustryCollege.objects.filter(
        Q(closed_on__isnull=True) | Q(closed_on__gte=first), school_id__in=piece.school_ids,
        founded_on__lte=last)
    if piece.college_id is not None:
        colleges = colleges.filter(pk=piece.college_id)
    return colleges


def _colleges(piece: Slice) -> dict[int, int]:
    return dict(_colleges_query(piece).order_by().values_list("school_id").annotate(
        n=Count("pk")).values_list("school_id", "n"))


def _programme_students(piece: Slice) -> dict[int, int]:
    """The colleges' indicator "students in programmes" (programmes started by the year,
    their students counted once), per school: one grouped query."""
    programmes = CollegeProgramme.objects.filter(college__school_id__in=piece.school_ids)
    if piece.college_id is not None:
        programmes = programmes.filter(college_id=piece.college_id)
    aggregates = PROGRAMME_STUDENTS.aggregates(piece.year)
    return dict(programmes.order_by().values_list("college__school_id").annotate(
        **aggregates).values_list("college__school_id", PROGRAMME_STUDENTS.code))


def _utilisation(piece: Slice) -> dict[int, Share]:
    """Booked (approved) hours against open hours of the active shared resources over the
    year: open hours by the colleges app's own ``open_hours``, booked hours summed by the
    database (two queries: the resources, the bookings' hours per school)."""
    resources = SharedResource.objects.filter(college__school_id__in=piece.school_ids,
                                              is_active=True)
    if piece.college_id is not None:
        resources = resources.filter(college_id=piece.college_id)
    opened: dict[int, Decimal] = {}
    for resource in resources.select_related("college"):
        school = resource.college.school_id
        opened[school] = opened.get(school, Decimal(0)) + sum(
            open_hours(resource, piece.year, month) for month in range(1, 13))
    if not opened:
        return {}
    zone = timezone.get_current_timezone()
    booked = dict(Booking.objects.filter(
        resource__in=resources.values("pk"), status=BookingStatus.APPROVED,
        starts_at__gte=dt.datetime(piece.year, 1, 1, tzinfo=zone),
        starts_at__lt=dt.datetime(piece.year + 1, 1, 1, tzinfo=zone))
        .order_by().values_list("resource__college__school_id")
        .annotate(span=Sum(F("ends_at") - F("starts_at"), output_field=DurationField()))
        .values_list("resource__college__school_id", "span"))
    return {school: Share(round(Decimal(booked[school].total_seconds()) / 3600)
                          if booked.get(school) else 0, round(hours))
            for school, hours in opened.items()}


FIGURES = (
    Kpi("industry_colleges", _("Industry colleges"), SECTION, Unit.COUNT, _colleges,
        frozenset({"college"}),
        drill=lambda piece: list_url("colleges:industrycollege_list"),
        help=_("Industry colleges founded by the year's end and not closed before it began. "
               "The list has no filter by year."),
        drill_perm="colleges.list_colleges"),
    Kpi("programme_students", _("Students in college programmes"), SECTION, Unit.COUNT,
        _programme_students, frozenset({"college"}),
        drill=lambda piece: list_url("colleges:collegeprogramme_list",
                                     college=piece.college_id),
        help=_("Students of the order classes, apprenticeship classes and micro-majors started "
               "by the year, each counted once (the colleges' indicator). The list shows the "
               "programmes."),
        drill_perm="colleges.list_colleges"),
    Kpi("resource_utilisation", _("Shared-resource utilisation"), SECTION, Unit.SHARE,
        _utilisation, frozenset({"college"}),
        drill=lambda piece: list_url("colleges:sharedresource_utilisation",
                                     first=f"{piece.year}-01", last=f"{piece.year}-12"),
        help=_("Hours booked (approved) against the opening hours of the shared resources "
               "open for booking, over the year."),
        drill_perm="colleges.view_utilisation"),
)
