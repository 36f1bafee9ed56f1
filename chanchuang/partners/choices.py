"""Enumerations of the partners app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AgreementStatus(models.TextChoices):
    """Where an agreement stands in its lifecycle (see ``services.TRANSITIONS``)."""

    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("Under review")
    SIGNED = "signed", _("Signed")
    ACTIVE = "active", _("Active")
    EXPIRING = "expiring", _("Expiring")
    EXPIRED = "expired", _("Expired")
    TERMINATED = "terminated", _("Terminated")
    RENEWED = "renewed", _("Renewed")


# Agreements in force: their commitments count, their parties are active partners.
IN_FORCE = (AgreementStatus.SIGNED, AgreementStatus.ACTIVE, AgreementStatus.EXPIRING)


class PartyRole(models.TextChoices):
    """What a party does in an agreement."""

    LEAD = "lead", _("Lead")
    CO_BUILDER = "co_builder", _("Co-builder")
    HOST = "host", _("Host")
    PARTY = "party", _("Party")


class CommitmentKind(models.TextChoices):
    """What a party commits to under an agreement."""

    INTERNSHIP_POSTS = "internship_posts", _("Internship posts")
    MENTORS = "mentors", _("Enterprise mentors")
    GUEST_LECTURES = "guest_lectures", _("Guest lectures")
    EQUIPMENT = "equipment", _("Shared equipment")
    FUNDING = "funding", _("Funding (10,000 yuan)")
    STUDENT_PROJECTS = "student_projects", _("Student projects")
    HIRES = "hires", _("Graduates hired")
    TRAINING = "training", _("Staff training (person-days)")
    OTHER = "other", _("Other")


class DeliverySource(models.TextChoices):
    """Who recorded a delivery: a person, or another capability automatically."""

    MANUAL = "manual", _("Recorded by hand")
    PLACEMENT = "placement", _("A confirmed placement")
    APPOINTMENT = "appointment", _("A mentor appointment")
    COLLEGE = "college", _("An industry college's confirmed record")


class InteractionKind(models.TextChoices):
    """Kinds of contact with a partner, for its timeline."""

    VISIT = "visit", _("Visit")
    MEETING = "meeting", _("Meeting")
    SIGNING = "signing", _("Signing")
    EVENT = "event", _("Event")
    CALL = "call", _("Call")
    OTHER = "other", _("Other")


class PartnerStatus(models.TextChoices):
    """A partner's standing, derived from its agreements (never typed in)."""

    ACTIVE = "active", _("Agreement in force")
    EXPIRING = "expiring", _("Agreement expiring")
    PROSPECT = "prospect", _("No agreement signed yet")
    LAPSED = "lapsed", _("Agreements ended")
