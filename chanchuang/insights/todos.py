"""What the insights app has waiting on people's home pages (core autodiscovers this module),
one block per sub-concept."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from chanchuang.core import todos
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
