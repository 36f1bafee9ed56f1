"""The skill dictionary (技能词典) of a school and the courses that teach each skill to the
majors that take them."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from chanchuang.core.models import Department, Linked, Major, School
from chanchuang.core.visibility import Scope, VisibleQuerySet
from chanchuang.talent.choices import SkillCategory


class SchoolVocabularyQuerySet(VisibleQuerySet):
    """The school's vocabulary (skills, courses): everyone who works or studies there, and its
    partners' members (an enterprise declares demand in these words)."""

    def visibility(self, scope: Scope) -> Q:
        return Q(school_id__in=scope.member_schools)


class Skill(Linked, models.Model):
    """A skill of the school's dictionary, with the other words people use for it."""

    school = models.ForeignKey(School, verbose_name=_("school"), on_delete=models.CASCADE,
                               related_name="skills")
    name = models.CharField(_("name"), max_length=50)
    category = models.CharField(_("category"), max_length=15, choices=SkillCategory.choices,
                                default=SkillCategory.PROFESSIONAL)
    synonyms = models.JSONField(
        _("synonyms"), default=list, blank=True,
        help_text=_("Other words for the same skill, as job descriptions write them."))
    description = models.TextField(_("description"), blank=True)

    objects = SchoolVocabularyQuerySet.as_manager()

    class Meta:
        verbose_name = _("skill")
        verbose_name_plural = _("skills")
        ordering = ["category", "name"]
        constraints = [models.UniqueConstraint(
            fields=["school", "name"], name="skill_name_unique_per_school",
            violation_error_message=_("Name: the dictionary already has this skill."))]

    def __str__(self) -> str:
        return self.name


class Course(Linked, models.Model):
    """A course of the school's curriculum: the majors that take it and the skills it
    teaches. Passing it evidences those skills."""

    school = models.ForeignKey(School, verbose_name=_("school"), on_delete=models.CASCADE,
                               related_name="courses")
    department = models.ForeignKey(Department, verbose_name=_("department"), null=True,
                                   blank=True, on_delete=models.SET_NULL, related_name="courses",
                                   help_text=_("The department that teaches it."))
    code = models.CharField(_("course code"), max_length=20)
    name = models.CharField(_("name"), max_length=100)
    credits = models.DecimalField(_("credits"), max_digits=4, decimal_places=1, default=2)
    majors = models.ManyToManyField(Major, verbose_name=_("majors"), blank=True,
                                    related_name="courses")
    skills = models.ManyToManyField(Skill, verbose_name=_("skills taught"), blank=True,
                                    related_name="courses")

    objects = SchoolVocabularyQuerySet.as_manager()

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        ordering = ["code"]
        constraints = [models.UniqueConstraint(
            fields=["school", "code"], name="course_code_unique_per_school",
            violation_error_message=_("Course code: already used."))]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"
