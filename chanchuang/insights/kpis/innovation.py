"""KPIs of innovation and entrepreneurship (innovation app): bootcamp participants and
completions, competition awards, start-ups registered and the funding they raised."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, Sum
from django.utils.translation import gettext_lazy as _

from chanchuang.innovation.choices import ApplicationStatus, CreditCategory
from chanchuang.innovation.models import ApplicationMember, Credit, Startup
from chanchuang.insights.kpis import Kpi, Slice, Unit
from chanchuang.insights.kpis.links import list_url, overlapping
from chanchuang.insights.kpis.slicing import college_majors, narrowed

SECTION = _("Innovation and entrepreneurship")


def _members(piece: Slice):
    """Students in the teams of bootcamp cohorts (accepted applications, not withdrawn)."""
    return narrowed(ApplicationMember.objects.filter(
        active=True, application__status=ApplicationStatus.ACCEPTED), piece,
        school="cohort__school", department="student__department", major="student__major")


def _by_cohort_school(queryset) -> dict[int, int]:
    return dict(queryset.order_by().values_list("cohort__school_id").annotate(
        n=Count("student", distinct=True)).values_list("cohort__school_id", "n"))


def _participants(piece: Slice) -> dict[int, int]:
    return _by_cohort_school(_members(piece).filter(
        **overlapping(piece.year, "cohort__starts_on", "cohort__ends_on")))


def _completions(piece: Slice) -> dict[int, int]:
    return _by_cohort_school(_members(piece).filter(completed=True,
                                                    cohort__ends_on__year=piece.year))


def _awards(piece: Slice) -> dict[int, int]:
    credits = narrowed(Credit.objects.filter(category=CreditCategory.COMPETITION,
                                             earned_on__year=piece.year).exclude(award=""),
                       piece, school="student__school", department="student__department",
                       major="student__major")
    return dict(credits.order_by().values_list("student__school_id").annotate(
        n=Count("pk")).values_list("student__school_id", "n"))


def _startups(piece: Slice):
    """Start-ups registered in the year; with a department or a college, those with a founder
    of that department or of the college's majors."""
    startups = Startup.objects.filter(school_id__in=piece.school_ids,
                                      registered_on__year=piece.year)
    founders = Startup.founders.through.objects.filter(startup_id=OuterRef("pk"))
    if piece.department_id is not None:
        startups = startups.filter(Exists(founders.filter(
            student__department_id=piece.department_id)))
    if piece.college_id is not None:
        startups = startups.filter(Exists(founders.filter(
            student__major_id__in=college_majors(piece.college_id))))
    return startups


def _startup_count(piece: Slice) -> dict[int, int]:
    return dict(_startups(piece).order_by().values_list("school_id").annotate(
        n=Count("pk")).values_list("school_id", "n"))


def _funding(piece: Slice) -> dict[int, Decimal]:
    return {school: amount or Decimal(0) for school, amount in _startups(piece).order_by()
            .values_list("school_id").annotate(n=Sum("funding")).values_list("school_id", "n")}


FIGURES = (
    Kpi("bootcamp_participants", _("Bootcamp participants"), SECTION, Unit.COUNT,
        _participants, frozenset({"department", "college"}),
        drill=lambda piece: list_url("innovation:cohort_list"),
        help=_("Students in the teams (accepted applications) of bootcamp cohorts running "
               "during the year, each counted once. The cohort list has no filter by year."),
        drill_perm="innovation.view_cohorts"),
    Kpi("bootcamp_completions", _("Bootcamp completions"), SECTION, Unit.COUNT, _completions,
        frozenset({"department", "college"}),
        drill=lambda piece: list_url("innovation:cohort_list"),
        help=_("Students who completed a bootcamp cohort ending in the year. The cohort list "
               "has no filter by year."),
        drill_perm="innovation.view_cohorts"),
    Kpi("competition_awards", _("Competition awards"), SECTION, Unit.COUNT, _awards,
        frozenset({"department", "college"}),
        drill=lambda piece: list_url("innovation:credit_list", category=CreditCategory.COMPETITION,
                                     year=piece.year),
        help=_("Competition credits with an award, earned in the year."),
        drill_perm="innovation.view_records"),
    Kpi("startups", _("Start-ups registered"), SECTION, Unit.COUNT, _startup_count,
        frozenset({"department", "college"}),
        drill=lambda piece: list_url("innovation:startup_list", year=piece.year),
        help=_("Companies students registered in the year (with a founder of the department "
               "or the college's majors when one is chosen)."),
        drill_perm="innovation.view_cohorts"),
    Kpi("startup_funding", _("Funding raised by start-ups (10,000 yuan)"), SECTION, Unit.AMOUNT,
        _funding, frozenset({"department", "college"}),
        drill=lambda piece: list_url("innovation:startup_list", year=piece.year),
        help=_("The funding recorded for the start-ups registered in the year, in 10,000 "
               "yuan."),
        drill_perm="innovation.view_cohorts"),
)
