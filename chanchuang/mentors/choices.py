"""Enumerations of the mentors app."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class AppointmentStatus(models.TextChoices):
    """Where an appointment stands (see ``services.TRANSITIONS``)."""

    PROPOSED = "proposed", pgettext_lazy("appointment status", "Proposed")
    APPROVED = "approved", pgettext_lazy("appointment status", "Approved")
    ACTIVE = "active", pgettext_lazy("appointment status", "Active")
    EXPIRED = "expired", pgettext_lazy("appointment status", "Expired")
    WITHDRAWN = "withdrawn", pgettext_lazy("appointment status", "Withdrawn")


class ActivityKind(models.TextChoices):
    """What a mentor did for the school."""

    LECTURE = "lecture", _("Lecture")
    WORKSHOP = "workshop", _("Workshop")
    MENTORING = "mentoring", _("Mentoring session")
    JUDGING = "judging", _("Judging")
    OTHER = "other", _("Other")
