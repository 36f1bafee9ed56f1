"""Enumerations of the placements app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class BlockKind(models.TextChoices):
    """A block of alternating training: at school, or at the enterprise."""

    SCHOOL = "school", _("At school")
    ENTERPRISE = "enterprise", _("At the enterprise")


class Track(models.TextChoices):
    """What a position leads to."""

    EMPLOYMENT = "employment", _("Employment")
    INCUBATION = "incubation", _("Entrepreneurship incubation")
    APPRENTICESHIP = "apprenticeship", _("Apprenticeship")


class Shift(models.TextChoices):
    """When the work happens."""

    DAY = "day", _("Day shift")
    NIGHT = "night", _("Night shift")
    ROTATING = "rotating", _("Rotating shifts (includes nights)")


class Venue(models.TextChoices):
    """Where the work happens; the entertainment venues are prohibited for interns."""

    ORDINARY = "ordinary", _("Ordinary workplace")
    BAR = "bar", _("Bar or night club")
    KTV = "ktv", _("Karaoke (KTV)")
    BATH = "bath", _("Bath centre")
    GAME_ROOM = "game_room", _("Electronic game room")
    INTERNET_CAFE = "internet_cafe", _("Internet café")


PROHIBITED_VENUES = set(Venue) - {Venue.ORDINARY}


class LabourIntensity(models.TextChoices):
    """Physical labour intensity (GB 3869); level III and above is prohibited for interns."""

    I = "1", _("Level I")  # noqa: E741
    II = "2", _("Level II")
    III = "3", _("Level III")
    IV = "4", _("Level IV")


class PositionStatus(models.TextChoices):
    """Whether students can choose a position."""

    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class RoundStatus(models.TextChoices):
    """A two-way selection round: choices and rankings, the match, publication."""

    OPEN = "open", _("Open for choices and rankings")
    RUNNING = "running", _("Matching")
    MATCHED = "matched", _("Matched, under review")
    PUBLISHED = "published", _("Published")


class PlacementStatus(models.TextChoices):
    """Where a placement stands."""

    MATCHED = "matched", _("Matched")
    CONFIRMED = "confirmed", _("Confirmed")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")


ACTIVE = (PlacementStatus.MATCHED, PlacementStatus.CONFIRMED)  # holding a seat


class InsurancePayer(models.TextChoices):
    """Who pays the internship liability insurance; never the student."""

    SCHOOL = "school", _("The school")
    ENTERPRISE = "enterprise", _("The enterprise")
    GOVERNMENT = "government", _("Public funds")


class LogStatus(models.TextChoices):
    """A milestone log's review."""

    SUBMITTED = "submitted", _("Awaiting sign-off")
    SIGNED_OFF = "signed_off", _("Signed off")
    RETURNED = "returned", _("Returned for changes")


class EvaluatorSide(models.TextChoices):
    """Who evaluates a placement."""

    ENTERPRISE = "enterprise", _("Enterprise")
    SCHOOL = "school", _("School")


class Grade(models.TextChoices):
    """The five-level grade of an internship."""

    EXCELLENT = "excellent", _("Excellent")
    GOOD = "good", _("Good")
    FAIR = "fair", _("Fair")
    PASS = "pass", _("Pass")
    FAIL = "fail", _("Fail")
