"""Graduate destinations (毕业去向): one record per graduate with the national destination
code, the employer (checked credit code, region, whether it is a partner or hosted the
graduate's placement), the post and contract start, and the evidence with its verification."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from chanchuang.core.identifiers import validate_credit_code
from chanchuang.core.models import (
    Department,
    Linked,
    Major,
    Organisation,
    Region,
    School,
    Student,
)
from chanchuang.core.uploads import PolicyFileField
from chanchuang.core.visibility import Scope, VisibleQuerySet
from chanchuang.insights.choices import (
    GROUP_OF_CODE,
    DestinationCode,
    DestinationGroup,
    EvidenceKind,
    Verification,
)


def destination_seen(scope: Scope, path: str = "") -> Q:
    """Who sees a destination (reached through ``path``): the school's staff, the staff of the
    graduate's department, and the graduate. Observers read aggregates only, never a record."""
    prefix = f"{path}__" if path else ""
    return (Q(**{f"{prefix}school_id__in": scope.staff_schools})
            | Q(**{f"{prefix}department_id__in": scope.department_ids})
            | Q(**{f"{prefix}student__user_id": scope.user_id}))


class DestinationQuerySet(VisibleQuerySet):
    """Destinations: see ``destination_seen``."""

    def visibility(self, scope: Scope) -> Q:
        return destination_seen(scope)


class GraduateDestination(Linked, models.Model):
    """Where one graduate went: the national code and its group, the employer, and the
    evidence that proves it with how far staff have verified it."""

    school = models.ForeignKey(School, verbose_name=_("school"), on_delete=models.CASCADE,
                               related_name="graduate_destinations", editable=False)
    student = models.OneToOneField(Student, verbose_name=_("graduate"), on_delete=models.CASCADE,
                                   related_name="destination")
    # Copied from the student when saved, so the dashboard counts by department and major
    # without a join.
    department = models.ForeignKey(Department, verbose_name=_("department"),
                                   on_delete=models.PROTECT, related_name="+", editable=False)
    major = models.ForeignKey(Major, verbose_name=_("major"), on_delete=models.PROTECT,
                              related_name="+", editable=False)
    graduation_year = models.PositiveSmallIntegerField(_("graduation year"))
    code = models.CharField(_("destination"), max_length=3, choices=DestinationCode.choices)
    group = models.CharField(_("destination group"), max_length=12,
                             choices=DestinationGroup.choices, editable=False)
    employer_name = models.CharField(_("employer"), max_length=200, blank=True,
                                     help_text=_("The employer, the start-up's company or the "
                                                 "school admitting the graduate."))
    employer_credit_code = models.CharField(
        _("employer's unified social credit code"), max_length=18, blank=True,
        validators=[validate_credit_code])
    employer = models.ForeignKey(
        Organisation, verbose_name=_("registered organisation"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="graduate_destinations", editable=False,
        help_text=_("The school's registered organisation with that credit code or name."))
    employer_region = models.ForeignKey(Region, verbose_name=_("employer's region"), null=True,
                                        blank=True, on_delete=models.PROTECT, related_name="+")
    post = models.CharField(pgettext_lazy("destination", "post"), max_length=100, blank=True)
    contract_start = models.DateField(_("contract start"), null=True, blank=True)
    is_partner = models.BooleanField(_("partner enterprise"), default=False, editable=False)
    is_placement_host = models.BooleanField(_("hosted the graduate's placement"), default=False,
                                            editable=False)
    in_province = models.BooleanField(_("in the school's province"), default=False,
                                      editable=False)
    evidence_kind = models.CharField(_("evidence"), max_length=10, choices=EvidenceKind.choices,
                                     blank=True)
    evidence = PolicyFileField(_("evidence file"), policy="document",
                               folder="insights/destinations", blank=True)
    verification = models.CharField(_("verification"), max_length=8,
                                    choices=Verification.choices, default=Verification.MISSING)
    verified_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("verified by"),
                                    null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+", editable=False)
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True, editable=False)
    note = models.CharField(_("note"), max_length=300, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = DestinationQuerySet.as_manager()

    class Meta:
        verbose_name = _("graduate destination")
        verbose_name_plural = _("graduate destinations")
        ordering = ["-graduation_year", "student__student_no"]
        indexes = [
            models.Index(fields=["school", "graduation_year", "group"],
                         name="destination_school_year"),
            models.Index(fields=["department", "graduation_year"],
                         name="destination_department_year"),
        ]

    def __str__(self) -> str:
        return f"{self.student} {self.graduation_year} {self.get_code_display()}"

    def save(self, *args, **kwargs):
        self.group = GROUP_OF_CODE[self.code]
        self.school_id = self.student.school_id
        self.department_id = self.student.department_id
        self.major_id = self.student.major_id
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        # Its pages are named ``destination_*`` (the dashboard links ``destination_list``).
        return reverse("insights:destination_detail", args=[self.pk])
