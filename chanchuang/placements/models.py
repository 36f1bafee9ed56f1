"""Alternating training and placements: plans with their blocks, positions, two-way selection
rounds (choices, rankings, a stored and reproducible match), placements with their compliance
records (three-party agreement, insurance), milestone logs, sign-offs and evaluations."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from chanchuang.core.choices import StudentStatus
from chanchuang.core.models import (
    Department,
    Linked,
    Major,
    MatchRun,
    Organisation,
    School,
    SchoolClass,
    Student,
)
from chanchuang.core.uploads import PolicyFileField
from chanchuang.core.visibility import Scope, VisibleQuerySet, visible_through
from chanchuang.mentors.models import Mentor
from chanchuang.partners.models import Agreement
from chanchuang.placements.choices import (
    BlockKind,
    EvaluatorSide,
    Grade,
    InsurancePayer,
    LabourIntensity,
    LogStatus,
    PlacementStatus,
    PositionStatus,
    RoundStatus,
    Shift,
    Track,
    Venue,
)


def _staff(scope: Scope) -> frozenset[int]:
    return scope.staff_schools | scope.department_schools


# --- Plans -----------------------------------------------------------------------------------


def plans_seen(scope: Scope) -> Q:
    """The plans a scope reaches: its school's, for staff, students and partner enterprises."""
    return Q(school_id__in=_staff(scope) | scope.student_schools | scope.organisation_schools)


class TrainingPlanQuerySet(VisibleQuerySet):
    """Plans: see ``plans_seen``."""

    def visibility(self, scope: Scope) -> Q:
        return plans_seen(scope)


class TrainingPlan(Linked, models.Model):
    """Alternating training for one cohort: an enrolment year of a department or a major, or
    one class."""

    school = models.ForeignKey(School, verbose_name=_("school"), on_delete=models.CASCADE,
                               related_name="training_plans")
    name = models.CharField(_("name"), max_length=200)
    department = models.ForeignKey(Department, verbose_name=_("department"), null=True,
                                   blank=True, on_delete=models.PROTECT, related_name="+")
    major = models.ForeignKey(Major, verbose_name=_("major"), null=True, blank=True,
                              on_delete=models.PROTECT, related_name="training_plans")
    enrolment_year = models.PositiveSmallIntegerField(_("enrolment year"), null=True, blank=True)
    school_class = models.ForeignKey(SchoolClass, verbose_name=_("class"), null=True,
                                     blank=True, on_delete=models.PROTECT,
                                     related_name="training_plans")
    log_every_days = models.PositiveSmallIntegerField(
        _("log every (days)"), default=7,
        help_text=_("How often students write a milestone log during enterprise blocks."))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = TrainingPlanQuerySet.as_manager()

    class Meta:
        verbose_name = _("training plan")
        verbose_name_plural = _("training plans")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(school_class__isnull=False) | (
                    Q(enrolment_year__isnull=False)
                    & (Q(major__isnull=False) | Q(department__isnull=False))),
                name="plan_has_a_cohort",
                violation_error_message=_("Cohort: choose a class, or an enrolment year with a "
                                          "department or a major.")),
        ]

    def __str__(self) -> str:
        return self.name

    def students(self):
        """The enrolled students of the plan's cohort."""
        cohort = Student.objects.filter(school_id=self.school_id, status=StudentStatus.ENROLLED)
        if self.school_class_id:
            return cohort.filter(school_class_id=self.school_class_id)
        cohort = cohort.filter(enrolment_year=self.enrolment_year)
        if self.major_id:
            return cohort.filter(major_id=self.major_id)
        return cohort.filter(department_id=self.department_id)


class PlanBlockQuerySet(visible_through("plan")):
    """Blocks: as their plan."""


class PlanBlock(models.Model):
    """A stretch of the plan's calendar spent at school or at the enterprise."""

    plan = models.ForeignKey(TrainingPlan, verbose_name=_("training plan"),
                             on_delete=models.CASCADE, related_name="blocks")
    kind = models.CharField(_("kind"), max_length=10, choices=BlockKind.choices)
    title = models.CharField(_("title"), max_length=100, blank=True)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))

    objects = PlanBlockQuerySet.as_manager()

    class Meta:
        verbose_name = _("block")
        verbose_name_plural = _("blocks")
        ordering = ["plan", "start_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")), name="block_ends_after_start",
                violation_error_message=_("End date: it cannot be before the start date.")),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.start_date}–{self.end_date}"

    @property
    def school_id(self) -> int:
        return self.plan.school_id

    @property
    def weeks(self) -> int:
        return ((self.end_date - self.start_date).days + 1 + 6) // 7


