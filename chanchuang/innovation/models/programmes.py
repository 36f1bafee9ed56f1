"""Programmes and their numbered cohorts, with everything staff set up before intake: quotas,
the application form, the rubric, reviewers, curriculum sessions, milestones and the mentors
offered to teams."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from chanchuang.core.models import Department, Linked, MatchRun, School, User
from chanchuang.core.queries import school_people
from chanchuang.core.visibility import Scope, VisibleQuerySet
from chanchuang.innovation.choices import CohortPhase, QuestionKind
from chanchuang.mentors.models import Mentor


class ProgrammeQuerySet(VisibleQuerySet):
    """Programmes: everyone of the school (campus and partner organisations)."""

    def visibility(self, scope: Scope) -> Q:
        return Q(school_id__in=scope.member_schools)


class Programme(Linked, models.Model):
    """A programme the I&E centre runs in numbered cohorts, e.g. 双创特训营."""

    school = models.ForeignKey(School, verbose_name=_("school"), on_delete=models.CASCADE,
                               related_name="programmes")
    name = models.CharField(_("name"), max_length=100)
    description = models.TextField(_("description"), blank=True)

    objects = ProgrammeQuerySet.as_manager()

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(
            fields=["school", "name"], name="programme_name_unique_per_school",
            violation_error_message=_("Name: the school already has this programme."))]

    def __str__(self) -> str:
        return self.name


class CohortQuerySet(VisibleQuerySet):
    """Cohorts: as their programme."""

    def visibility(self, scope: Scope) -> Q:
        return Q(school_id__in=scope.member_schools)


class Cohort(Linked, models.Model):
    """Cohort N of a programme: its intake window, capacity, review settings and dates."""

    school = models.ForeignKey(School, verbose_name=_("school"), on_delete=models.CASCADE,
                               related_name="cohorts", editable=False)
    programme = models.ForeignKey(Programme, verbose_name=_("programme"),
                                  on_delete=models.PROTECT, related_name="cohorts")
    number = models.PositiveSmallIntegerField(_("cohort number"))
    phase = models.CharField(_("phase"), max_length=10, choices=CohortPhase.choices,
                             default=CohortPhase.DRAFT)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    applications_open_at = models.DateTimeField(_("applications open at"))
    applications_close_at = models.DateTimeField(_("applications close at"))
    capacity = models.PositiveIntegerField(_("capacity (students)"),
                                           validators=[MinValueValidator(1)])
    max_team_size = models.PositiveSmallIntegerField(
        _("largest team"), default=5, validators=[MinValueValidator(1), MaxValueValidator(10)])
    reviews_per_application = models.PositiveSmallIntegerField(
        _("reviews per application"), default=2,
        validators=[MinValueValidator(1), MaxValueValidator(9)])
    avoid_own_department = models.BooleanField(
        _("reviewers do not review their own department's applicants"), default=True)
    reply_days = models.PositiveSmallIntegerField(
        _("days to accept an offer"), default=3,
        help_text=_("An offer not accepted in time passes to the waitlist."))
    credits = models.DecimalField(_("credits on completion"), max_digits=4, decimal_places=1,
                                  default=2)
    completion_attendance = models.PositiveSmallIntegerField(
        _("attendance needed to complete, in percent"), default=80,
        validators=[MaxValueValidator(100)])
    demo_day = models.DateField(_("demo day"), null=True, blank=True)
    judges = models.ManyToManyField(settings.AUTH_USER_MODEL, verbose_name=_("demo day judges"),
                                    blank=True, related_name="judged_cohorts")
    mentor_run = models.ForeignKey(MatchRun, verbose_name=_("mentor match"), null=True,
                                   blank=True, on_delete=models.PROTECT, related_name="+",
                                   editable=False,
                                   help_text=_("The latest run of the mentor match."))

    objects = CohortQuerySet.as_manager()

    class Meta:
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        ordering = ["programme_id", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "number"],
                                    name="cohort_number_unique_per_programme",
                                    violation_error_message=_("Cohort number: already used.")),
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")),
                                   name="cohort_ends_after_start",
                                   violation_error_message=_("Ends on: before it starts.")),
            models.CheckConstraint(
                condition=Q(applications_close_at__gt=F("applications_open_at")),
                name="cohort_applications_close_after_open",
                violation_error_message=_("Applications close: before they open.")),
        ]

    def __str__(self) -> str:
        return _("%(programme)s, cohort %(number)s") % {"programme": self.programme,
                                                         "number": self.number}

    def save(self, *args, **kwargs) -> None:
        self.school_id = self.programme.school_id
        super().save(*args, **kwargs)


class CohortPart(models.Model):
    """Something set up for one cohort (seen by whoever sees the cohort)."""

    cohort = models.ForeignKey(Cohort, verbose_name=_("cohort"), on_delete=models.CASCADE)

    class Meta:
        abstract = True

    @property
    def school_id(self) -> int:
        return self.cohort.school_id

    def clean(self) -> None:
        """Its department, mentor and people belong to the cohort's school."""
        super().clean()
        if self.cohort_id is None:
            return
        errors = {}
        for field in self._meta.concrete_fields:
            value = getattr(self, field.name) if field.many_to_one and field.name != "cohort" \
                and getattr(self, field.attname) is not None else None
            if value is None:
                continue
            if isinstance(value, User):
                outside = not school_people(self.cohort.school_id).filter(pk=value.pk).exists()
            else:
                outside = getattr(value, "school_id", self.cohort.school_id) \
                    != self.cohort.school_id
            if outside:
                errors[field.name] = _("Choose one of the cohort's school.")
        if errors:
            raise ValidationError(errors)


