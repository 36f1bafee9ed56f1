"""What the talent app has waiting on people's home pages (core autodiscovers this module),
one block per sub-concept."""

# --- supply: certificates awaiting check ------------------------------------------------------
from django.urls import reverse
from django.utils.translation import gettext as _

from chanchuang.core import todos
from chanchuang.talent.choices import CertificateStatus
from chanchuang.talent.models import Certificate


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
