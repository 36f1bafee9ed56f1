"""The home page of every role runs a constant number of queries however much is waiting: its
to-dos and figures come from every app's providers, each a fixed number of queries. (Here, at
the top of the apps, the test can grow what every app has waiting.)"""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from chanchuang.colleges.choices import BookingStatus, ContributionKind, ReportStatus
from chanchuang.colleges.models import AnnualReport, Decision, IndustryCollege
from chanchuang.colleges.tests import factories as college_factories
from chanchuang.core.tests import factories as f
from chanchuang.core.tests.querycounts import assert_list_queries
from chanchuang.innovation.choices import CohortPhase
from chanchuang.innovation.models import Submission
from chanchuang.innovation.tests import factories as innovation_factories
from chanchuang.mentors.tests import factories as mentor_factories
from chanchuang.partners.tests import factories as partner_factories
from chanchuang.placements.choices import PlacementStatus
from chanchuang.placements.models import Log, Placement, Preference
from chanchuang.placements.tests import factories as placement_factories

# Every home: session, user, memberships, unread notifications = 4; then per role what its
# providers and figures read (see each app's todos.py), and the staff's school section (four
# head counts and the chart). The industry colleges (colleges/todos.py) add, for staff, their
# decisions, the work awaiting confirmation and returned to them, the bookings of the resources
# they speak for and the reports to submit (5); for department staff their decisions; for
# enterprise members their decisions, returned work and their organisation's bookings. Talent's
# supply adds, for staff, department staff and admins, the certificates awaiting a check (1).
# Insights' destinations add, for school staff and admins, those awaiting verification (1).
PINNED = [
    ("staff_wang", 24),
    ("dept_zhou", 13),
    ("hr_li", 17),
    ("mentor_chen", 13),
    ("student_liu", 17),  # her student record read once, with its login
    ("admin", 28),  # a school section for each of the two schools
]


class Growth:
    """Adds, each time it is called, one more of everything that waits for someone."""

    def __init__(self, world) -> None:
        self.world = world
        self.round = world.round_open
        self.reviewing = innovation_factories.cohort(world.school, number=5,
                                                     phase=CohortPhase.REVIEWING)
        self.serial = 0

    def __call__(self, n: int) -> None:
        world = self.world
        for _ in range(n):
            self.serial += 1
            student = f.StudentFactory(school_class=world.school_class)
            Preference.objects.create(round=self.round, student=student,
                                      position=world.position_a, rank=1)
            placement = Placement.objects.create(
                student=student, position=world.position_a, status=PlacementStatus.CONFIRMED,
                start_date=placement_factories.ENTERPRISE_BLOCK[0],
                end_date=placement_factories.ENTERPRISE_BLOCK[1], mentor_email="chen@example.cn")
            Log.objects.create(placement=placement, period_start=placement.start_date,
                               period_end=placement.start_date + dt.timedelta(days=6),
                               content="第一周：熟悉岗位与安全规程。")
            partner_factories.agreement(
                school=world.school, organisation=world.enterprise_a,
                type=world.agreement_type, number=f"G-{self.serial}",
                end=timezone.localdate() + dt.timedelta(days=30))
            mentor_factories.appointment(mentor=world.mentor_a, status="proposed")
            mentor_factories.activity(mentor=world.mentor_own, hours="2",
                                      day=timezone.localdate())
            application = innovation_factories.application(self.reviewing, student)
            application.reviews.create(reviewer=world.mentor_chen)
            team = innovation_factories.team(innovation_factories.application(
                world.cohort_running, student), mentor=world.mentor_own)
            Submission.objects.create(milestone=world.milestone, team=team, content="访谈记录")
            Submission.objects.filter(team=team).update(submitted_at=timezone.now())
            self.grow_colleges(student)

    def grow_colleges(self, student) -> None:
        """One more of what waits in the industry colleges: decisions owned by staff, the
        department and the enterprise member, work to confirm and returned, a booking to approve
        and a slot to record, a college whose last year's report is due, a report to receive."""
        world = self.world
        for owner in (world.staff_wang, world.dept_zhou, world.hr_li):
            Decision.objects.create(meeting=world.meeting, text=f"决议{self.serial}",
                                    owner=owner, due_on=timezone.localdate())
        college_factories.contribution(college=world.college, organisation=world.enterprise_a,
                                       title=f"课程{self.serial}")
        returned = college_factories.contribution(
            college=world.college, organisation=world.enterprise_a,
            kind=ContributionKind.TRAINING, status="returned", title=f"培训{self.serial}")
        returned.recorded_by = world.hr_li
        returned.save()
        day = timezone.localdate()
        for resource, status in ((world.resource_school, BookingStatus.PENDING),
                                 (world.resource_a, BookingStatus.APPROVED)):
            college_factories.booking(resource=resource, user=student.user, status=status,
                                      day=day - dt.timedelta(days=7 * self.serial))
        college = IndustryCollege.objects.create(
            school=world.school, name=f"产业学院{self.serial}", founded_on=dt.date(2024, 9, 1))
        AnnualReport.objects.create(college=college, year=day.year - 1,
                                    status=ReportStatus.SUBMITTED)


@pytest.fixture
def grow(world):
    world.mentor_own.email = "chen@example.cn"
    world.mentor_own.save()
    Placement.objects.filter(pk=world.placement_liu.pk).update(
        status=PlacementStatus.CONFIRMED)
    return Growth(world)


@pytest.mark.parametrize(("who", "pinned"), PINNED)
def test_home_query_count_is_constant_whatever_is_waiting(client, world, grow, who, pinned):
    client.force_login(getattr(world, who) if who != "student_liu" else world.student_user)
    assert_list_queries(client, reverse("core:home"), pinned, grow=grow)