# --- Positions -------------------------------------------------------------------------------


class PositionQuerySet(VisibleQuerySet):
    """Positions: the school's staff and students; enterprise members their own."""

    def visibility(self, scope: Scope) -> Q:
        return Q(plan__school_id__in=_staff(scope) | scope.student_schools) | Q(
            organisation_id__in=scope.organisation_ids)


class Position(Linked, models.Model):
    """A post an enterprise offers to a plan's students, with the conditions the law checks."""

    plan = models.ForeignKey(TrainingPlan, verbose_name=_("training plan"),
                             on_delete=models.CASCADE, related_name="positions")
    organisation = models.ForeignKey(Organisation, verbose_name=_("enterprise"),
                                     on_delete=models.PROTECT, related_name="positions")
    agreement = models.ForeignKey(Agreement, verbose_name=_("covering agreement"), null=True,
                                  blank=True, on_delete=models.PROTECT, related_name="positions",
                                  help_text=_("Its internship-post commitment is filled as "
                                              "placements are confirmed."))
    title = models.CharField(_("title"), max_length=100)
    description = models.TextField(_("description"), blank=True)
    track = models.CharField(_("track"), max_length=15, choices=Track.choices,
                             default=Track.EMPLOYMENT)
    seats = models.PositiveSmallIntegerField(_("seats"))
    location = models.CharField(_("location"), max_length=200, blank=True)
    working_hours = models.CharField(_("working hours"), max_length=100, blank=True,
                                     help_text=_("e.g. 09:00–17:30, Monday to Friday"))
    shift = models.CharField(_("shift"), max_length=10, choices=Shift.choices,
                             default=Shift.DAY)
    overtime = models.BooleanField(_("overtime"), default=False)
    holiday_work = models.BooleanField(_("work on statutory holidays"), default=False)
    venue = models.CharField(_("workplace"), max_length=15, choices=Venue.choices,
                             default=Venue.ORDINARY)
    via_agency = models.BooleanField(_("arranged through an agency"), default=False)
    labour_intensity = models.CharField(_("physical labour intensity"), max_length=1,
                                        choices=LabourIntensity.choices,
                                        default=LabourIntensity.I)
    unsuitable_for_minors = models.BooleanField(
        _("work prohibited for minors"), default=False,
        help_text=_("Listed in the Regulations on Special Protection of Juvenile Workers."))
    unsuitable_for_women = models.BooleanField(
        _("work prohibited for women"), default=False,
        help_text=_("Listed in the Special Regulations on Labour Protection of Female "
                    "Employees."))
    post_headcount = models.PositiveSmallIntegerField(
        _("staff on this post"), null=True, blank=True,
        help_text=_("Employees on the same post; interns may be at most a fifth of them."))
    required_majors = models.ManyToManyField(Major, verbose_name=_("majors it is open to"),
                                             blank=True, related_name="+",
                                             help_text=_("Empty: open to every major."))
    stipend = models.DecimalField(_("monthly stipend (yuan)"), max_digits=8, decimal_places=2,
                                  null=True, blank=True)
    probation_wage = models.DecimalField(
        _("probation wage of the post (yuan)"), max_digits=8, decimal_places=2, null=True,
        blank=True, help_text=_("The stipend must be at least four fifths of it."))
    status = models.CharField(_("status"), max_length=10, choices=PositionStatus.choices,
                              default=PositionStatus.OPEN)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = PositionQuerySet.as_manager()

    class Meta:
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        ordering = ["plan", "organisation_id", "title"]

    def __str__(self) -> str:
        return f"{self.organisation}·{self.title}"

    @property
    def school_id(self) -> int:
        return self.plan.school_id


# --- Two-way selection -----------------------------------------------------------------------


class SelectionRoundQuerySet(visible_through("plan")):
    """Rounds: as their plan."""


