"""Innovation's part of the test cast. Cohort 4 of the school is open (student_liu applied alone,
student_ma with a team project; mentor_chen reviews ma's); cohort 3 runs (student_liu's team,
mentored by mentor_chen, and student_ma's, mentored by mentor_a); the other school has its own
cohort. Records and showcase: competitions, conversion-table lines, credits, start-ups,
exhibitions and showcase items of both schools. Built on first use from core's people
(core/tests/cast.py) and the mentors' cast."""

from __future__ import annotations

import datetime as dt
from functools import cached_property

from django.core.files.base import ContentFile
from django.utils import timezone

from chanchuang.core.tests.factories import credit_code
from chanchuang.innovation.choices import CohortPhase
from chanchuang.innovation.models import (
    Competition,
    Credit,
    CreditRule,
    Exhibition,
    Project,
    ShowcaseItem,
    Startup,
    Submission,
)
from chanchuang.innovation.tests import factories as inf
from chanchuang.mentors.tests import factories as mf


class InnovationCast:
    """Mixin of core's ``Cast`` (with the mentors' cast): the innovation objects of the world."""

    @cached_property
    def cohort(self):
        made = inf.cohort(self.school)
        made.reviewers.create(user=self.mentor_chen)
        made.reviewers.create(user=self.staff_wang)
        return made

    @cached_property
    def offer_chen(self):
        """mentor_chen offered to cohort 4."""
        return self.cohort.mentor_offers.create(mentor=self.mentor_own, capacity=2)

    @cached_property
    def offer_far(self):
        return self.cohort_far.mentor_offers.create(mentor=mf.mentor(
            school=self.other_school, name="远方导师"), capacity=2)

    @cached_property
    def cohort_far(self):
        return inf.cohort(self.other_school)

    @cached_property
    def programme(self):
        return self.cohort.programme

    @cached_property
    def programme_far(self):
        return self.cohort_far.programme

    @cached_property
    def criterion(self):
        return self.cohort.criteria.first()

    @cached_property
    def criterion_far(self):
        return self.cohort_far.criteria.first()

    @property
    def application_reviewed(self):
        """student_ma's application, once mentor_chen has it to review."""
        return self.review_chen.application

    @cached_property
    def member_liu(self):
        return self.team_liu.application.members.get()

    @cached_property
    def application_liu(self):
        return inf.application(self.cohort, self.student_liu)

    @cached_property
    def application_ma(self):
        return inf.application(self.cohort, self.student_ma, team_name="零碳小队",
                               project="校园碳足迹小程序")

    @cached_property
    def application_far(self):
        return inf.application(self.cohort_far, self.student_far)

    @cached_property
    def review_chen(self):
        return self.application_ma.reviews.create(reviewer=self.mentor_chen)

    @cached_property
    def cohort_running(self):
        return inf.cohort(self.school, number=3, phase=CohortPhase.RUNNING)

    @cached_property
    def team_liu(self):
        return inf.team(inf.application(
            self.cohort_running, self.student_liu, team_name="光伏先锋", project="阳台光伏"),
            mentor=self.mentor_own)

    @cached_property
    def team_ma(self):
        return inf.team(inf.application(
            self.cohort_running, self.student_ma, team_name="味道实验室", project="预制菜"),
            mentor=self.mentor_a)

    @cached_property
    def session(self):
        return inf.session(self.cohort_running, mentor=self.mentor_own)

    @cached_property
    def milestone(self):
        return self.cohort_running.milestones.create(title="商业计划书",
                                                     due_on=dt.date(2026, 12, 20))

    @cached_property
    def submission_liu(self):
        return Submission.objects.create(milestone=self.milestone, team=self.team_liu,
                                         content="完成了用户访谈", submitted_by=self.student_user)

    # Records and showcase: a competition and a line of the conversion table; credits of
    # student_liu and student_ma; a start-up founded by student_ma; an exhibition with ma's
    # project proposed (not yet consented); the other school's credit.

    @cached_property
    def competition(self):
        return Competition.objects.create(school=self.school, name="“互联网+”大学生创新创业大赛",
                                          level="provincial", year=2026)

    @cached_property
    def credit_rule(self):
        return CreditRule.objects.create(school=self.school, category="competition",
                                          level="provincial", award="一等奖", credits=4)

    def _credit(self, student, title):
        return Credit.objects.create(student=student, category="competition", title=title,
                                     earned_on=dt.date(2026, 10, 20), credits=4, award="一等奖")

    @cached_property
    def credit_liu(self):
        return self._credit(self.student_liu, "省赛一等奖")

    @cached_property
    def credit_ma(self):
        return self._credit(self.student_ma, "省赛一等奖")

    @cached_property
    def credit_far(self):
        return self._credit(self.student_far, "远方的奖")

    @cached_property
    def startup(self):
        made = Startup.objects.create(school=self.school, name="江城零碳科技有限公司",
                                      credit_code="91420100MA4K0001XK",
                                      registered_on=dt.date(2026, 9, 1))
        made.founders.set([self.student_ma])
        return made

    @cached_property
    def exhibition(self):
        return Exhibition.objects.create(school=self.school, name="2026届毕业设计展",
                                         held_on=dt.date(2026, 6, 10))

    @cached_property
    def showcase_item(self):
        return ShowcaseItem.objects.create(school=self.school, project=self.application_ma.project,
                                           exhibition=self.exhibition, title="校园碳足迹小程序",
                                           summary="记录每个人的碳足迹。")

    # The other school's competition, conversion-table line, start-up, exhibition and item; an
    # item of student_liu's own project (liu and ma share it); an item of ma's project that the
    # team consented to and staff published.

    @cached_property
    def competition_far(self):
        return Competition.objects.create(school=self.other_school, name="远方创业大赛",
                                          level="school", year=2026)

    @cached_property
    def credit_rule_far(self):
        return CreditRule.objects.create(school=self.other_school, category="certificate",
                                         credits=1)

    @cached_property
    def startup_far(self):
        made = Startup.objects.create(school=self.other_school, name="汉水建工科技有限公司",
                                      credit_code=credit_code(901),
                                      registered_on=dt.date(2026, 5, 1))
        made.founders.set([self.student_far])
        return made

    @cached_property
    def exhibition_far(self):
        return Exhibition.objects.create(school=self.other_school, name="远方作品展",
                                         held_on=dt.date(2026, 6, 1))

    @cached_property
    def showcase_item_far(self):
        project = Project.objects.create(school=self.other_school, title="智慧工地")
        project.students.set([self.student_far])
        return ShowcaseItem.objects.create(school=self.other_school, project=project,
                                           exhibition=self.exhibition_far, title="智慧工地",
                                           summary="远方的项目。")

    @cached_property
    def project_liu(self):
        made = Project.objects.create(school=self.school, title="阳台光伏")
        made.students.set([self.student_liu, self.student_ma])
        return made

    @cached_property
    def showcase_item_liu(self):
        return ShowcaseItem.objects.create(school=self.school, project=self.project_liu,
                                           exhibition=self.exhibition, title="阳台光伏",
                                           summary="把阳台变成小电站。")

    @cached_property
    def showcase_item_published(self):
        project = Project.objects.create(school=self.school, title="智能点餐")
        project.students.set([self.student_ma])
        made = ShowcaseItem.objects.create(
            school=self.school, project=project, exhibition=self.exhibition, title="智能点餐",
            summary="扫码点餐，少排队。", display_names="马超", consent_by=self.student_ma,
            consent_at=timezone.now(), published_at=timezone.now())
        made.image.save("showcase.png", ContentFile(self.tiny_png()), save=True)
        return made
