"""The college's supply of skills: students' course grades, certificates, the skills each
bootcamp programme trains, and the evidence (技能佐证) that a student has a skill, one row per
student, skill and source."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from chanchuang.core.models import Linked, Major, School, Student
from chanchuang.core.uploads import PolicyFileField
from chanchuang.core.visibility import Scope, VisibleQuerySet
from chanchuang.innovation.models import Credit, Programme
from chanchuang.talent.choices import CertificateKind, CertificateStatus, EvidenceKind
from chanchuang.talent.models.skills import Course, Skill


def student_record_seen(scope: Scope, path: str = "student") -> Q:
    """Who sees a line of a student's record (reached through ``path``): the school's staff,
    the staff of the student's department, and the student."""
    return (Q(**{f"{path}__school_id__in": scope.staff_schools})
            | Q(**{f"{path}__department_id__in": scope.department_ids})
            | Q(**{f"{path}__user_id": scope.user_id}))


class StudentRecordQuerySet(VisibleQuerySet):
    """Grades, certificates and evidence: see ``student_record_seen``."""

    def visibility(self, scope: Scope) -> Q:
        return student_record_seen(scope)


class CourseGrade(models.Model):
    """A student's result in a course in one term, as the academic office exports it."""

    student = models.ForeignKey(Student, verbose_name=_("student"), on_delete=models.CASCADE,
                                related_name="course_grades")
    course = models.ForeignKey(Course, verbose_name=_("course"), on_delete=models.PROTECT,
                               related_name="grades")
    term = models.CharField(_("term"), max_length=11, help_text=_("e.g. 2025-2026-1"))
    score = models.DecimalField(_("score"), max_digits=5, decimal_places=1, null=True,
                                blank=True)
    passed = models.BooleanField(_("passed"))

    objects = StudentRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("course grade")
        verbose_name_plural = _("course grades")
        ordering = ["student_id", "term", "course_id"]
        constraints = [models.UniqueConstraint(fields=["student", "course", "term"],
                                               name="grade_once_per_term",
                                               violation_error_message=_(
                                                   "This grade is already recorded."))]

    def __str__(self) -> str:
        return f"{self.student} · {self.course} · {self.term}"

    @property
    def school_id(self) -> int:
        return self.student.school_id


class Certificate(Linked, models.Model):
    """A certificate a student holds (1+X, vocational skill level, qualification), with its
    scan; it evidences its skills once the school has checked it."""

    student = models.ForeignKey(Student, verbose_name=_("student"), on_delete=models.CASCADE,
                                related_name="certificates")
    kind = models.CharField(_("kind"), max_length=15, choices=CertificateKind.choices)
    name = models.CharField(_("name"), max_length=100)
    level = models.CharField(_("level"), max_length=30, blank=True,
                             help_text=_("e.g. 初级, 中级, 高级 or 四级"))
    issuer = models.CharField(_("issued by"), max_length=100, blank=True)
    number = models.CharField(_("certificate number"), max_length=50, blank=True)
    issued_on = models.DateField(_("issued on"))
    skills = models.ManyToManyField(Skill, verbose_name=_("skills it shows"), blank=True,
                                    related_name="certificates")
    scan = PolicyFileField(_("scan"), policy="document", folder="talent/certificates",
                           blank=True)
    status = models.CharField(_("status"), max_length=10, choices=CertificateStatus.choices,
                              default=CertificateStatus.CLAIMED)
    checked_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("checked by"),
                                   null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", editable=False)
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    objects = StudentRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_on", "-pk"]

    def __str__(self) -> str:
        return " ".join(filter(None, [self.name, self.level]))

    @property
    def school_id(self) -> int:
        return self.student.school_id


class ProgrammeSkillQuerySet(VisibleQuerySet):
    """The skills a bootcamp programme trains: everyone of the programme's school."""

    def visibility(self, scope: Scope) -> Q:
        return Q(programme__school_id__in=scope.member_schools)


class ProgrammeSkill(models.Model):
    """A skill a bootcamp programme (双创特训营) trains: completing a cohort evidences it."""

    programme = models.ForeignKey(Programme, verbose_name=_("programme"),
                                  on_delete=models.CASCADE, related_name="skills_trained")
    skill = models.ForeignKey(Skill, verbose_name=_("skill"), on_delete=models.PROTECT,
                              related_name="programmes")

    objects = ProgrammeSkillQuerySet.as_manager()

    class Meta:
        verbose_name = _("skill a programme trains")
        verbose_name_plural = _("skills programmes train")
        constraints = [models.UniqueConstraint(fields=["programme", "skill"],
                                               name="programme_skill_once")]

    def __str__(self) -> str:
        return f"{self.programme} · {self.skill}"