class SelectionRound(Linked, models.Model):
    """A two-way selection round of a plan: students choose, enterprises rank, the kernel
    matches (a ``core.MatchRun`` that stores inputs, lottery seed and result, so the run can be
    reproduced)."""

    plan = models.ForeignKey(TrainingPlan, verbose_name=_("training plan"),
                             on_delete=models.CASCADE, related_name="rounds")
    number = models.PositiveSmallIntegerField(_("round"))
    status = models.CharField(_("status"), max_length=10, choices=RoundStatus.choices,
                              default=RoundStatus.OPEN)
    choices_deadline = models.DateTimeField(_("students choose until"))
    rankings_deadline = models.DateTimeField(_("enterprises rank until"))
    max_choices = models.PositiveSmallIntegerField(_("choices per student"), default=5)
    previous = models.ForeignKey("self", verbose_name=_("follows round"), null=True,
                                 blank=True, on_delete=models.PROTECT, related_name="+",
                                 help_text=_("A later round takes the students and seats the "
                                             "earlier one left."))
    run = models.ForeignKey(MatchRun, verbose_name=_("matching run"), null=True, blank=True,
                            on_delete=models.PROTECT, related_name="+", editable=False,
                            help_text=_("The latest run of the match: frozen inputs, lottery "
                                        "seed and result."))
    message = models.TextField(_("message"), blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    left_out = models.JSONField(
        _("choices left out of the match"), default=list, blank=True, editable=False,
        help_text=_("Choices that a rule decided before the match barred when the inputs were "
                    "frozen: student, position and the rules' codes."))

    objects = SelectionRoundQuerySet.as_manager()

    class Meta:
        verbose_name = _("selection round")
        verbose_name_plural = _("selection rounds")
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="round_number_unique",
                                    violation_error_message=_("This round already exists.")),
        ]

    def __str__(self) -> str:
        return _("%(plan)s, round %(number)d") % {"plan": self.plan, "number": self.number}

    @property
    def school_id(self) -> int:
        return self.plan.school_id


class PreferenceQuerySet(VisibleQuerySet):
    """Choices: the school's staff; department staff those of their department's students;
    the student their own; the chosen position's enterprise."""

    def visibility(self, scope: Scope) -> Q:
        return (Q(round__plan__school_id__in=scope.staff_schools)
                | Q(student__department_id__in=scope.department_ids)
                | Q(student__user_id=scope.user_id)
                | Q(position__organisation_id__in=scope.organisation_ids))


class Preference(models.Model):
    """A student's choice of a position, with its place in their list (1 = first choice)."""

    round = models.ForeignKey(SelectionRound, verbose_name=_("selection round"),
                              on_delete=models.CASCADE, related_name="preferences")
    student = models.ForeignKey(Student, verbose_name=_("student"), on_delete=models.CASCADE,
                                related_name="preferences")
    position = models.ForeignKey(Position, verbose_name=_("position"),
                                 on_delete=models.CASCADE, related_name="preferences")
    rank = models.PositiveSmallIntegerField(_("choice"))

    objects = PreferenceQuerySet.as_manager()

    class Meta:
        verbose_name = _("choice")
        verbose_name_plural = _("choices")
        ordering = ["round", "student", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["round", "student", "position"],
                                    name="preference_position_once",
                                    violation_error_message=_("A position can be chosen once.")),
            models.UniqueConstraint(fields=["round", "student", "rank"],
                                    name="preference_rank_once",
                                    violation_error_message=_(
                                        "Each choice number is used once.")),
        ]

    def __str__(self) -> str:
        return f"{self.student_id} → {self.position_id} ({self.rank})"


class RankingQuerySet(VisibleQuerySet):
    """Rankings: the school's staff; department staff those of their department's students;
    the ranking enterprise. Students see none, not even their own: an enterprise ranks
    freely, and a student learns only what the published result explains (their rank
    against the cut-off of the positions they wanted more)."""

    def visibility(self, scope: Scope) -> Q:
        return (Q(round__plan__school_id__in=scope.staff_schools)
                | Q(student__department_id__in=scope.department_ids)
                | Q(position__organisation_id__in=scope.organisation_ids))


