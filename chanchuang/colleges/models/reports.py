"""The industry college's annual construction report (年度建设报告): narrative sections staff
write, with indicator tables and charts generated from the records when it is built (a
background task) as a PDF and as an editable Word document; submitted to the province, whose
observers acknowledge receipt."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from chanchuang.colleges.choices import ReportStatus
from chanchuang.colleges.models.colleges import IndustryCollege, college_insiders
from chanchuang.core.models import Linked
from chanchuang.core.visibility import Scope, VisibleQuerySet


class AnnualReportQuerySet(VisibleQuerySet):
    """Reports: the college's insiders; the observers of its province once it is submitted."""

    def visibility(self, scope: Scope) -> Q:
        return college_insiders(scope, "college") | (
            Q(college__school__province_id__in=scope.observer_provinces)
            & ~Q(status=ReportStatus.DRAFT))


class AnnualReport(Linked, models.Model):
    """One year's construction report of an industry college."""

    college = models.ForeignKey(IndustryCollege, verbose_name=_("industry college"),
                                on_delete=models.CASCADE, related_name="reports")
    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(_("status"), max_length=10, choices=ReportStatus.choices,
                              default=ReportStatus.DRAFT)
    summary = models.TextField(_("overview"), blank=True)
    achievements = models.TextField(_("achievements and features"), blank=True)
    problems = models.TextField(_("problems"), blank=True)
    plans = models.TextField(_("plans for next year"), blank=True)
    pdf = models.FileField(_("PDF"), upload_to="colleges/reports", blank=True, editable=False)
    docx = models.FileField(_("Word document"), upload_to="colleges/reports", blank=True,
                            editable=False)
    build_progress = models.PositiveSmallIntegerField(_("build progress (%)"), default=0,
                                                      editable=False)
    build_message = models.CharField(_("build message"), max_length=300, blank=True,
                                     editable=False)
    building = models.BooleanField(_("being built"), default=False, editable=False)
    built_at = models.DateTimeField(_("built at"), null=True, blank=True, editable=False)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True,
                                        editable=False)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("submitted by"),
                                     null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+", editable=False)
    received_at = models.DateTimeField(_("received at"), null=True, blank=True, editable=False)
    received_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("received by"),
                                    null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+", editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = AnnualReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("annual construction report")
        verbose_name_plural = _("annual construction reports")
        ordering = ["college", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["college", "year"], name="annual_report_once_a_year",
                                    violation_error_message=_("Year: the college already has "
                                                              "a report for this year.")),
        ]

    def __str__(self) -> str:
        return f"{self.college} {self.year}年度建设报告"

    @property
    def school_id(self) -> int:
        return self.college.school_id
