"""Reports handed upward: the narrative staff write for the annual school–enterprise
partnership report (产教融合年度报告), and each build of a report (a background job with its
progress, who asked for it, the moment its data was read, and the files it produced)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from chanchuang.core.models import Linked, School
from chanchuang.core.visibility import Scope, VisibleQuerySet
from chanchuang.insights.choices import JobStatus, ReportKind


class SchoolStaffQuerySet(VisibleQuerySet):
    """Report material and builds: the school's staff (department staff read the dashboard,
    the school reports upward)."""

    def visibility(self, scope: Scope) -> Q:
        return Q(school_id__in=scope.staff_schools)


class PartnershipNarrative(Linked, models.Model):
    """The sections of one year's annual partnership report that staff write; the tables
    and charts between them are generated when the report is built."""

    school = models.ForeignKey(School, verbose_name=_("school"), on_delete=models.CASCADE,
                               related_name="partnership_narratives", editable=False)
    year = models.PositiveSmallIntegerField(_("year"))
    summary = models.TextField(_("overview"), blank=True)
    achievements = models.TextField(_("achievements and features"), blank=True)
    problems = models.TextField(_("problems"), blank=True)
    plans = models.TextField(_("plans for next year"), blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = SchoolStaffQuerySet.as_manager()

    class Meta:
        verbose_name = _("annual report narrative")
        verbose_name_plural = _("annual report narratives")
        ordering = ["school", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["school", "year"], name="narrative_once_a_year",
                                    violation_error_message=_("Year: the school already has "
                                                              "a narrative for this year.")),
        ]

    def __str__(self) -> str:
        return f"{self.school} {self.year}年度产教融合报告"


class ReportJob(Linked, models.Model):
    """One build of a report: queued, running with its progress, then done with its files
    (or failed with the reason). The files stay as built: a later build is a new job."""

    school = models.ForeignKey(School, verbose_name=_("school"), on_delete=models.CASCADE,
                               related_name="report_jobs", editable=False)
    kind = models.CharField(_("report"), max_length=12, choices=ReportKind.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(_("status"), max_length=8, choices=JobStatus.choices,
                              default=JobStatus.QUEUED, editable=False)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0, editable=False)
    message = models.CharField(_("message"), max_length=300, blank=True, editable=False)
    file = models.FileField(_("file"), upload_to="insights/reports", blank=True,
                            editable=False)
    docx = models.FileField(_("Word document"), upload_to="insights/reports", blank=True,
                            editable=False)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("requested by"),
                                     null=True, on_delete=models.SET_NULL, related_name="+",
                                     editable=False)
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    data_as_of = models.DateTimeField(_("data as of"), null=True, blank=True, editable=False,
                                      help_text=_("When the build read the records."))
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True,
                                       editable=False)

    objects = SchoolStaffQuerySet.as_manager()

    class Meta:
        verbose_name = _("report build")
        verbose_name_plural = _("report builds")
        ordering = ["-requested_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.year}"
