"""KPIs of graduate destinations: the employment rate (就业去向落实率), the local (in-province)
employment share, how much of it is verified, and destinations by national group."""

from __future__ import annotations

from urllib.parse import urlencode

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from chanchuang.insights.choices import UNEMPLOYED_GROUPS, DestinationGroup, Verification
from chanchuang.insights.kpis import Breakdown, Kpi, Share, Slice, Unit
from chanchuang.insights.kpis.slicing import narrowed
from chanchuang.insights.models import GraduateDestination

SECTION = _("Graduate destinations")
EMPLOYED = ~Q(group__in=UNEMPLOYED_GROUPS)


def _graduates(piece: Slice):
    return narrowed(GraduateDestination.objects.filter(graduation_year=piece.year), piece,
                    department="department", major="major")


def _shares(piece: Slice, part: Q, whole: Q | None = None) -> dict[int, Share]:
    rows = _graduates(piece).filter(whole or Q()).order_by().values_list("school_id").annotate(
        part=Count("pk", filter=part), whole=Count("pk")).values_list("school_id", "part",
                                                                      "whole")
    return {school: Share(p, w) for school, p, w in rows}


def destination_list_url(piece: Slice, **extra) -> str:
    """The destination list of the slice's graduation year (and department)."""
    query = {"graduation_year": piece.year, **extra}
    if piece.department_id:
        query["department"] = piece.department_id
    return f"{reverse('insights:destination_list')}?{urlencode(query)}"


def _by_group(piece: Slice) -> dict[int, dict[str, int]]:
    result: dict[int, dict[str, int]] = {}
    for school, group, n in _graduates(piece).order_by().values_list("school_id", "group") \
            .annotate(n=Count("pk")).values_list("school_id", "group", "n"):
        result.setdefault(school, {})[group] = n
    return result


FIGURES = (
    Kpi("employment_rate", _("Destination rate (就业去向落实率)"), SECTION, Unit.SHARE,
        lambda piece: _shares(piece, EMPLOYED), frozenset({"department", "college"}),
        lambda piece: destination_list_url(piece),
        _("Graduates of the year with a destination other than awaiting or not seeking "
          "employment, among all graduates with a record.")),
    Kpi("local_employment", _("Employed in the province"), SECTION, Unit.SHARE,
        lambda piece: _shares(piece, Q(in_province=True), EMPLOYED),
        frozenset({"department", "college"}),
        lambda piece: destination_list_url(piece, in_province="true"),
        _("Among employed graduates, those whose employer is in the school's province.")),
    Kpi("destinations_verified", _("Destinations with verified evidence"), SECTION, Unit.SHARE,
        lambda piece: _shares(piece, Q(verification=Verification.VERIFIED), EMPLOYED),
        frozenset({"department", "college"}),
        lambda piece: destination_list_url(piece, verification=Verification.VERIFIED)),
    Breakdown("destinations_by_group", _("Destinations by national group"), SECTION, _by_group,
              lambda: [(str(value), str(label)) for value, label in DestinationGroup.choices],
              frozenset({"department", "college"}),
              lambda piece, group: destination_list_url(piece, group=group)),
)
