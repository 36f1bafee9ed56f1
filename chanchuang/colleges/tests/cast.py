"""Colleges' part of the test cast: the 碳中和产业学院 of the school, built with enterprise A
(hr_li's organisation; enterprise B is not a member), an order class with student_liu, its
council with a meeting, decisions and a paper; co-developed work of enterprise A and of the
school; shared resources of the school and of enterprise A with bookings; reports; and the
other school's college with its objects (``*_far``). Built on first use from core's people."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import cached_property

from chanchuang.colleges.choices import (
    BookingStatus,
    ContributionKind,
    ContributionStatus,
    CouncilPost,
    ReportStatus,
)
from chanchuang.colleges.models import (
    AnnualReport,
    CouncilSeat,
    Decision,
    Meeting,
    MeetingPaper,
    Target,
)
from chanchuang.colleges.tests import factories as cf
from chanchuang.core.tests.factories import with_file


class CollegesCast:
    """Mixin of core's ``Cast``: the colleges objects of the world."""

    @cached_property
    def college(self):
        return cf.college(school=self.school, members=[self.enterprise_a],
                          agreement=self.agreement_a)

    @cached_property
    def college_far(self):
        return cf.college(school=self.other_school, name="远方产业学院", members=[self.org_far])

    @cached_property
    def college_programme(self):
        return cf.programme(college=self.college, students=[self.student_liu],
                            partner=self.enterprise_a)

    @cached_property
    def college_programme_far(self):
        return cf.programme(college=self.college_far, students=[self.student_far])

    @cached_property
    def council(self):
        return cf.council(college=self.college)

    @cached_property
    def council_far(self):
        return cf.council(college=self.college_far)

    @cached_property
    def council_seat(self):
        return CouncilSeat.objects.create(council=self.council, name="李建华",
                                          organisation=self.enterprise_a,
                                          post=CouncilPost.VICE_CHAIR,
                                          term_start=dt.date(2025, 9, 1),
                                          term_end=dt.date(2028, 8, 31))

    @cached_property
    def meeting(self):
        return Meeting.objects.create(council=self.council, title="第一次理事会",
                                      held_on=dt.date(2025, 10, 10), agenda="审议章程")

    @cached_property
    def meeting_far(self):
        return Meeting.objects.create(council=self.council_far, title="远方理事会",
                                      held_on=dt.date(2025, 10, 10))

    @cached_property
    def decision(self):
        return Decision.objects.create(meeting=self.meeting, text="制定实训基地建设方案",
                                       owner=self.staff_wang, due_on=dt.date(2026, 12, 31))

    @cached_property
    def decision_hr(self):
        return Decision.objects.create(meeting=self.meeting, text="提供企业讲师名单",
                                       owner=self.hr_li, due_on=dt.date(2026, 12, 20))

    @cached_property
    def decision_far(self):
        return Decision.objects.create(meeting=self.meeting_far, text="远方决议",
                                       owner=self.staff_far, due_on=dt.date(2026, 12, 31))

    @cached_property
    def meeting_paper(self):
        paper = MeetingPaper(meeting=self.meeting, original_name="会议纪要.pdf")
        return with_file(paper, "file", "minutes.pdf")

    @cached_property
    def meeting_paper_far(self):
        paper = MeetingPaper(meeting=self.meeting_far, original_name="纪要.pdf")
        return with_file(paper, "file", "minutes.pdf")

    @cached_property
    def contribution_a(self):
        return with_file(cf.contribution(college=self.college, organisation=self.enterprise_a,
                                         kind=ContributionKind.TRAINING, amount="20",
                                         title="企业员工碳管理培训"), "evidence", "证明.pdf")

    @cached_property
    def contribution_school(self):
        return cf.contribution(college=self.college, status=ContributionStatus.CONFIRMED)

    @cached_property
    def contribution_far(self):
        return with_file(cf.contribution(college=self.college_far, organisation=self.org_far),
                         "evidence", "证明.pdf")

    @cached_property
    def target(self):
        return Target.objects.create(college=self.college, year=2026, indicator="courses",
                                     value=Decimal(4))

    @cached_property
    def resource_school(self):
        return cf.resource(college=self.college)

    @cached_property
    def resource_a(self):
        return cf.resource(college=self.college, owner=self.enterprise_a, name="光伏实训基地")

    @cached_property
    def resource_far(self):
        return cf.resource(college=self.college_far, owner=self.org_far, name="远方实验室")

    @cached_property
    def booking_liu(self):
        return cf.booking(resource=self.resource_school, user=self.student_liu.user)

    @cached_property
    def booking_hr(self):
        return cf.booking(resource=self.resource_a, user=self.hr_li,
                          status=BookingStatus.APPROVED, start=dt.time(14, 0),
                          end=dt.time(16, 0))

    @cached_property
    def booking_far(self):
        return cf.booking(resource=self.resource_far, user=self.staff_far)

    @cached_property
    def report(self):
        return AnnualReport.objects.create(college=self.college, year=2026,
                                           summary="年度建设总体情况。")

    @cached_property
    def report_submitted(self):
        return AnnualReport.objects.create(college=self.college, year=2025,
                                           status=ReportStatus.SUBMITTED)

    @cached_property
    def report_far(self):
        return AnnualReport.objects.create(college=self.college_far, year=2025,
                                           status=ReportStatus.SUBMITTED)

    # --- Indicators and reports ---------------------------------------------------------------

    @cached_property
    def report_with_files(self):
        """A submitted report of the school's college with its PDF and Word document stored."""
        from django.core.files.base import ContentFile

        from chanchuang.core.tests.factories import TINY_PDF

        report = AnnualReport(college=self.college, year=2027, status=ReportStatus.SUBMITTED)
        report.pdf.save("report.pdf", ContentFile(TINY_PDF), save=False)
        report.docx.save("report.docx", ContentFile(b"PK\x03\x04word"), save=False)
        report.save()
        return report
    # --- colleges, governance, work (helper C) ------------------------------------------------

    @cached_property
    def college_member_a(self):
        return self.college.members.get(organisation=self.enterprise_a)

    @cached_property
    def college_member_far(self):
        return self.college_far.members.get(organisation=self.org_far)

    # --- resources: shared resources and bookings ------------------------------------------

    @property
    def resource_a_photo(self):
        return with_file(self.resource_a, "photo", "实训基地.png", self.tiny_png())

    @property
    def resource_far_photo(self):
        return with_file(self.resource_far, "photo", "实验室.png", self.tiny_png())
