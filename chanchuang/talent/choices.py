"""Enumerations of the talent app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SkillCategory(models.TextChoices):
    """What kind of skill a dictionary entry is."""

    PROFESSIONAL = "professional", _("Professional skill")
    DIGITAL = "digital", _("Digital skill")
    GENERIC = "generic", _("Generic ability")
    CONDUCT = "conduct", _("Professional conduct")


class TimeFrame(models.TextChoices):
    """When an enterprise needs the people it asks for."""

    THIS_YEAR = "this_year", _("This year")
    NEXT_YEAR = "next_year", _("Next year")
    LATER = "later", _("In two to three years")


class DemandStatus(models.TextChoices):
    """Where a talent demand stands."""

    OPEN = "open", _("Open")
    FILLED = "filled", _("Filled")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class DemandOrigin(models.TextChoices):
    """Where a demand came from: declared on its own, or a position published for a training
    plan (kept in step with the position, never typed twice)."""

    DECLARED = "declared", _("Declared")
    POSITION = "position", _("Published position")


class CertificateKind(models.TextChoices):
    """Kinds of certificate that evidence a student's skills."""

    ONE_PLUS_X = "one_plus_x", _("1+X vocational skill level certificate")
    SKILL_LEVEL = "skill_level", _("Vocational skill level certificate")
    QUALIFICATION = "qualification", _("Vocational qualification certificate")
    OTHER = "other", _("Other certificate")


class CertificateStatus(models.TextChoices):
    """A certificate counts as evidence once the school has checked it."""

    CLAIMED = "claimed", _("Awaiting check")
    VERIFIED = "verified", _("Verified")
    REJECTED = "rejected", _("Rejected")


class EvidenceKind(models.TextChoices):
    """What shows that a student has a skill."""

    COURSE = "course", _("Course passed")
    CERTIFICATE = "certificate", _("Certificate")
    BOOTCAMP = "bootcamp", _("Bootcamp completed")
    INTERNSHIP = "internship", _("Internship evaluation")


class DockingKind(models.TextChoices):
    """The two kinds of docking activity (对接活动) the ceremony names."""

    ENTERPRISE_MAJOR = "enterprise_major", _("Enterprise–major docking")
    INDUSTRY_DEPARTMENT = "industry_department", _("Industry–department docking")
