"""Insights' part of the test cast: the graduate destinations of student_liu (first
department, hired by enterprise A), student_ma (second department, awaiting employment) and
student_far (the other school); the school's annual report narrative and a finished report
build, and the other school's (``*_far``). Built on first use from core's people."""

from __future__ import annotations

from functools import cached_property

from chanchuang.insights.choices import DestinationCode, ReportKind, Verification
from chanchuang.insights.models import PartnershipNarrative, ReportJob
from chanchuang.insights.tests import factories as inf


class InsightsCast:
    """Mixin of core's ``Cast``: the insights objects of the world."""

    @cached_property
    def destination_liu(self):
        return inf.destination(student=self.student_liu, employer=self.enterprise_a)

    @cached_property
    def destination_ma(self):
        return inf.destination(student=self.student_ma, code=DestinationCode.SEEKING,
                               employer_name="", verification=Verification.MISSING,
                               contract_start=None)

    @cached_property
    def destination_far(self):
        return inf.destination(student=self.student_far, employer_name="汉水建工集团有限公司")

    @cached_property
    def narrative(self):
        return PartnershipNarrative.objects.create(school=self.school, year=2026,
                                                   summary="本年度新签合作协议12份。")

    @cached_property
    def narrative_far(self):
        return PartnershipNarrative.objects.create(school=self.other_school, year=2026)

    @cached_property
    def report_job(self):
        return ReportJob.objects.create(school=self.school, kind=ReportKind.DESTINATIONS,
                                        year=2026, requested_by=self.staff_wang)

    @cached_property
    def report_job_far(self):
        return ReportJob.objects.create(school=self.other_school, kind=ReportKind.DESTINATIONS,
                                        year=2026, requested_by=self.staff_far)

    # --- province ------------------------------------------------------------------------------

    @cached_property
    def school_hunan(self):
        """A college of another province (湖南): foreign to observer_hubei."""
        from chanchuang.core.tests import factories as f

        return f.SchoolFactory(name="湘江职业技术学院", province_id="430000")

    # --- reports ---------------------------------------------------------------------------

    @cached_property
    def report_job_done(self):
        """A finished build of the school's destination list, with its workbook."""
        from django.core.files.base import ContentFile
        from django.utils import timezone

        from chanchuang.insights.choices import JobStatus

        job = ReportJob.objects.create(school=self.school, kind=ReportKind.DESTINATIONS,
                                       year=2025, requested_by=self.staff_wang,
                                       status=JobStatus.DONE, progress=100,
                                       data_as_of=timezone.now(), finished_at=timezone.now())
        job.file.save(f"destinations-{job.pk}.xlsx", ContentFile(b"PK\x03\x04 workbook"))
        return job

    @cached_property
    def report_job_done_far(self):
        """The other school's finished build, with its workbook."""
        from django.core.files.base import ContentFile

        from chanchuang.insights.choices import JobStatus

        job = ReportJob.objects.create(school=self.other_school, kind=ReportKind.DESTINATIONS,
                                       year=2025, requested_by=self.staff_far,
                                       status=JobStatus.DONE, progress=100)
        job.file.save(f"destinations-far-{job.pk}.xlsx", ContentFile(b"PK\x03\x04 workbook"))
        return job
