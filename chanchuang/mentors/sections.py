"""The sections mentors adds to pages below it (see ``core.sections``): the "Mentors from this
partner" card on a partner's page."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch

from chanchuang.core.models import Organisation, User
from chanchuang.core.sections import PARTNER, PageSection
from chanchuang.mentors.choices import AppointmentStatus
from chanchuang.mentors.models import Appointment, Mentor


def partner_mentors(organisation: Organisation, user: User) -> dict[str, Any] | None:
    """The partner's people in the mentor pool with their approved or current appointments
    (for users who see the pool)."""
    if not user.has_perm("mentors.list_mentors"):
        return None
    current = Appointment.objects.visible_to(user).filter(
        status__in=[AppointmentStatus.APPROVED, AppointmentStatus.ACTIVE]).select_related("title")
    return {"mentors": Mentor.objects.visible_to(user).filter(organisation=organisation)
            .prefetch_related(Prefetch("appointments", queryset=current))}


SECTIONS = [PageSection(PARTNER, 10, "mentors/inc/partner_mentors.html", partner_mentors)]
