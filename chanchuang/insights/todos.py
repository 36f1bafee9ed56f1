"""What the insights app puts on people's home pages (core autodiscovers this module), one
block per sub-concept."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from chanchuang.core import todos
from chanchuang.core.choices import Role

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
