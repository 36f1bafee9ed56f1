"""What the talent app has waiting on people's home pages (core autodiscovers this module),
one block per sub-concept."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from chanchuang.core import todos
from chanchuang.talent.choices import CertificateStatus
from chanchuang.talent.models import Certificate
from chanchuang.talent.queries import docking as docking_queries

# --- docking: follow-ups of docking activities ------------------------------------------------


@todos.register
def follow_up_todos(user, scope) -> list[todos.ToDo]:
    """Whoever owns an open follow-up of a docking activity (staff, department staff, an
    enterprise member): do it by its due date (overdue ones are marked). One query."""
    if not (scope.is_admin or scope.staff_schools or scope.department_ids
            or scope.organisation_ids):
        return []
    return [todos.ToDo(what=_("Follow up: %(action)s") % {"action": follow_up.action},
                       detail=follow_up.event.title, due=follow_up.due_on,
                       url=f"{follow_up.event.get_absolute_url()}#follow-up-{follow_up.pk}",
                       icon="message-check")
            for follow_up in docking_queries.open_follow_ups(user)]


# --- supply: certificates awaiting check ------------------------------------------------------


@todos.register
def certificate_todos(user, scope) -> list[todos.ToDo]:
    """School staff (their school's students) and department staff (their department's):
    certificates students recorded that await a check (one to-do with the count)."""
    if not (scope.is_admin or scope.staff_schools or scope.department_ids):
        return []
    count = Certificate.objects.visible_to(user).filter(
        status=CertificateStatus.CLAIMED).count()
    if not count:
        return []
    return [todos.ToDo(what=_("Check certificates: %(count)d awaiting") % {"count": count},
                       detail=_("Recorded by students, with their scans."),
                       url=reverse("talent:certificate_list") + "?status=claimed",
                       icon="certificate")]
