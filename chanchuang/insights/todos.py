"""What the insights app puts on people's home pages (core autodiscovers this module): what
waits for people and the figures their roles care about, one block per sub-concept."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from chanchuang.core import todos
from chanchuang.core.choices import Role
from chanchuang.insights.choices import Verification
from chanchuang.insights.queries.destinations import awaiting_verification

# --- destinations: graduate destinations awaiting verification ---------------------------------


@todos.register
def destination_todos(user, scope) -> list[todos.ToDo]:
    """School staff (who verify): the self-reported destinations of their school awaiting
    verification (one to-do with the count). One query."""
    if not (scope.is_admin or scope.staff_schools):
        return []
    waiting = todos.managed(awaiting_verification(user), scope)
    count = waiting.count() if waiting is not None else 0
    if not count:
        return []
    return [todos.ToDo(
        what=_("Verify graduate destinations: %(count)d awaiting") % {"count": count},
        detail=_("Self-reported, with their evidence."),
        url=f"{reverse('insights:destination_list')}?verification={Verification.SELF_REPORTED}",
        icon="school")]


# --- dashboard ---------------------------------------------------------------------------------


@todos.register_figures
def dashboard_figures(user, scope) -> list[todos.Figure]:
    """School staff and department staff: a card leading to the dashboard (成效看板) of the
    year. No query: the figures themselves are on the dashboard."""
    year = timezone.localdate().year
    url = reverse("insights:dashboard")
    detail = _("This year's outcomes against last year's")
    figures = []
    if scope.staff_schools:
        figures.append(todos.Figure(Role.SCHOOL_STAFF, 90, _("Dashboard"), year, url, detail))
    if scope.department_ids:
        figures.append(todos.Figure(Role.DEPARTMENT_STAFF, 90, _("Dashboard"), year, url,
                                    detail))
    return figures