class CohortPartQuerySet(VisibleQuerySet):
    """Parts of a cohort: as the cohort."""

    def visibility(self, scope: Scope) -> Q:
        return Q(cohort__school_id__in=scope.member_schools)


class DepartmentQuota(CohortPart):
    """At most this many of a cohort's students from one department."""

    department = models.ForeignKey(Department, verbose_name=_("department"),
                                   on_delete=models.CASCADE, related_name="+")
    seats = models.PositiveIntegerField(_("seats"))

    objects = CohortPartQuerySet.as_manager()

    class Meta:
        verbose_name = _("department quota")
        verbose_name_plural = _("department quotas")
        default_related_name = "quotas"
        constraints = [models.UniqueConstraint(
            fields=["cohort", "department"], name="quota_unique_per_department",
            violation_error_message=_("This department already has a quota."))]

    def __str__(self) -> str:
        return f"{self.department}: {self.seats}"


class Question(CohortPart):
    """A question of the cohort's application form, set by staff."""

    prompt = models.CharField(_("question"), max_length=200)
    kind = models.CharField(_("answer"), max_length=10, choices=QuestionKind.choices,
                            default=QuestionKind.LONG)
    options = models.CharField(_("options"), max_length=500, blank=True,
                               help_text=_("For a list: the options, separated by commas."))
    required = models.BooleanField(_("required"), default=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = CohortPartQuerySet.as_manager()

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        default_related_name = "questions"
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.prompt

    @property
    def option_list(self) -> list[str]:
        return [o.strip() for o in self.options.replace("，", ",").split(",") if o.strip()]


class Criterion(CohortPart):
    """A criterion of the cohort's review rubric, with its weight and top score."""

    name = models.CharField(_("criterion"), max_length=100)
    description = models.CharField(_("what to look for"), max_length=300, blank=True)
    weight = models.DecimalField(_("weight"), max_digits=5, decimal_places=2,
                                 validators=[MinValueValidator(0.01)])
    max_score = models.PositiveSmallIntegerField(
        _("top score"), default=10, validators=[MinValueValidator(1), MaxValueValidator(100)])
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = CohortPartQuerySet.as_manager()

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        default_related_name = "criteria"
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.name


class ReviewerQuerySet(VisibleQuerySet):
    """Reviewers of a cohort: its school's staff, and each reviewer themselves."""

    def visibility(self, scope: Scope) -> Q:
        return Q(cohort__school_id__in=scope.staff_schools) | Q(user_id=scope.user_id)


class Reviewer(CohortPart):
    """Someone staff asked to review the cohort's applications (a mentor or a staff member)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("reviewer"),
                             on_delete=models.CASCADE, related_name="+")
    department = models.ForeignKey(
        Department, verbose_name=_("department"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text=_("Their own department's applicants are not given to them, if staff wish."))

    objects = ReviewerQuerySet.as_manager()

    class Meta:
        verbose_name = _("reviewer")
        verbose_name_plural = _("reviewers")
        default_related_name = "reviewers"
        constraints = [models.UniqueConstraint(
            fields=["cohort", "user"], name="reviewer_once_per_cohort",
            violation_error_message=_("Already a reviewer of this cohort."))]

    def __str__(self) -> str:
        return str(self.user)

    def clean(self) -> None:
        """A department staff member reviews for (and so avoids) their own department unless
        another is named; then the checks of every part."""
        if self.user_id and self.department_id is None and self.cohort_id:
            membership = self.user.memberships.filter(
                school_id=self.cohort.school_id, department__isnull=False).first()
            if membership:
                self.department = membership.department
        super().clean()


def new_check_in_code() -> str:
    """Six digits students type to check in to a session."""
    return f"{secrets.randbelow(10**6):06d}"


class Session(Linked, CohortPart):
    """A session of the cohort's curriculum: topic, mentor, time and place."""

    topic = models.CharField(_("topic"), max_length=200)
    mentor = models.ForeignKey(Mentor, verbose_name=_("mentor"), null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="sessions")
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    place = models.CharField(_("place"), max_length=100, blank=True)
    check_in_code = models.CharField(_("check-in code"), max_length=6, default=new_check_in_code,
                                     editable=False)

    objects = CohortPartQuerySet.as_manager()

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        default_related_name = "sessions"
        ordering = ["starts_at"]
        constraints = [models.CheckConstraint(
            condition=Q(ends_at__gt=F("starts_at")), name="session_ends_after_start",
            violation_error_message=_("Ends at: before it starts."))]

    def __str__(self) -> str:
        return self.topic


class Milestone(CohortPart):
    """Something every team hands in by a date (a plan, a prototype, a pitch deck)."""

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    due_on = models.DateField(_("due on"))

    objects = CohortPartQuerySet.as_manager()

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        default_related_name = "milestones"
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return self.title


class CohortMentor(CohortPart):
    """A mentor offered to the cohort's teams, with how many teams they can take."""

    mentor = models.ForeignKey(Mentor, verbose_name=_("mentor"), on_delete=models.PROTECT,
                               related_name="cohort_offers")
    capacity = models.PositiveSmallIntegerField(
        _("teams they can take"), default=2, validators=[MinValueValidator(1)])

    objects = CohortPartQuerySet.as_manager()

    class Meta:
        verbose_name = _("cohort mentor")
        verbose_name_plural = _("cohort mentors")
        default_related_name = "mentor_offers"
        constraints = [models.UniqueConstraint(
            fields=["cohort", "mentor"], name="cohort_mentor_once",
            violation_error_message=_("This mentor is already offered to the cohort."))]

    def __str__(self) -> str:
        return f"{self.mentor} ({self.capacity})"
