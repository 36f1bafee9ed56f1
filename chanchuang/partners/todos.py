"""What the partners app has waiting on the home page: agreements falling due (in their reminder
window, or expired and still marked in force) for school staff, and commitments short under
them, for staff and for the committed organisation's members (``queries.falling_due``, which the
daily reminders share). And an enterprise's figure: its commitments met."""

from __future__ import annotations

from django.db.models import Count, F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from chanchuang.core import todos
from chanchuang.core.choices import Role
from chanchuang.partners import queries
from chanchuang.partners.choices import IN_FORCE
from chanchuang.partners.models import Agreement, Commitment, quantity_text


@todos.register
def agreement_todos(user, scope) -> list[todos.ToDo]:
    """School staff: agreements to renew before they end, or expired and still in force."""
    agreements = todos.managed(Agreement.objects.visible_to(user), scope)
    if agreements is None:
        return []
    today = timezone.localdate()
    found = []
    for agreement in queries.falling_due(agreements, today).order_by("end_date"):
        expired = agreement.end_date < today
        found.append(todos.ToDo(
            what=(_("Expired, still in force: %(agreement)s") if expired
                  else _("Renew or close: %(agreement)s")) % {"agreement": agreement},
            detail=(_("It ended on %(day)s.") if expired else _("It ends on %(day)s."))
            % {"day": agreement.end_date},
            due=agreement.end_date, url=agreement.get_absolute_url(), icon="file-certificate"))
    return found


@todos.register
def commitment_todos(user, scope) -> list[todos.ToDo]:
    """Commitments short of their target under an agreement falling due: the school's for its
    staff, an organisation's own for its members."""
    visible = Commitment.objects.visible_to(user)
    staff = todos.managed(visible, scope, "agreement__school_id")
    own = visible.filter(party__organisation_id__in=scope.organisation_ids)
    if staff is None and not scope.organisation_ids:
        return []
    today = timezone.localdate()
    due = (queries.commitments_falling_due(own if staff is None else staff | own, today)
           # A party's name is its organisation's, its student's or its school's.
           .select_related("agreement", "party__organisation", "party__student__user",
                           "party__agreement__school").order_by("agreement__end_date", "pk"))
    return [todos.ToDo(what=_("Deliver: %(commitment)s") % {"commitment": commitment},
                       detail=_("%(delivered)s of %(target)s %(unit)s delivered; "
                                "%(agreement)s ends on %(day)s.") % {
                           "delivered": quantity_text(commitment.delivered),
                           "target": quantity_text(commitment.target), "unit": commitment.unit,
                           "agreement": commitment.agreement.number,
                           "day": commitment.agreement.end_date},
                       due=commitment.agreement.end_date,
                       url=commitment.agreement.get_absolute_url(), icon="truck-delivery")
            for commitment in due]


@todos.register_figures
def commitment_figures(user, scope) -> list[todos.Figure]:
    """An enterprise: of its commitments under agreements in force, how many are met."""
    if not scope.organisation_ids:
        return []
    counts = (Commitment.objects.visible_to(user)
              .filter(party__organisation_id__in=scope.organisation_ids,
                      agreement__status__in=IN_FORCE)
              .with_delivered()
              .aggregate(total=Count("pk"), met=Count("pk", filter=Q(delivered__gte=F("target")))))
    return [todos.Figure(Role.ENTERPRISE_MEMBER, 30, _("Commitments met"),
                         f"{counts['met']} / {counts['total']}", reverse("partners:agreement_list"),
                         _("delivered in full, of those under agreements in force"))]
