"""KPIs of industry colleges (colleges app): the colleges running in the year, the students of
their programmes and the utilisation of their shared resources. The programme students and the
utilisation reuse the colleges app's own definitions (``colleges.indicators`` and
``colleges.queries.resources.utilisation``), grouped per school instead of per college."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from chanchuang.colleges import indicators
from chanchuang.colleges.models import CollegeProgramme, IndustryCollege, SharedResource
from chanchuang.colleges.queries.resources import utilisation
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
    year, by the colleges app's utilisation (two queries: the resources, their bookings)."""
    resources = SharedResource.objects.filter(college__school_id__in=piece.school_ids,
                                              is_active=True).select_related("college", "owner")
    if piece.college_id is not None:
        resources = resources.filter(college_id=piece.college_id)
    resources = list(resources)
    if not resources:
        return {}
    usage = utilisation(None, dt.date(piece.year, 1, 1), dt.date(piece.year, 12, 1), resources)
    hours: dict[int, list] = {}
    for row in usage.resources:
        booked_open = hours.setdefault(row.resource.college.school_id, [0, 0])
        booked_open[0] += row.booked
        booked_open[1] += row.open
    return {school: Share(round(booked), round(opened))
            for school, (booked, opened) in hours.items()}


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
