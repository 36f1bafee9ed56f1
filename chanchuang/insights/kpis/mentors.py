"""KPIs of the mentor pool (mentors app): the hours mentors gave in the year."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Sum
from django.utils.translation import gettext_lazy as _

from chanchuang.insights.kpis import Kpi, Slice, Unit
from chanchuang.insights.kpis.links import list_url
from chanchuang.mentors.models import Activity

SECTION = _("Mentors")


def _hours(piece: Slice) -> dict[int, Decimal]:
    rows = (Activity.objects.filter(mentor__school_id__in=piece.school_ids,
                                    happened_on__year=piece.year)
            .order_by().values_list("mentor__school_id").annotate(hours=Sum("hours"))
            .values_list("mentor__school_id", "hours"))
    return {school: hours or Decimal(0) for school, hours in rows}


FIGURES = (
    Kpi("mentor_hours", _("Mentor hours"), SECTION, Unit.AMOUNT, _hours,
        drill=lambda piece: list_url("mentors:mentor_list"),
        help=_("Hours of the lectures, workshops, mentoring sessions and judging that the "
               "school's mentors gave in the year. Mentors belong to the school, not to a "
               "department; the mentor list has no filter by year."),
        drill_perm="mentors.list_mentors"),
)
