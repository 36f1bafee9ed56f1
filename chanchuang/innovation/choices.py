"""Enumerations of the innovation app."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class CohortPhase(models.TextChoices):
    """Where a cohort stands: intake, review, selection, running, finished."""

    DRAFT = "draft", pgettext_lazy("cohort phase", "Draft")
    OPEN = "open", pgettext_lazy("cohort phase", "Taking applications")
    REVIEWING = "reviewing", pgettext_lazy("cohort phase", "Reviewing")
    SELECTED = "selected", pgettext_lazy("cohort phase", "Selection published")
    RUNNING = "running", pgettext_lazy("cohort phase", "Running")
    FINISHED = "finished", pgettext_lazy("cohort phase", "Finished")


class QuestionKind(models.TextChoices):
    """How an application form question is answered."""

    SHORT = "short", _("Short text")
    LONG = "long", _("Long text")
    CHOICE = "choice", _("One of a list")


class ApplicationStatus(models.TextChoices):
    """Where an application stands."""

    SUBMITTED = "submitted", pgettext_lazy("application status", "Submitted")
    WITHDRAWN = "withdrawn", pgettext_lazy("application status", "Withdrawn")
    SELECTED = "selected", pgettext_lazy("application status", "Offered a place")
    WAITLISTED = "waitlisted", pgettext_lazy("application status", "On the waitlist")
    REJECTED = "rejected", pgettext_lazy("application status", "Not selected")
    ACCEPTED = "accepted", pgettext_lazy("application status", "Accepted")
    DECLINED = "declined", pgettext_lazy("application status", "Declined")


A = ApplicationStatus
LIVE = [A.SUBMITTED, A.SELECTED, A.WAITLISTED, A.ACCEPTED]  # applications still in the running
HOLDING = [A.SELECTED, A.ACCEPTED]  # applications taking seats


class ReviewStatus(models.TextChoices):
    """A review assignment: waiting, done, or given back for a conflict of interest."""

    ASSIGNED = "assigned", pgettext_lazy("review status", "To review")
    SUBMITTED = "submitted", pgettext_lazy("review status", "Scored")
    CONFLICT = "conflict", pgettext_lazy("review status", "Conflict declared")


class AttendanceStatus(models.TextChoices):
    """Whether a student came to a session."""

    PRESENT = "present", _("Present")
    LATE = "late", _("Late")
    EXCUSED = "excused", _("Excused")
    ABSENT = "absent", _("Absent")


class CheckInMethod(models.TextChoices):
    """Who recorded an attendance."""

    CODE = "code", _("Student, with the session code")
    STAFF = "staff", _("Staff")
    MENTOR = "mentor", _("Mentor")


class CreditCategory(models.TextChoices):
    """Kinds of I&E credit (国办发〔2015〕36号: conversion set by each school)."""

    BOOTCAMP = "bootcamp", _("Bootcamp")
    COMPETITION = "competition", _("Competition")
    RESEARCH = "research", _("Research project (大创)")
    CERTIFICATE = "certificate", _("Skills certificate")
    STARTUP = "startup", _("Start-up practice")
    TRAINING = "training", _("Training")


class CompetitionLevel(models.TextChoices):
    """The level of a competition."""

    NATIONAL = "national", _("National")
    PROVINCIAL = "provincial", _("Provincial")
    SCHOOL = "school", _("School")


class ItemState(models.TextChoices):
    """Where a showcase item stands: proposed by staff, consented by the team, published."""

    PROPOSED = "proposed", pgettext_lazy("showcase item", "Waiting for the team's consent")
    CONSENTED = "consented", pgettext_lazy("showcase item", "Consented, not published")
    PUBLISHED = "published", pgettext_lazy("showcase item", "Published")
