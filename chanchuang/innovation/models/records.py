"""Outcomes and the innovation record: start-ups, competitions, the school's credit conversion
table, and every credit a student earns (双创学分), gathered on their record (成长档案)."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from chanchuang.core.identifiers import validate_credit_code
from chanchuang.core.models import Linked, PinyinNamed, School, Student
from chanchuang.core.visibility import Scope, VisibleQuerySet
from chanchuang.innovation.choices import CompetitionLevel, CreditCategory
from chanchuang.innovation.models.intake import Project
from chanchuang.innovation.models.programmes import Cohort


class SchoolDataQuerySet(VisibleQuerySet):
    """Data everyone of the school may read (its staff edit it)."""

    def visibility(self, scope: Scope) -> Q:
        return Q(school_id__in=scope.member_schools)


class Startup(Linked, PinyinNamed):
    """A company students registered, with its credit code, funding and the jobs it made."""

    school = models.ForeignKey(School, verbose_name=_("school"), on_delete=models.CASCADE,
                               related_name="startups")
    name = models.CharField(_("company name"), max_length=200)
    credit_code = models.CharField(_("unified social credit code"), max_length=18,
                                   validators=[validate_credit_code])
    registered_on = models.DateField(_("registered on"))
    project = models.ForeignKey(Project, verbose_name=_("project"), null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="startups")
    founders = models.ManyToManyField(Student, verbose_name=_("founders"),
                                      related_name="startups")
    funding = models.DecimalField(_("funding raised (10,000 yuan)"), max_digits=10,
                                  decimal_places=2, default=0,
                                  validators=[MinValueValidator(0)])
    jobs = models.PositiveIntegerField(_("jobs created"), default=0)
    notes = models.TextField(_("notes"), blank=True)

    objects = SchoolDataQuerySet.as_manager()

    class Meta:
        verbose_name = _("start-up")
        verbose_name_plural = _("start-ups")
        ordering = ["-registered_on", "pk"]
        constraints = [models.UniqueConstraint(
            fields=["school", "credit_code"], name="startup_credit_code_unique",
            violation_error_message=_("Unified social credit code: already recorded."))]

    def __str__(self) -> str:
        return self.name


class Competition(Linked, models.Model):
    """An innovation or entrepreneurship competition students take part in."""

    school = models.ForeignKey(School, verbose_name=_("school"), on_delete=models.CASCADE,
                               related_name="competitions")
    name = models.CharField(_("competition"), max_length=200)
    level = models.CharField(_("level"), max_length=10, choices=CompetitionLevel.choices)
    year = models.PositiveSmallIntegerField(_("year"))

    objects = SchoolDataQuerySet.as_manager()

    class Meta:
        verbose_name = _("competition")
        verbose_name_plural = _("competitions")
        ordering = ["-year", "name"]
        constraints = [models.UniqueConstraint(
            fields=["school", "name", "year"], name="competition_unique_per_year",
            violation_error_message=_("This competition is already there for that year."))]

    def __str__(self) -> str:
        return f"{self.year} {self.name}"


class CreditRule(models.Model):
    """One line of the school's conversion table: credits for a category (and level and award,
    for competitions)."""

    school = models.ForeignKey(School, verbose_name=_("school"), on_delete=models.CASCADE,
                               related_name="credit_rules")
    category = models.CharField(_("category"), max_length=12, choices=CreditCategory.choices)
    level = models.CharField(_("level"), max_length=10, choices=CompetitionLevel.choices,
                             blank=True)
    award = models.CharField(_("award"), max_length=30, blank=True,
                             help_text=_("e.g. 一等奖; empty: any"))
    credits = models.DecimalField(_("credits"), max_digits=4, decimal_places=1,
                                  validators=[MinValueValidator(0)])

    objects = SchoolDataQuerySet.as_manager()

    class Meta:
        verbose_name = _("credit rule")
        verbose_name_plural = _("credit rules")
        ordering = ["category", "level", "award"]
        constraints = [models.UniqueConstraint(
            fields=["school", "category", "level", "award"], name="credit_rule_unique",
            violation_error_message=_("This line of the conversion table already exists."))]

    def __str__(self) -> str:
        return " · ".join(filter(None, [self.get_category_display(), self.get_level_display(),
                                        self.award]))


class CreditQuerySet(VisibleQuerySet):
    """Credits: the school's staff, the student's department staff, and the student."""

    def visibility(self, scope: Scope) -> Q:
        return (Q(student__school_id__in=scope.staff_schools)
                | Q(student__department_id__in=scope.department_ids)
                | Q(student__user_id=scope.user_id))


class Credit(models.Model):
    """A line of a student's innovation record: what they did and the credits it earned."""

    student = models.ForeignKey(Student, verbose_name=_("student"), on_delete=models.CASCADE,
                                related_name="credits")
    category = models.CharField(_("category"), max_length=12, choices=CreditCategory.choices)
    title = models.CharField(_("title"), max_length=200)
    earned_on = models.DateField(_("date"))
    credits = models.DecimalField(_("credits"), max_digits=4, decimal_places=1,
                                  validators=[MinValueValidator(0)])
    award = models.CharField(_("award"), max_length=100, blank=True)
    project = models.ForeignKey(Project, verbose_name=_("project"), null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="credits")
    competition = models.ForeignKey(Competition, verbose_name=_("competition"), null=True,
                                    blank=True, on_delete=models.PROTECT, related_name="credits")
    cohort = models.ForeignKey(Cohort, verbose_name=_("cohort"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="credits_earned")
    startup = models.ForeignKey("Startup", verbose_name=_("start-up"), null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="credits")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("recorded by"),
                                    null=True, on_delete=models.SET_NULL, related_name="+")

    objects = CreditQuerySet.as_manager()

    class Meta:
        verbose_name = _("credit")
        verbose_name_plural = _("credits")
        ordering = ["-earned_on", "pk"]
        constraints = [models.UniqueConstraint(
            fields=["student", "cohort"], condition=Q(cohort__isnull=False),
            name="one_bootcamp_credit_per_cohort")]

    def __str__(self) -> str:
        return f"{self.student} · {self.title}"

    @property
    def school_id(self) -> int:
        return self.student.school_id
