"""During the cohort: teams (accepted applications) with their mentor, attendance at sessions,
milestone submissions with mentor feedback, and demo-day scores."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from chanchuang.core.models import Linked, Student
from chanchuang.core.visibility import Scope, VisibleQuerySet, visible_through
from chanchuang.innovation.choices import AttendanceStatus, CheckInMethod, CohortPhase
from chanchuang.innovation.models.intake import Application, ApplicationMember, Project
from chanchuang.innovation.models.programmes import Cohort, Milestone, Session
from chanchuang.mentors.models import Mentor


def teams_seen(scope: Scope) -> Q:
    """The teams a scope reaches: all of the school for its staff, those with a student of
    their department for department staff, one's own as a member, the teams one mentors, and,
    while a cohort runs (its demo day is scored then), every team of a cohort one judges; once
    it has finished a judge keeps only the teams they mentor."""
    members = ApplicationMember.objects.filter(
        Q(student__department_id__in=scope.department_ids)
        | Q(student__user_id=scope.user_id)).values("application")
    return (Q(cohort__school_id__in=scope.staff_schools) | Q(application__in=members)
            | Q(mentor__user_id=scope.user_id)
            | Q(cohort__in=Cohort.objects.filter(judges__id=scope.user_id,
                                                 phase=CohortPhase.RUNNING).values("pk")))


class TeamQuerySet(VisibleQuerySet):
    """Teams: see ``teams_seen``."""

    def visibility(self, scope: Scope) -> Q:
        return teams_seen(scope)


class Team(Linked, models.Model):
    """An accepted application taking part in the cohort (a student alone is a team of one)."""

    cohort = models.ForeignKey(Cohort, verbose_name=_("cohort"), on_delete=models.CASCADE,
                               related_name="teams")
    application = models.OneToOneField(Application, verbose_name=_("application"),
                                       on_delete=models.CASCADE, related_name="team")
    name = models.CharField(_("team name"), max_length=100)
    project = models.ForeignKey(Project, verbose_name=_("project"), null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="teams")
    mentor = models.ForeignKey(Mentor, verbose_name=_("mentor"), null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="teams")
    award = models.CharField(_("award"), max_length=100, blank=True)

    objects = TeamQuerySet.as_manager()

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering = ["cohort_id", "application__rank", "pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def school_id(self) -> int:
        return self.cohort.school_id

    def students(self) -> list[Student]:
        """The members, lead first."""
        return [m.student for m in self.application.members.all()]


class MentorChoice(models.Model):
    """A team's ranking of the mentors offered to its cohort (1 = most wanted)."""

    team = models.ForeignKey(Team, verbose_name=_("team"), on_delete=models.CASCADE,
                             related_name="mentor_choices")
    mentor = models.ForeignKey(Mentor, verbose_name=_("mentor"), on_delete=models.CASCADE,
                               related_name="+")
    rank = models.PositiveSmallIntegerField(_("rank"))

    class Meta:
        verbose_name = _("mentor choice")
        verbose_name_plural = _("mentor choices")
        ordering = ["team_id", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["team", "mentor"], name="mentor_chosen_once"),
            models.UniqueConstraint(fields=["team", "rank"], name="mentor_rank_once"),
        ]

    def __str__(self) -> str:
        return f"{self.team} → {self.rank}. {self.mentor}"


class AttendanceQuerySet(VisibleQuerySet):
    """Attendance: the school's staff, the student's department staff, the student, and the
    session's mentor."""

    def visibility(self, scope: Scope) -> Q:
        return (Q(session__cohort__school_id__in=scope.staff_schools)
                | Q(student__department_id__in=scope.department_ids)
                | Q(student__user_id=scope.user_id) | Q(session__mentor__user_id=scope.user_id))


class Attendance(models.Model):
    """Whether a student came to a session, and who recorded it."""

    session = models.ForeignKey(Session, verbose_name=_("session"), on_delete=models.CASCADE,
                                related_name="attendance")
    student = models.ForeignKey(Student, verbose_name=_("student"), on_delete=models.CASCADE,
                                related_name="bootcamp_attendance")
    status = models.CharField(_("attendance"), max_length=10, choices=AttendanceStatus.choices)
    method = models.CharField(_("recorded by"), max_length=10, choices=CheckInMethod.choices)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("recorded by"),
                                    null=True, on_delete=models.SET_NULL, related_name="+")
    recorded_at = models.DateTimeField(_("recorded at"), auto_now=True)

    objects = AttendanceQuerySet.as_manager()

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [models.UniqueConstraint(fields=["session", "student"],
                                               name="attendance_once_per_session")]

    def __str__(self) -> str:
        return f"{self.session} · {self.student}"


class SubmissionQuerySet(visible_through("team")):
    """Submissions: as their team."""


class Submission(models.Model):
    """A team's hand-in for a milestone, with the mentor's feedback."""

    milestone = models.ForeignKey(Milestone, verbose_name=_("milestone"),
                                  on_delete=models.CASCADE, related_name="submissions")
    team = models.ForeignKey(Team, verbose_name=_("team"), on_delete=models.CASCADE,
                             related_name="submissions")
    content = models.TextField(_("what we did"))
    link = models.URLField(_("link"), blank=True,
                           help_text=_("A document, video or repository, if any."))
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("submitted by"),
                                     null=True, on_delete=models.SET_NULL, related_name="+")
    submitted_at = models.DateTimeField(_("submitted at"), auto_now=True)
    feedback = models.TextField(_("mentor feedback"), blank=True)
    feedback_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("feedback by"),
                                    null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    feedback_at = models.DateTimeField(_("feedback at"), null=True, blank=True)

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        ordering = ["milestone__due_on", "team_id"]
        constraints = [models.UniqueConstraint(fields=["milestone", "team"],
                                               name="submission_once_per_milestone")]

    def __str__(self) -> str:
        return f"{self.team} · {self.milestone}"

    @property
    def school_id(self) -> int:
        return self.team.cohort.school_id


class JudgeScoreQuerySet(VisibleQuerySet):
    """Demo-day scores: the school's staff see all; a judge their own."""

    def visibility(self, scope: Scope) -> Q:
        return Q(team__cohort__school_id__in=scope.staff_schools) | Q(judge_id=scope.user_id)


class JudgeScore(models.Model):
    """A judge's score (0–100) of a team's pitch on demo day."""

    team = models.ForeignKey(Team, verbose_name=_("team"), on_delete=models.CASCADE,
                             related_name="judge_scores")
    judge = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("judge"),
                              on_delete=models.CASCADE, related_name="+")
    score = models.DecimalField(_("score"), max_digits=5, decimal_places=1,
                                validators=[MinValueValidator(0), MaxValueValidator(100)])
    comment = models.CharField(_("comment"), max_length=300, blank=True)

    objects = JudgeScoreQuerySet.as_manager()

    class Meta:
        verbose_name = _("demo day score")
        verbose_name_plural = _("demo day scores")
        constraints = [
            models.UniqueConstraint(fields=["team", "judge"], name="judge_scores_once"),
            models.CheckConstraint(condition=Q(score__gte=0) & Q(score__lte=100),
                                   name="judge_score_in_range",
                                   violation_error_message=_("Score: between 0 and 100.")),
        ]

    def __str__(self) -> str:
        return f"{self.team} · {self.score}"
