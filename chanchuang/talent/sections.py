"""The cards the talent app adds to other apps' pages through core's section registry: on an
industry college's page (``COLLEGE``, order 40), the gap of the college's majors next year."""

from __future__ import annotations

from typing import Any

from chanchuang.colleges.models import IndustryCollege
from chanchuang.core.sections import COLLEGE, PageSection
from chanchuang.talent.queries import gap as queries

# --- gap -------------------------------------------------------------------------------------


def college_gap(college: IndustryCollege, user) -> dict[str, Any] | None:
    """The context of the college page's 供需缺口 card (``talent/gap/inc/college_card.html``):
    the gap of the college's majors over the default horizon as the user may see it (an
    enterprise member: its own demand against the aggregate supply). None (no card) for who
    may not see the gap or the college. A fixed number of queries."""
    if not user.has_perm("talent.view_gap") or college.school_id not in queries.schools_of(user):
        return None
    if not IndustryCollege.objects.visible_to(user).filter(pk=college.pk).exists():
        return None
    scope = queries.GapScope(school_id=college.school_id, horizon=queries.horizon_of(None),
                             college=college)
    return {"college": college, "gap": queries.gap(user, scope), "query": scope.query()}


SECTIONS = [
    PageSection(COLLEGE, 40, "talent/gap/inc/college_card.html", college_gap),
]
