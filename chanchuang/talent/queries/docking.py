"""Read helpers of docking activities: who may own a follow-up, the rows of the list, a user's
open follow-ups, and the card on a partner's page (core's section registry, page PARTNER)."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse

from chanchuang.core.choices import Role
from chanchuang.core.models import Organisation, User
from chanchuang.core.sections import PARTNER, PageSection
from chanchuang.talent.models import DockingEvent, FollowUp


def follow_up_owners(event: DockingEvent) -> QuerySet[User]:
    """The logins that may own a follow-up of the activity: the school's staff and department
    staff, and the enterprise members of the enterprises that took part."""
    taking_part = DockingEvent.organisations.through.objects.filter(
        dockingevent_id=event.pk).values("organisation_id")
    return User.objects.filter(
        Q(memberships__role__in=[Role.SCHOOL_STAFF, Role.DEPARTMENT_STAFF],
          memberships__school_id=event.school_id)
        | Q(memberships__role=Role.ENTERPRISE_MEMBER,
            memberships__organisation_id__in=taking_part),
        is_active=True).distinct().order_by("real_name", "username")


def event_rows(user) -> QuerySet[DockingEvent]:
    """The activities the user sees, with their enterprises, majors and agreement, and how many
    follow-ups are open (for the list, the export and the API)."""
    open_count = (FollowUp.objects.filter(event=OuterRef("pk"), done_at__isnull=True)
                  .order_by().values("event").annotate(n=Count("pk")).values("n"))
    return (DockingEvent.objects.visible_to(user)
            .select_related("agreement")
            .prefetch_related("organisations", "departments", "majors")
            .annotate(open_count=Coalesce(Subquery(open_count), 0)))


def follow_ups_of(event: DockingEvent, user) -> list[FollowUp]:
    """The activity's follow-ups the user sees, open first, each with whether the user may
    mark it done."""
    rows = list(FollowUp.objects.visible_to(user).filter(event=event)
                .select_related("owner", "event"))
    for follow_up in rows:
        follow_up.can_complete = user.has_perm("talent.complete_follow_up", follow_up)
    return rows


def open_follow_ups(user) -> QuerySet[FollowUp]:
    """The user's own follow-ups not done yet, soonest due first (one query)."""
    return (FollowUp.objects.visible_to(user).filter(owner=user, done_at__isnull=True)
            .select_related("event").order_by("due_on", "pk"))


def partner_docking(organisation: Organisation, user: User) -> dict[str, Any] | None:
    """The docking activities the partner took part in that the user sees, with a link to
    record one with this partner for who may; hidden from users who see no activities, and
    when there is nothing to list or record."""
    if not user.has_perm("talent.view_docking"):
        return None
    events = list(DockingEvent.objects.visible_to(user).filter(organisations=organisation)
                  .prefetch_related(Prefetch("majors"))[:10])
    add_url = (f"{reverse('talent:dockingevent_add')}?organisation={organisation.pk}"
               if user.has_perm("talent.add_dockingevent", organisation) else "")
    if not events and not add_url:
        return None
    return {"events": events, "add_url": add_url,
            "list_url": f"{reverse('talent:dockingevent_list')}?organisation={organisation.pk}"}


PARTNER_SECTION = PageSection(PARTNER, 40, "talent/docking/inc/partner_docking.html",
                              partner_docking)
