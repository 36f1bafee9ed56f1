"""The sections placements adds to pages below it (see ``core.sections``): the "Positions and
interns" card on a partner's page and the positions a student took on their innovation record."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q

from chanchuang.core.models import Organisation, Student, User
from chanchuang.core.sections import PARTNER, STUDENT_RECORD, PageSection
from chanchuang.partners.queries import posts_delivered
from chanchuang.placements.choices import PlacementStatus
from chanchuang.placements.models import Placement, Position


def partner_positions(organisation: Organisation, user: User) -> dict[str, Any] | None:
    """The partner's positions with their seats and the interns placed (confirmed or
    completed), newest plan first, and the internship posts the ledger records as delivered
    (for users who see positions)."""
    if not user.has_perm("placements.view_plans"):
        return None
    positions = list(Position.objects.visible_to(user).filter(organisation=organisation)
                     .select_related("plan").annotate(interns=Count("placements", filter=Q(
                         placements__status__in=[PlacementStatus.CONFIRMED,
                                                 PlacementStatus.COMPLETED])))
                     .order_by("-plan__created_at", "title"))
    return {"positions": positions, "seats": sum(p.seats for p in positions),
            "interns": sum(p.interns for p in positions),
            # What the agreements' ledger says, so that the card never contradicts it.
            "posts_delivered": posts_delivered(organisation, user)}


def student_positions(student: Student, user: User) -> dict[str, Any]:
    """The positions the student holds or held after two-way selection (matched in a published
    round and awaiting confirmation, confirmed or completed), latest first."""
    return {"positions": list(Placement.objects.visible_to(user).filter(student=student).exclude(
        status=PlacementStatus.CANCELLED)
        .select_related("position__organisation").order_by("-start_date"))}


SECTIONS = [
    PageSection(PARTNER, 20, "placements/inc/partner_positions.html", partner_positions),
    PageSection(STUDENT_RECORD, 10, "placements/inc/student_positions.html", student_positions),
]