class SkillEvidence(models.Model):
    """One piece of evidence that a student has a skill: a course passed, a checked
    certificate, a bootcamp cohort completed or an internship evaluated. Written only by the
    services that record those facts, so the supply is always what the records show."""

    student = models.ForeignKey(Student, verbose_name=_("student"), on_delete=models.CASCADE,
                                related_name="skill_evidence")
    skill = models.ForeignKey(Skill, verbose_name=_("skill"), on_delete=models.CASCADE,
                              related_name="evidence")
    kind = models.CharField(_("evidence"), max_length=12, choices=EvidenceKind.choices)
    evidenced_on = models.DateField(_("date"))
    source_key = models.CharField(
        _("source"), max_length=60,
        help_text=_("The record that shows it, e.g. grade:12 or evaluation:7."))
    source_label = models.CharField(_("shown by"), max_length=200)
    source_url = models.CharField(_("source link"), max_length=200, blank=True)
    grade = models.ForeignKey(CourseGrade, verbose_name=_("course grade"), null=True,
                              blank=True, on_delete=models.CASCADE, related_name="evidence")
    certificate = models.ForeignKey(Certificate, verbose_name=_("certificate"), null=True,
                                    blank=True, on_delete=models.CASCADE, related_name="evidence")
    credit = models.ForeignKey(Credit, verbose_name=_("bootcamp credit"), null=True, blank=True,
                               on_delete=models.CASCADE, related_name="skill_evidence")

    objects = StudentRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("skill evidence")
        verbose_name_plural = _("skill evidence")
        ordering = ["student_id", "skill_id", "-evidenced_on"]
        indexes = [models.Index(fields=["skill", "student"], name="evidence_skill_student")]
        constraints = [models.UniqueConstraint(fields=["student", "skill", "source_key"],
                                               name="evidence_once_per_source")]

    def __str__(self) -> str:
        return f"{self.student} · {self.skill} · {self.source_label}"

    @property
    def school_id(self) -> int:
        return self.student.school_id


class SkillHolding(models.Model):
    """That a student holds a skill (one row however much evidence shows it), with the
    student's school, major, enrolment year and whether they are enrolled as the student's
    record says now. Kept in step by ``services.supply.refresh_holdings``, which every service
    writing evidence calls, and which runs whenever a student is saved or the roster import
    changes students; ``SkillSupply`` counts them."""

    student = models.ForeignKey(Student, verbose_name=_("student"), on_delete=models.CASCADE,
                                related_name="+")
    skill = models.ForeignKey(Skill, verbose_name=_("skill"), on_delete=models.CASCADE,
                              related_name="+")
    school = models.ForeignKey(School, verbose_name=_("school"), on_delete=models.CASCADE,
                               related_name="+")
    major = models.ForeignKey(Major, verbose_name=_("major"), on_delete=models.CASCADE,
                              related_name="+")
    enrolment_year = models.PositiveSmallIntegerField(_("enrolment year"))
    enrolled = models.BooleanField(_("enrolled"))

    objects = StudentRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("skill held")
        verbose_name_plural = _("skills held")
        constraints = [models.UniqueConstraint(fields=["student", "skill"],
                                               name="holding_once_per_skill")]

    def __str__(self) -> str:
        return f"{self.student_id} · {self.skill_id}"


class SkillSupplyQuerySet(VisibleQuerySet):
    """Supply counts: whoever plans against them (counts only, no student): the school's
    staff, department staff and partners' members."""

    def visibility(self, scope: Scope) -> Q:
        return Q(school_id__in=scope.staff_schools | scope.department_schools
                 | scope.organisation_schools)


class SkillSupply(models.Model):
    """How many students of a cohort (a major's enrolment year, enrolled or not) hold a skill:
    the counts the gap reads, changed by ``refresh_holdings`` in the same transaction as the
    holdings it counts, never recomputed in a batch."""

    school = models.ForeignKey(School, verbose_name=_("school"), on_delete=models.CASCADE,
                               related_name="+")
    major = models.ForeignKey(Major, verbose_name=_("major"), on_delete=models.CASCADE,
                              related_name="+")
    enrolment_year = models.PositiveSmallIntegerField(_("enrolment year"))
    enrolled = models.BooleanField(_("enrolled"))
    skill = models.ForeignKey(Skill, verbose_name=_("skill"), on_delete=models.CASCADE,
                              related_name="+")
    students = models.PositiveIntegerField(_("students"), default=0)

    objects = SkillSupplyQuerySet.as_manager()

    class Meta:
        verbose_name = _("skill supply")
        verbose_name_plural = _("skill supply")
        constraints = [models.UniqueConstraint(
            fields=["school", "major", "enrolment_year", "skill", "enrolled"],
            name="skill_supply_once_per_cohort")]

    def __str__(self) -> str:
        return f"{self.major_id} {self.enrolment_year} · {self.skill_id}: {self.students}"
