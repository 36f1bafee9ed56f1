"""Co-developed work of an industry college (共建成果) and its yearly targets: courses and
textbooks developed jointly, enterprise teachers with their teaching hours, practice and
training bases, technical-service projects, staff training and donated equipment. Staff record
any of it; an enterprise member records its own organisation's, with evidence, and staff confirm.
Only confirmed contributions count in the indicators."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from chanchuang.colleges.choices import ContributionKind, ContributionStatus
from chanchuang.colleges.models.colleges import (
    CollegeProgramme,
    IndustryCollege,
    college_insiders,
)
from chanchuang.core.models import Linked, Organisation
from chanchuang.core.uploads import PolicyFileField
from chanchuang.core.visibility import Scope, VisibleQuerySet
from chanchuang.mentors.models import Appointment

# What a contribution's ``amount`` counts, by kind (None: the kind has no amount).
AMOUNT_UNITS = {
    ContributionKind.COURSE: _("teaching hours"),
    ContributionKind.TEXTBOOK: None,
    ContributionKind.TEACHER: _("teaching hours"),
    ContributionKind.BASE: _("places"),
    ContributionKind.SERVICE: _("×10,000 yuan"),
    ContributionKind.TRAINING: _("person-days"),
    ContributionKind.EQUIPMENT: _("×10,000 yuan"),
}


class ContributionQuerySet(VisibleQuerySet):
    """Contributions: the college's insiders."""

    def visibility(self, scope: Scope) -> Q:
        return college_insiders(scope, "college")

    def confirmed(self) -> ContributionQuerySet:
        """Those that count in the indicators."""
        return self.filter(status=ContributionStatus.CONFIRMED)


class Contribution(Linked, models.Model):
    """One piece of co-developed work of an industry college, by one of its parties."""

    college = models.ForeignKey(IndustryCollege, verbose_name=_("industry college"),
                                on_delete=models.CASCADE, related_name="contributions")
    kind = models.CharField(_("kind"), max_length=10, choices=ContributionKind.choices)
    title = models.CharField(_("title"), max_length=200)
    organisation = models.ForeignKey(Organisation, verbose_name=_("contributed by"), null=True,
                                     blank=True, on_delete=models.PROTECT,
                                     related_name="college_contributions",
                                     help_text=_("Empty: the school itself."))
    programme = models.ForeignKey(CollegeProgramme, verbose_name=_("programme"), null=True,
                                  blank=True, on_delete=models.SET_NULL,
                                  related_name="contributions")
    happened_on = models.DateField(_("date"))
    amount = models.DecimalField(
        _("amount"), max_digits=10, decimal_places=2, null=True, blank=True,
        help_text=_("Teaching hours of a course or teacher, places of a base, income of a "
                    "technical-service project or value of equipment (×10,000 yuan), "
                    "person-days of training."))
    authors = models.CharField(_("authors"), max_length=300, blank=True,
                               help_text=_("Names with their party, e.g. "
                                           "张三（学校）、李四（企业）."))
    is_core_course = models.BooleanField(_("core course of the major"), default=False)
    is_practice_course = models.BooleanField(_("practice course"), default=False)
    publisher = models.CharField(_("publisher"), max_length=100, blank=True)
    isbn = models.CharField(_("ISBN"), max_length=17, blank=True)
    appointment = models.ForeignKey(Appointment, verbose_name=_("appointment"), null=True,
                                    blank=True, on_delete=models.PROTECT,
                                    related_name="college_contributions",
                                    help_text=_("An enterprise teacher's mentor appointment."))
    client = models.ForeignKey(Organisation, verbose_name=_("client"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="+",
                               help_text=_("The enterprise a technical-service project serves."))
    description = models.TextField(_("description"), blank=True)
    evidence = PolicyFileField(_("evidence"), policy="document", folder="colleges/evidence",
                               name_field="evidence_name", route="colleges:contribution_evidence",
                               blank=True)
    evidence_name = models.CharField(_("file name"), max_length=255, blank=True, editable=False)
    status = models.CharField(_("status"), max_length=10, choices=ContributionStatus.choices,
                              default=ContributionStatus.RECORDED)
    review_note = models.CharField(_("note from staff"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("recorded by"),
                                    null=True, on_delete=models.SET_NULL, related_name="+")
    confirmed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("confirmed by"),
                                     null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = ContributionQuerySet.as_manager()

    class Meta:
        verbose_name = _("contribution")
        verbose_name_plural = _("co-developed work")
        ordering = ["-happened_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__isnull=True) | Q(amount__gte=0),
                name="contribution_amount_not_negative",
                violation_error_message=_("Amount: it cannot be below zero.")),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}：{self.title}"

    @property
    def unit(self) -> str:
        unit = AMOUNT_UNITS[self.kind]
        return str(unit) if unit else ""

    @property
    def school_id(self) -> int:
        return self.college.school_id


class TargetQuerySet(VisibleQuerySet):
    """Targets: the college's insiders, and observers (with the scorecard)."""

    def visibility(self, scope: Scope) -> Q:
        return college_insiders(scope, "college") | Q(
            college__school__province_id__in=scope.observer_provinces)


class Target(models.Model):
    """What an industry college aims to achieve on one indicator in one year (set by staff)."""

    college = models.ForeignKey(IndustryCollege, verbose_name=_("industry college"),
                                on_delete=models.CASCADE, related_name="targets")
    year = models.PositiveSmallIntegerField(_("year"))
    indicator = models.CharField(_("indicator"), max_length=40)
    value = models.DecimalField(_("target"), max_digits=12, decimal_places=2)

    objects = TargetQuerySet.as_manager()

    class Meta:
        verbose_name = _("yearly target")
        verbose_name_plural = _("yearly targets")
        ordering = ["college", "year", "indicator"]
        constraints = [
            models.UniqueConstraint(fields=["college", "year", "indicator"],
                                    name="target_once_per_indicator_and_year",
                                    violation_error_message=_("Indicator: it already has a "
                                                              "target for this year.")),
            models.CheckConstraint(condition=Q(value__gte=0), name="target_not_negative",
                                   violation_error_message=_("Target: it cannot be below "
                                                             "zero.")),
        ]

    def __str__(self) -> str:
        return f"{self.college} {self.year} {self.indicator}"

    @property
    def school_id(self) -> int:
        return self.college.school_id
