"""Talent demand (人才需求): what an enterprise says it will need, when, in which majors and
with which skills; a position published for a training plan counts as demand too."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from chanchuang.core.models import Linked, Major, Organisation, School
from chanchuang.core.visibility import Scope, VisibleQuerySet
from chanchuang.talent.choices import DemandOrigin, DemandStatus, TimeFrame
from chanchuang.talent.models.skills import Skill


def demand_seen(scope: Scope, path: str = "") -> Q:
    """Who sees a demand (reached through ``path``): the school's staff and department staff,
    and the members of the organisation that declared it."""
    prefix = f"{path}__" if path else ""
    return (Q(**{f"{prefix}school_id__in": scope.staff_schools | scope.department_schools})
            | Q(**{f"{prefix}organisation_id__in": scope.organisation_ids}))


class DemandQuerySet(VisibleQuerySet):
    """Demands: see ``demand_seen``."""

    def visibility(self, scope: Scope) -> Q:
        return demand_seen(scope)


class Demand(Linked, models.Model):
    """An enterprise's talent demand: a post, how many people, by when, for which majors and
    skills, at what pay."""

    school = models.ForeignKey(School, verbose_name=_("school"), on_delete=models.CASCADE,
                               related_name="talent_demands", editable=False)
    organisation = models.ForeignKey(Organisation, verbose_name=_("enterprise"),
                                     on_delete=models.PROTECT, related_name="talent_demands")
    post = models.CharField(pgettext_lazy("demand", "post"), max_length=100)
    headcount = models.PositiveSmallIntegerField(_("head count"))
    timeframe = models.CharField(_("needed"), max_length=10, choices=TimeFrame.choices,
                                 default=TimeFrame.THIS_YEAR)
    year_from = models.PositiveSmallIntegerField(
        _("from year"), editable=False, help_text=_("The first year the people are needed."))
    year_to = models.PositiveSmallIntegerField(
        _("to year"), editable=False, help_text=_("The last year the people are needed."))
    majors = models.ManyToManyField(Major, verbose_name=_("majors wanted"), blank=True,
                                    related_name="talent_demands")
    skills = models.ManyToManyField(Skill, verbose_name=_("skills wanted"), blank=True,
                                    through="DemandSkill", related_name="demands")
    pay_min = models.PositiveIntegerField(_("monthly pay from (yuan)"), null=True, blank=True)
    pay_max = models.PositiveIntegerField(_("monthly pay up to (yuan)"), null=True, blank=True)
    description = models.TextField(_("job description"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=DemandStatus.choices,
                              default=DemandStatus.OPEN)
    origin = models.CharField(_("origin"), max_length=10, choices=DemandOrigin.choices,
                              default=DemandOrigin.DECLARED, editable=False)
    source_key = models.CharField(
        _("source"), max_length=60, null=True, blank=True, unique=True, editable=False,
        help_text=_("The published position this demand mirrors."))
    source_url = models.CharField(_("source link"), max_length=200, blank=True, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("declared by"),
                                   null=True, on_delete=models.SET_NULL, related_name="+",
                                   editable=False)
    created_at = models.DateTimeField(_("declared at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = DemandQuerySet.as_manager()

    class Meta:
        verbose_name = _("talent demand")
        verbose_name_plural = _("talent demands")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["school", "status", "year_from", "year_to"],
                                name="demand_gap_window")]
        constraints = [
            models.CheckConstraint(condition=Q(headcount__gte=1), name="demand_headcount_positive",
                                   violation_error_message=_("Head count: at least one.")),
            models.CheckConstraint(
                condition=Q(pay_min__isnull=True) | Q(pay_max__isnull=True)
                | Q(pay_max__gte=F("pay_min")),
                name="demand_pay_band_ordered",
                violation_error_message=_("Pay: the upper end is below the lower end.")),
            models.CheckConstraint(condition=Q(year_to__gte=F("year_from")),
                                   name="demand_years_ordered",
                                   violation_error_message=_("Years: the window ends before it "
                                                             "starts.")),
        ]

    def __str__(self) -> str:
        return f"{self.organisation}·{self.post}"

    def save(self, *args, **kwargs) -> None:
        self.school_id = self.organisation.school_id
        super().save(*args, **kwargs)


class DemandSkill(models.Model):
    """A skill a demand asks for; ``suggested`` when the words of its job description
    proposed it and the person kept it."""

    demand = models.ForeignKey(Demand, verbose_name=_("talent demand"),
                               on_delete=models.CASCADE, related_name="demand_skills")
    skill = models.ForeignKey(Skill, verbose_name=_("skill"), on_delete=models.PROTECT,
                              related_name="demand_skills")
    suggested = models.BooleanField(_("suggested from the description"), default=False)

    class Meta:
        verbose_name = _("skill wanted")
        verbose_name_plural = _("skills wanted")
        constraints = [models.UniqueConstraint(fields=["demand", "skill"],
                                               name="demand_skill_once")]

    def __str__(self) -> str:
        return f"{self.demand} · {self.skill}"
