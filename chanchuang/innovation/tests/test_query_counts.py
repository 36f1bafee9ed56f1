"""Innovation lists run a constant number of queries (pinned): growing every list tenfold does
not change the count of a page or an API list."""

import datetime as dt
from decimal import Decimal
from functools import partial
from itertools import count

import pytest
from django.urls import reverse
from django.utils import timezone

from chanchuang.core.tests import factories as f
from chanchuang.core.tests.querycounts import assert_list_queries, pinned_lists
from chanchuang.innovation.choices import CohortPhase
from chanchuang.innovation.models import (
    Competition,
    Credit,
    CreditRule,
    Exhibition,
    ShowcaseItem,
    Startup,
)
from chanchuang.innovation.tests import factories as inf

# Every page: session, user, memberships, unread notifications, row count, rows = 6, plus what
# the page's filter lists (cohorts, departments, exhibitions…), its totals (start-ups) and
# prefetches (members, founders); a student's own lists find the student first, a reviewer's
# and a student's own lists are not paged (no count).
PAGES = [
    ("innovation:programme_list", "staff_wang", 6),
    ("innovation:cohort_list", "staff_wang", 7),
    ("innovation:cohort_list", "student_user", 7),
    ("innovation:application_list", "staff_wang", 8),
    ("innovation:my_applications", "student_user", 7),
    ("innovation:my_reviews", "mentor_chen", 5),
    ("innovation:team_list", "staff_wang", 6),
    ("innovation:team_list", "mentor_chen", 6),
    ("innovation:credit_list", "staff_wang", 6),
    ("innovation:creditrule_list", "staff_wang", 6),
    ("innovation:competition_list", "staff_wang", 6),
    ("innovation:startup_list", "staff_wang", 9),
    ("innovation:exhibition_list", "staff_wang", 6),
    ("innovation:showcaseitem_list", "staff_wang", 7),
]
# API lists: session, user, memberships, count, rows (+ prefetched members and their students).
API_LISTS = [
    ("/api/v1/cohorts", 5),
    ("/api/v1/applications", 7),
    ("/api/v1/reviews", 5),
    ("/api/v1/teams", 8),
    ("/api/v1/credits", 5),
    ("/api/v1/startups", 6),
    ("/api/v1/competitions", 5),
    ("/api/v1/showcase-items", 5),
]
NUMBERS = count(10)


def _grow(world, n: int) -> None:
    """Add n of everything the lists show, in world's school, touching the people each role
    sees: applications of student_liu's cohorts reviewed by mentor_chen, teams mentored by him."""
    for _ in range(n):
        number = next(NUMBERS)
        cohort = inf.cohort(world.school, number=number, phase=CohortPhase.RUNNING)
        cohort.reviewers.create(user=world.mentor_chen)
        students = [f.StudentFactory(school_class=world.school_class) for _seat in range(2)]
        application = inf.application(cohort, world.student_liu, *students,
                                      team_name=f"团队{number}", project=f"项目{number}")
        application.reviews.create(reviewer=world.mentor_chen)
        team = inf.team(application, mentor=world.mentor_own)
        competition = Competition.objects.create(school=world.school, name=f"大赛{number}",
                                                 level="provincial", year=2026)
        CreditRule.objects.create(school=world.school, category="competition",
                                  level="provincial", award=f"{number}等奖",
                                  credits=Decimal(2))
        Credit.objects.create(student=students[0], category="competition", title=f"奖{number}",
                              earned_on=dt.date(2026, 10, 20), credits=Decimal(2),
                              competition=competition, project=team.project)
        startup = Startup.objects.create(school=world.school, name=f"创业公司{number}",
                                         credit_code=f.credit_code(500 + number),
                                         registered_on=dt.date(2026, 9, 1))
        startup.founders.set(students)
        exhibition = Exhibition.objects.create(school=world.school, name=f"作品展{number}",
                                               held_on=dt.date(2026, 6, 10))
        ShowcaseItem.objects.create(
            school=world.school, project=team.project, exhibition=exhibition,
            title=f"项目{number}", summary="简介", display_names="刘欣怡",
            consent_by=world.student_liu, consent_at=timezone.now(),
            published_at=timezone.now())


@pytest.mark.parametrize(("url", "who", "pinned"), pinned_lists(PAGES, API_LISTS))
def test_list_query_count_is_constant(client, world, url, who, pinned):
    client.force_login(getattr(world, who))
    assert_list_queries(client, url, pinned, grow=partial(_grow, world))


def test_public_showcase_query_count_is_constant(client, world):
    url = reverse("innovation:showcase", args=[world.school.code])
    assert_list_queries(client, url, None, grow=partial(_grow, world))


def test_mentor_match_page_query_count_is_constant(client, world):
    """The match page of a cohort: session, user, memberships, notifications, the cohort and
    its programme, teams, their choices, the mentors' names for the explanations, the offers
    with what each mentor took = 10."""
    cohort = world.cohort_running
    cohort.mentor_offers.create(mentor=world.mentor_own, capacity=20)

    def grow(n):
        for _ in range(n):
            student = f.StudentFactory(school_class=world.school_class)
            team = inf.team(inf.application(cohort, student, team_name=f"队{student.pk}"))
            team.mentor_choices.create(mentor=world.mentor_own, rank=1)
        inf.mentor_match(cohort, world.staff_wang, seed=1)

    client.force_login(world.staff_wang)
    url = reverse("innovation:cohort_match", args=[cohort.pk])
    assert_list_queries(client, url, 10, grow=grow)
