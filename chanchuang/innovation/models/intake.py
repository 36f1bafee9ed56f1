"""Intake: projects, applications (individual or as a team) and their reviews."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from chanchuang.core.models import Linked, School, Student
from chanchuang.core.visibility import Scope, VisibleQuerySet
from chanchuang.innovation.choices import ApplicationStatus, ReviewStatus
from chanchuang.innovation.models.programmes import Cohort


def projects_of_user(user_id: int | None):
    """The ids of the projects a user is a student of (a subquery)."""
    return Project.students.through.objects.filter(student__user_id=user_id).values(
        "project_id")


class ProjectQuerySet(VisibleQuerySet):
    """Projects: the school's staff, department staff and mentors; the students behind them."""

    def visibility(self, scope: Scope) -> Q:
        return (Q(school_id__in=scope.staff_schools | scope.department_schools
                  | scope.mentor_schools)
                | Q(pk__in=projects_of_user(scope.user_id)))  # a subquery: one row a project


class Project(Linked, models.Model):
    """A students' project idea; it outlives cohorts and can become a start-up."""

    school = models.ForeignKey(School, verbose_name=_("school"), on_delete=models.CASCADE,
                               related_name="projects")
    title = models.CharField(_("project"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    students = models.ManyToManyField(Student, verbose_name=_("students"),
                                      related_name="projects")

    objects = ProjectQuerySet.as_manager()

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["-pk"]

    def __str__(self) -> str:
        return self.title


def applications_seen(scope: Scope) -> Q:
    """The applications a scope reaches: all of the school for its staff, those with a student
    of their department for department staff, one's own as a student, the ones given to one
    to review, and the teams one mentors."""
    members = ApplicationMember.objects.filter(
        Q(student__department_id__in=scope.department_ids)
        | Q(student__user_id=scope.user_id)).values("application")
    reviewing = Review.objects.filter(reviewer_id=scope.user_id).exclude(
        status=ReviewStatus.CONFLICT).values("application")
    return (Q(cohort__school_id__in=scope.staff_schools) | Q(pk__in=members)
            | Q(pk__in=reviewing) | Q(team__mentor__user_id=scope.user_id))


class ApplicationQuerySet(VisibleQuerySet):
    """Applications: see ``applications_seen``."""

    def visibility(self, scope: Scope) -> Q:
        return applications_seen(scope)


class Application(Linked, models.Model):
    """A student's application to a cohort, alone or as the lead of a team with a project."""

    cohort = models.ForeignKey(Cohort, verbose_name=_("cohort"), on_delete=models.CASCADE,
                               related_name="applications")
    lead = models.ForeignKey(Student, verbose_name=_("applicant"), on_delete=models.PROTECT,
                             related_name="led_applications")
    team_name = models.CharField(_("team name"), max_length=100, blank=True)
    project = models.ForeignKey(Project, verbose_name=_("project"), null=True, blank=True,
                                on_delete=models.PROTECT, related_name="applications")
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=ApplicationStatus.choices,
                              default=ApplicationStatus.SUBMITTED)
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    raw_score = models.DecimalField(_("raw score"), max_digits=6, decimal_places=2, null=True,
                                    blank=True, editable=False)
    score = models.DecimalField(_("normalised score"), max_digits=6, decimal_places=2,
                                null=True, blank=True, editable=False)
    rank = models.PositiveIntegerField(_("rank"), null=True, blank=True, editable=False)
    offered_at = models.DateTimeField(_("offered at"), null=True, blank=True, editable=False)
    reply_by = models.DateTimeField(_("reply by"), null=True, blank=True, editable=False)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["rank", "submitted_at", "pk"]

    def __str__(self) -> str:
        return self.team_name or str(self.lead)

    @property
    def school_id(self) -> int:
        return self.cohort.school_id

    @property
    def seats(self) -> int:
        """How many seats the application takes: one per member."""
        return len(self.members.all())


class ApplicationMember(models.Model):
    """A student on an application (the lead too), and how they did in the cohort."""

    application = models.ForeignKey(Application, verbose_name=_("application"),
                                    on_delete=models.CASCADE, related_name="members")
    student = models.ForeignKey(Student, verbose_name=_("student"), on_delete=models.PROTECT,
                                related_name="applications")
    cohort = models.ForeignKey(Cohort, verbose_name=_("cohort"), on_delete=models.CASCADE,
                               related_name="+", editable=False)
    active = models.BooleanField(_("active"), default=True, editable=False,
                                 help_text=_("False once the application is withdrawn: the "
                                             "student may apply again."))
    completed = models.BooleanField(_("completed"), null=True, blank=True)
    award = models.CharField(_("award"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("applicant")
        verbose_name_plural = _("applicants")
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(
            fields=["cohort", "student"], condition=Q(active=True),
            name="one_live_application_per_student_and_cohort",
            violation_error_message=_("This student already applied to the cohort."))]

    def __str__(self) -> str:
        return str(self.student)

    @property
    def school_id(self) -> int:
        return self.student.school_id


class ReviewQuerySet(VisibleQuerySet):
    """Reviews: the school's staff see all; a reviewer their own."""

    def visibility(self, scope: Scope) -> Q:
        return (Q(application__cohort__school_id__in=scope.staff_schools)
                | Q(reviewer_id=scope.user_id))


class Review(Linked, models.Model):
    """One reviewer's assignment to one application and, once scored, the scores by criterion."""

    application = models.ForeignKey(Application, verbose_name=_("application"),
                                    on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("reviewer"),
                                 on_delete=models.PROTECT, related_name="reviews")
    status = models.CharField(_("status"), max_length=10, choices=ReviewStatus.choices,
                              default=ReviewStatus.ASSIGNED)
    scores = models.JSONField(_("scores"), default=dict, blank=True)
    total = models.DecimalField(_("total (0–100)"), max_digits=6, decimal_places=2, null=True,
                                blank=True)
    normalised = models.DecimalField(_("normalised total"), max_digits=6, decimal_places=2,
                                     null=True, blank=True, editable=False)
    comment = models.TextField(_("comment"), blank=True)
    conflict_reason = models.CharField(_("conflict of interest"), max_length=200, blank=True)
    assigned_at = models.DateTimeField(_("assigned at"), auto_now_add=True)
    submitted_at = models.DateTimeField(_("scored at"), null=True, blank=True)

    objects = ReviewQuerySet.as_manager()

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        ordering = ["application_id", "pk"]
        constraints = [models.UniqueConstraint(
            fields=["application", "reviewer"], name="one_review_per_reviewer",
            violation_error_message=_("This reviewer already has this application."))]

    def __str__(self) -> str:
        return f"{self.application} · {self.reviewer}"

    @property
    def school_id(self) -> int:
        return self.application.cohort.school_id
