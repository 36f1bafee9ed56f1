"""The "Positions and interns" card on a partner's page (see ``partners.sections``)."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q

from chanchuang.core.models import Organisation, User
from chanchuang.partners.sections import PartnerSection
from chanchuang.placements.choices import PlacementStatus
from chanchuang.placements.models import Position


def partner_positions(organisation: Organisation, user: User) -> dict[str, Any] | None:
    """The partner's positions with their seats and the interns placed (confirmed or
    completed), newest plan first (for users who see positions)."""
    if not user.has_perm("placements.view_plans"):
        return None
    positions = list(Position.objects.visible_to(user).filter(organisation=organisation)
                     .select_related("plan").annotate(interns=Count("placements", filter=Q(
                         placements__status__in=[PlacementStatus.CONFIRMED,
                                                 PlacementStatus.COMPLETED])))
                     .order_by("-plan__created_at", "title"))
    return {"positions": positions, "seats": sum(p.seats for p in positions),
            "interns": sum(p.interns for p in positions)}


SECTION = PartnerSection(20, "placements/inc/partner_positions.html", partner_positions)
