"""What the colleges app has waiting on the home page, one block per sub-concept."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from chanchuang.colleges.choices import ContributionStatus, DecisionStatus
from chanchuang.colleges.models import Contribution, Decision
from chanchuang.core import todos

# --- governance: decisions to carry out -------------------------------------------------------


@todos.register
def decision_todos(user, scope) -> list[todos.ToDo]:
    """Anyone who owns an open decision of a meeting (staff, an enterprise member, a council
    member's login): carry it out by its due date (overdue ones first)."""
    if not (scope.is_admin or scope.staff_schools or scope.department_ids
            or scope.organisation_ids):
        return []
    decisions = Decision.objects.visible_to(user).filter(
        owner=user, status=DecisionStatus.OPEN).select_related("meeting").order_by(
        "due_on", "pk")
    return [todos.ToDo(what=_("Carry out the decision: %(text)s") % {"text": decision.text},
                       detail=str(decision.meeting), due=decision.due_on,
                       url=decision.get_absolute_url(), icon="gavel")
            for decision in decisions]


# --- work: co-developed work to confirm, or returned for correction --------------------------


@todos.register
def contribution_todos(user, scope) -> list[todos.ToDo]:
    """School staff: work recorded by enterprises and awaiting confirmation (one to-do with
    the count). Whoever recorded work that staff returned: correct it."""
    found: list[todos.ToDo] = []
    if not (scope.staff_schools or scope.organisation_ids or scope.is_admin):
        return found
    visible = Contribution.objects.visible_to(user)
    waiting = todos.managed(visible, scope, "college__school_id")
    if waiting is not None:
        count = waiting.filter(status=ContributionStatus.RECORDED).count()
        if count:
            found.append(todos.ToDo(
                what=_("Confirm co-developed work: %(count)d awaiting") % {"count": count},
                detail=_("Recorded by member organisations, with their evidence."),
                url=reverse("colleges:contribution_list") + "?status=recorded",
                icon="clipboard-check"))
    returned = visible.filter(recorded_by=user, status=ContributionStatus.RETURNED)
    found += [todos.ToDo(what=_("Correct the returned work: %(title)s")
                         % {"title": contribution.title},
                         detail=contribution.review_note, url=contribution.get_absolute_url(),
                         icon="arrow-back-up")
              for contribution in returned]
    return found
