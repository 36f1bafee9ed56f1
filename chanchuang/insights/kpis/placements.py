"""KPIs of alternating training (placements app): students placed during the year, how many
seats were filled, which of their choices students obtained, and placements missing a
safeguard the internship rules require."""

from __future__ import annotations

from django.db.models import (
    Case,
    CharField,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Least
from django.utils.translation import gettext_lazy as _

from chanchuang.insights.kpis import Breakdown, Kpi, Share, Slice, Unit
from chanchuang.insights.kpis.links import list_url, overlapping
from chanchuang.insights.kpis.slicing import college_majors
from chanchuang.placements.choices import BlockKind, PlacementStatus
from chanchuang.placements.models import Placement, PlanBlock, Position

SECTION = _("Alternating training")
IN_TRAINING = (PlacementStatus.CONFIRMED, PlacementStatus.COMPLETED)
RANKS = ("1", "2", "3", "other", "none")


def _placements(piece: Slice, statuses=IN_TRAINING):
    """Placements of the slice's schools (their plan's school) whose period overlaps the year,
    narrowed to the student's department and the college's majors."""
    placements = Placement.objects.filter(position__plan__school_id__in=piece.school_ids,
                                          status__in=statuses, **overlapping(piece.year))
    if piece.department_id is not None:
        placements = placements.filter(student__department_id=piece.department_id)
    if piece.college_id is not None:
        placements = placements.filter(student__major_id__in=college_majors(piece.college_id))
    return placements


def _students(piece: Slice) -> dict[int, int]:
    return dict(_placements(piece).order_by().values_list("position__plan__school_id").annotate(
        n=Count("student", distinct=True)).values_list("position__plan__school_id", "n"))


def _positions(piece: Slice):
    """Positions of plans with a block at the enterprise during the year, narrowed to the
    plan's department (or its major's) and the college's majors."""
    blocks = PlanBlock.objects.filter(plan=OuterRef("plan"), kind=BlockKind.ENTERPRISE,
                                      **overlapping(piece.year))
    positions = Position.objects.filter(Exists(blocks), plan__school_id__in=piece.school_ids)
    if piece.department_id is not None:
        positions = positions.filter(Q(plan__department_id=piece.department_id)
                                     | Q(plan__major__department_id=piece.department_id))
    if piece.college_id is not None:
        positions = positions.filter(plan__major_id__in=college_majors(piece.college_id))
    return positions


def _fill(piece: Slice) -> dict[int, Share]:
    """Seats filled (placements not cancelled) against seats offered, of the positions of the
    year; a position that hosted more students than its seats (one after another over the
    year) counts as full, not over-full. One grouped query."""
    filled = Placement.objects.filter(position=OuterRef("pk")).exclude(
        status=PlacementStatus.CANCELLED).order_by().values("position").annotate(
        n=Count("pk")).values("n")
    rows = (_positions(piece).annotate(filled=Least(Coalesce(Subquery(filled), 0), F("seats"),
                                                       output_field=IntegerField()))
            .order_by().values_list("plan__school_id")
            .annotate(part=Sum("filled"), whole=Sum("seats"))
            .values_list("plan__school_id", "part", "whole"))
    return {school: Share(part or 0, whole or 0) for school, part, whole in rows}


def _ranks(piece: Slice) -> dict[int, dict[str, int]]:
    """Placements of the year from a selection round, by the rank the student had given the
    position they were placed at (1–3, other, or not among their choices), as the round's
    publication stored it on each placement. One grouped query."""
    placements = _placements(piece, statuses=[s for s in PlacementStatus
                                              if s != PlacementStatus.CANCELLED])
    rows = (placements.filter(round__isnull=False).annotate(
        obtained=Case(When(choice_rank__isnull=True, then=Value("none")),
                      *(When(choice_rank=int(n), then=Value(n)) for n in RANKS[:3]),
                      default=Value("other"), output_field=CharField()))
            .order_by().values_list("position__plan__school_id", "obtained")
            .annotate(n=Count("pk")).values_list("position__plan__school_id", "obtained", "n"))
    result: dict[int, dict[str, int]] = {}
    for school, obtained, n in rows:
        result.setdefault(school, {})[str(obtained)] = n
    return result


def _rank_labels() -> list[tuple[str, str]]:
    return [("1", str(_("First choice"))), ("2", str(_("Second choice"))),
            ("3", str(_("Third choice"))), ("other", str(_("A later choice"))),
            ("none", str(_("Not among their choices")))]


# A placement in training without a safeguard the internship rules require (the exceptions
# list names these among others).
UNSAFE = (Q(insurance__isnull=True) | Q(insurance__end_date__lt=F("end_date"))
          | Q(insurance__start_date__gt=F("start_date")) | Q(tripartite_agreement__isnull=True))


def _exceptions(piece: Slice) -> dict[int, int]:
    return dict(_placements(piece).order_by().values_list("position__plan__school_id").annotate(
        n=Count("pk", filter=UNSAFE)).values_list("position__plan__school_id", "n"))


FIGURES = (
    Kpi("alternating_students", _("Students in alternating training"), SECTION, Unit.COUNT,
        _students, frozenset({"department", "college"}),
        drill=lambda piece: list_url("placements:placement_list"),
        help=_("Students with a confirmed or completed placement whose period overlaps the "
               "year, each counted once. The placement list has no filter by year."),
        drill_perm="placements.view_placements"),
    Kpi("placement_fill", _("Placement seats filled"), SECTION, Unit.SHARE, _fill,
        frozenset({"department", "college"}),
        drill=lambda piece: list_url("placements:position_list"),
        help=_("Placements (not cancelled) against the seats of the positions whose training "
               "plan has a block at the enterprise during the year. The position list has no "
               "filter by year."),
        drill_perm="placements.view_plans"),
    Kpi("compliance_exceptions", _("Placements missing a safeguard"), SECTION, Unit.COUNT,
        _exceptions, frozenset({"department", "college"}),
        drill=lambda piece: list_url("placements:placement_exceptions"),
        help=_("Placements of the year (confirmed or completed) without internship liability "
               "insurance covering their whole period or without a three-party agreement. The "
               "exceptions list shows today's confirmed placements that are behind."),
        drill_perm="placements.view_exceptions"),
    Breakdown("rank_obtained", _("Choice obtained"), SECTION, _ranks, _rank_labels,
              frozenset({"department", "college"}),
              drill=lambda piece, rank: list_url("placements:placement_list"),
              help=_("Placements of the year from a selection round, by the place the student "
                     "had given that position among their choices."),
              drill_perm="placements.view_placements"),
)