class Ranking(models.Model):
    """An enterprise's priority for one applicant to one position: a rank (1 is best; equal
    ranks tie and the lottery decides) or a score (higher is better). No row: not acceptable."""

    round = models.ForeignKey(SelectionRound, verbose_name=_("selection round"),
                              on_delete=models.CASCADE, related_name="rankings")
    position = models.ForeignKey(Position, verbose_name=_("position"),
                                 on_delete=models.CASCADE, related_name="rankings")
    student = models.ForeignKey(Student, verbose_name=_("student"), on_delete=models.CASCADE,
                                related_name="rankings")
    rank = models.PositiveSmallIntegerField(_("rank"), null=True, blank=True)
    score = models.DecimalField(_("score"), max_digits=6, decimal_places=2, null=True,
                                blank=True)
    by_default = models.BooleanField(_("default ranking by grade"), default=False)

    objects = RankingQuerySet.as_manager()

    class Meta:
        verbose_name = _("ranking")
        verbose_name_plural = _("rankings")
        ordering = ["round", "position", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["round", "position", "student"],
                                    name="ranking_once",
                                    violation_error_message=_("This applicant is ranked once.")),
            models.CheckConstraint(condition=Q(rank__isnull=False) | Q(score__isnull=False),
                                   name="ranking_rank_or_score",
                                   violation_error_message=_("Give a rank or a score.")),
        ]

    def __str__(self) -> str:
        return f"{self.position_id}: {self.student_id} ({self.rank or self.score})"


# --- Placements and their records ------------------------------------------------------------


class InsurancePolicyQuerySet(VisibleQuerySet):
    """Policies: the school's staff and department staff."""

    def visibility(self, scope: Scope) -> Q:
        return Q(school_id__in=_staff(scope))


class InsurancePolicy(Linked, models.Model):
    """An internship liability insurance policy (实习责任保险); premiums are never the
    student's."""

    school = models.ForeignKey(School, verbose_name=_("school"), on_delete=models.CASCADE,
                               related_name="insurance_policies")
    number = models.CharField(_("policy number"), max_length=50)
    insurer = models.CharField(_("insurer"), max_length=100)
    payer = models.CharField(_("paid by"), max_length=12, choices=InsurancePayer.choices)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))

    objects = InsurancePolicyQuerySet.as_manager()

    class Meta:
        verbose_name = _("insurance policy")
        verbose_name_plural = _("insurance policies")
        ordering = ["-end_date"]

    def __str__(self) -> str:
        return f"{self.insurer} {self.number}"


def placements_seen(scope: Scope) -> Q:
    """The placements a scope reaches: the school's staff, the student's department staff, the
    student, the host enterprise's members, and the enterprise mentor named on the placement
    (by the e-mail of their record in the mentor pool, where the sign-off link is mailed)."""
    return (Q(position__plan__school_id__in=scope.staff_schools)
            | Q(student__department_id__in=scope.department_ids)
            | Q(student__user_id=scope.user_id)
            | Q(position__organisation_id__in=scope.organisation_ids)
            | Q(mentor_email__in=Mentor.objects.filter(user_id=scope.user_id)
                .exclude(email="").values("email")))


class PlacementQuerySet(VisibleQuerySet):
    """Placements: see ``placements_seen``."""

    def visibility(self, scope: Scope) -> Q:
        return placements_seen(scope)


class Placement(Linked, models.Model):
    """A student's internship at a position, from the match to the final grade."""

    student = models.ForeignKey(Student, verbose_name=_("student"), on_delete=models.PROTECT,
                                related_name="placements")
    position = models.ForeignKey(Position, verbose_name=_("position"),
                                 on_delete=models.PROTECT, related_name="placements")
    round = models.ForeignKey(SelectionRound, verbose_name=_("selection round"), null=True,
                              blank=True, on_delete=models.PROTECT, related_name="placements")
    choice_rank = models.PositiveSmallIntegerField(
        _("choice obtained"), null=True, blank=True, editable=False,
        help_text=_("The rank the student gave this position in the round that placed them; "
                    "empty when it was not among their choices or no round placed them."))
    status = models.CharField(_("status"), max_length=10, choices=PlacementStatus.choices,
                              default=PlacementStatus.MATCHED)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    supervisor = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("school supervisor"),
                                   null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    mentor_name = models.CharField(_("enterprise mentor"), max_length=50, blank=True)
    mentor_email = models.EmailField(_("enterprise mentor's email"), blank=True)
    tripartite_agreement = models.ForeignKey(
        Agreement, verbose_name=_("three-party agreement"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="placements")
    guardian_consent = PolicyFileField(_("guardian's consent"), policy="document",
                                       folder="placements/consent",
                                       name_field="guardian_consent_name",
                                       route="placements:placement_consent", blank=True,
                                       help_text=_("Needed for students under 18."))
    guardian_consent_name = models.CharField(_("file name"), max_length=255, blank=True,
                                             editable=False)
    insurance = models.ForeignKey(InsurancePolicy, verbose_name=_("insurance policy"), null=True,
                                  blank=True, on_delete=models.PROTECT, related_name="placements")
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    confirmed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("confirmed by"),
                                     null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")

    objects = PlacementQuerySet.as_manager()

    class Meta:
        verbose_name = _("placement")
        verbose_name_plural = _("placements")
        ordering = ["-start_date", "student_id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")), name="placement_ends_after_start",
                violation_error_message=_("End date: it cannot be before the start date.")),
        ]

    def __str__(self) -> str:
        return f"{self.student.user.real_name} @ {self.position}"

    @property
    def school_id(self) -> int:
        return self.student.school_id

    @property
    def department_id(self) -> int:
        return self.student.department_id


