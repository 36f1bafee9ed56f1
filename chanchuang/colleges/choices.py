"""Enumerations of the colleges app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MemberRole(models.TextChoices):
    """What a member organisation does in an industry college."""

    LEAD = "lead", _("Lead builder")
    CO_BUILDER = "co_builder", _("Co-builder")
    PARTICIPANT = "participant", _("Participant")


class ProgrammeKind(models.TextChoices):
    """The kinds of class an industry college trains students in."""

    ORDER_CLASS = "order_class", _("Order class")
    APPRENTICESHIP = "apprenticeship", _("Apprenticeship class")
    MICRO_MAJOR = "micro_major", _("Micro-major")


class CouncilKind(models.TextChoices):
    """The governing bodies of an industry college."""

    COUNCIL = "council", _("Council")
    COMMITTEE = "committee", _("Management committee")


class CouncilPost(models.TextChoices):
    """A member's post on a council or committee."""

    CHAIR = "chair", _("Chair")
    VICE_CHAIR = "vice_chair", _("Vice chair")
    SECRETARY_GENERAL = "secretary", _("Secretary general")
    DIRECTOR = "director", _("Director")
    DEPUTY_DIRECTOR = "deputy", _("Deputy director")
    MEMBER = "member", _("Member")


class DecisionStatus(models.TextChoices):
    """Where a meeting's decision stands."""

    OPEN = "open", _("Open")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


class ContributionKind(models.TextChoices):
    """The kinds of co-developed work an industry college records (共建成果)."""

    COURSE = "course", _("Co-developed course")
    TEXTBOOK = "textbook", _("Co-developed textbook")
    TEACHER = "teacher", _("Enterprise teacher")
    BASE = "base", _("Practice or training base")
    SERVICE = "service", _("Technical-service project")
    TRAINING = "training", _("Staff training delivered")
    EQUIPMENT = "equipment", _("Equipment donated")


class ContributionStatus(models.TextChoices):
    """A recorded contribution: waiting for staff, confirmed (it counts), or returned."""

    RECORDED = "recorded", _("Awaiting confirmation")
    CONFIRMED = "confirmed", _("Confirmed")
    RETURNED = "returned", _("Returned")


class ResourceKind(models.TextChoices):
    """What kind of thing a shared resource is."""

    LAB = "lab", _("Laboratory")
    EQUIPMENT = "equipment", _("Equipment")
    BASE = "base", _("Training base")
    VENUE = "venue", _("Venue")
    SOFTWARE = "software", _("Software licence")
    COURSE = "course", _("Course")


class BookingStatus(models.TextChoices):
    """Where a booking stands; pending and approved ones hold their slot."""

    PENDING = "pending", _("Awaiting approval")
    APPROVED = "approved", _("Approved")
    REFUSED = "refused", _("Refused")
    CANCELLED = "cancelled", _("Cancelled")


# Bookings that hold their slot: no other booking of the resource may overlap them.
HOLDS_SLOT = (BookingStatus.PENDING, BookingStatus.APPROVED)


class Attendance(models.TextChoices):
    """What happened in a booked slot, recorded after it."""

    ATTENDED = "attended", _("Used")
    NO_SHOW = "no_show", _("No-show")


class ReportStatus(models.TextChoices):
    """An annual construction report from draft to received by the province."""

    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted to the province")
    RECEIVED = "received", _("Received by the province")
