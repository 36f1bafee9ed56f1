"""The sections placements adds to pages below it (see ``core.sections``): the "Positions and
interns" card on a partner's page and on an industry college's page (its member organisations'
positions), and the positions a student took on their innovation record."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q

from chanchuang.colleges.models import IndustryCollege
from chanchuang.core.models import Organisation, Student, User
from chanchuang.core.sections import COLLEGE, PARTNER, STUDENT_RECORD, PageSection
from chanchuang.partners.queries import posts_delivered
from chanchuang.placements.choices import PlacementStatus
from chanchuang.placements.models import Placement, Position


def _positions_with_interns(positions) -> list[Position]:
    """Positions with their plan, organisation and the interns placed (confirmed or
    completed), newest plan first."""
    return list(positions.select_related("plan", "organisation").annotate(
        interns=Count("placements", filter=Q(placements__status__in=[
            PlacementStatus.CONFIRMED, PlacementStatus.COMPLETED])))
        .order_by("-plan__created_at", "title"))


def partner_positions(organisation: Organisation, user: User) -> dict[str, Any] | None:
    """The partner's positions with their seats and the interns placed, and the internship
    posts the ledger records as delivered (for users who see positions)."""
    if not user.has_perm("placements.view_plans"):
        return None
    positions = _positions_with_interns(
        Position.objects.visible_to(user).filter(organisation=organisation))
    return {"positions": positions, "seats": sum(p.seats for p in positions),
            "interns": sum(p.interns for p in positions),
            # What the agreements' ledger says, so that the card never contradicts it.
            "posts_delivered": posts_delivered(organisation, user)}


def college_positions(college: IndustryCollege, user: User) -> dict[str, Any] | None:
    """The positions the industry college's member organisations offer, with seats and interns
    placed (for users who see positions)."""
    if not user.has_perm("placements.view_plans"):
        return None
    positions = _positions_with_interns(Position.objects.visible_to(user).filter(
        organisation__college_memberships__college=college))
    return {"positions": positions, "seats": sum(p.seats for p in positions),
            "interns": sum(p.interns for p in positions)}


def student_positions(student: Student, user: User) -> dict[str, Any]:
    """The positions the student holds or held after two-way selection (matched in a published
    round and awaiting confirmation, confirmed or completed), latest first."""
    return {"positions": list(Placement.objects.visible_to(user).filter(student=student).exclude(
        status=PlacementStatus.CANCELLED)
        .select_related("position__organisation").order_by("-start_date"))}


SECTIONS = [
    PageSection(PARTNER, 20, "placements/inc/partner_positions.html", partner_positions),
    PageSection(COLLEGE, 30, "placements/inc/college_positions.html", college_positions),
    PageSection(STUDENT_RECORD, 10, "placements/inc/student_positions.html", student_positions),
]
