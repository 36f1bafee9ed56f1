"""The home page of every role runs a constant number of queries however much is waiting: its
to-dos and figures come from every app's providers, each a fixed number of queries. (Here, at
the top of the apps, the test can grow what every app has waiting.)"""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

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
# head counts and the chart). Staff and enterprise members: + 1, the bookings of the shared
# resources they speak for (colleges/todos.py).
PINNED = [
    ("staff_wang", 17),
    ("dept_zhou", 10),
    ("hr_li", 14),
    ("mentor_chen", 13),
    ("student_liu", 17),  # her student record read once, with its login
    ("admin", 21),  # a school section for each of the two schools
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
