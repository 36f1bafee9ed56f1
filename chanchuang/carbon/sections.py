"""The section carbon adds to a page below it (see ``core.sections``): the "Carbon-trading
training" card on an industry college's page, listing the simulator sessions of the classes
of the majors the college serves (the carbon-neutrality college trains carbon-trading talent
with them)."""

from __future__ import annotations

from typing import Any

from chanchuang.carbon.queries.sessions import session_rows
from chanchuang.core.models import User
from chanchuang.core.sections import COLLEGE, PageSection


def college_sessions(college, user: User) -> dict[str, Any] | None:
    """The sessions the user sees of the college's majors' classes (hidden when there are none
    and the user may not start one)."""
    sessions = list(session_rows(user).filter(
        school_class__major__in=college.majors.all()).select_related("school_class")[:10])
    may_add = user.has_perm("carbon.add_simulation")
    if not sessions and not may_add:
        return None
    return {"sessions": sessions, "may_add": may_add}


SECTIONS = [PageSection(COLLEGE, 60, "carbon/inc/college_sessions.html", college_sessions)]