class LogQuerySet(visible_through("placement")):
    """Logs: as their placement."""


class Log(models.Model):
    """A milestone log a student writes for a period of their placement."""

    placement = models.ForeignKey(Placement, verbose_name=_("placement"),
                                  on_delete=models.CASCADE, related_name="logs")
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"))
    content = models.TextField(_("what I did and learned"))
    attachment = PolicyFileField(_("attachment"), policy="document", folder="placements/logs",
                                 name_field="attachment_name",
                                 route="placements:log_attachment", blank=True)
    attachment_name = models.CharField(_("file name"), max_length=255, blank=True,
                                       editable=False)
    status = models.CharField(_("status"), max_length=12, choices=LogStatus.choices,
                              default=LogStatus.SUBMITTED)
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)

    objects = LogQuerySet.as_manager()

    class Meta:
        verbose_name = _("milestone log")
        verbose_name_plural = _("milestone logs")
        ordering = ["placement", "-period_start"]

    def __str__(self) -> str:
        return f"{self.placement.student.user.real_name} {self.period_start}–{self.period_end}"


class SignOff(models.Model):
    """The enterprise mentor's review of a log: signed off or returned, with a comment."""

    log = models.ForeignKey(Log, verbose_name=_("milestone log"), on_delete=models.CASCADE,
                            related_name="sign_offs")
    approved = models.BooleanField(_("signed off"))
    comment = models.TextField(_("comment"), blank=True)
    signer = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("signed by"), null=True,
                               blank=True, on_delete=models.SET_NULL, related_name="+")
    signer_name = models.CharField(_("signer's name"), max_length=50)
    via_link = models.BooleanField(_("from an emailed link"), default=False)
    signed_at = models.DateTimeField(_("signed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("sign-off")
        verbose_name_plural = _("sign-offs")
        ordering = ["-signed_at"]

    def __str__(self) -> str:
        return f"{self.signer_name} {self.signed_at:%Y-%m-%d}"


class EvaluationQuerySet(visible_through("placement")):
    """Evaluations: as their placement."""


class Evaluation(models.Model):
    """The end-of-placement evaluation by the enterprise or the school, against the rubric."""

    placement = models.ForeignKey(Placement, verbose_name=_("placement"),
                                  on_delete=models.CASCADE, related_name="evaluations")
    side = models.CharField(_("evaluated by"), max_length=12, choices=EvaluatorSide.choices)
    scores = models.JSONField(_("scores"), help_text=_("Criterion → score out of 100."))
    total = models.DecimalField(_("weighted score"), max_digits=5, decimal_places=2)
    grade = models.CharField(_("grade"), max_length=10, choices=Grade.choices)
    comment = models.TextField(_("comment"), blank=True)
    evaluator = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("evaluator"),
                                  null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = EvaluationQuerySet.as_manager()

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        constraints = [
            models.UniqueConstraint(fields=["placement", "side"], name="evaluation_once_per_side",
                                    violation_error_message=_("This side has already "
                                                              "evaluated.")),
        ]

    def __str__(self) -> str:
        return f"{self.placement} · {self.get_side_display()} · {self.get_grade_display()}"
