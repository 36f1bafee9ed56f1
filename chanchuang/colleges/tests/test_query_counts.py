"""The colleges lists of colleges, governance and work run a constant number of queries
(pinned): ten times the rows do not change the count of a page, an API list or the college
page."""

import datetime as dt
from decimal import Decimal
from functools import partial
from itertools import count

import pytest
from django.urls import reverse

from chanchuang.colleges.choices import ContributionStatus
from chanchuang.colleges.models import (
    CollegeMember,
    Contribution,
    CouncilSeat,
    Decision,
    Meeting,
)
from chanchuang.colleges.tests import factories as cf
from chanchuang.core.tests import factories as f
from chanchuang.core.tests.querycounts import assert_list_queries, pinned_lists

# Every page: session, user, memberships, unread notifications, row count, rows = 6, plus what
# the filters list (colleges, councils, organisations) and the prefetches (members, majors).
PAGES = [
    ("colleges:industrycollege_list", "staff_wang", 9),
    ("colleges:industrycollege_list", "hr_li", 9),
    ("colleges:collegeprogramme_list", "staff_wang", 7),
    ("colleges:council_list", "staff_wang", 7),
    ("colleges:councilseat_list", "staff_wang", 7),
    ("colleges:meeting_list", "staff_wang", 7),
    ("colleges:decision_list", "hr_li", 6),
    ("colleges:contribution_list", "staff_wang", 8),
    ("colleges:contribution_list", "hr_li", 8),
]
# API lists: session, user, memberships, count, rows (+ their prefetches).
API_LISTS = [
    ("/api/v1/colleges", 8),
    ("/api/v1/college-programmes", 6),
    ("/api/v1/councils", 6),
    ("/api/v1/meetings", 7),
    ("/api/v1/decisions", 5),
    ("/api/v1/contributions", 5),
]
NUMBERS = count(10)


def _grow(world, n: int) -> None:
    """Add n of everything the lists show to the school's college (enterprise A's records and
    decisions, so hr_li sees them too) and to new colleges of the school."""
    for _ in range(n):
        number = next(NUMBERS)
        organisation = f.OrganisationFactory(school=world.school, name=f"成员企业{number}")
        college = cf.college(school=world.school, name=f"产业学院{number}",
                             members=[world.enterprise_a, organisation])
        college.majors.add(world.major)
        CollegeMember.objects.create(college=world.college, organisation=organisation)
        cf.programme(college=world.college, name=f"订单班{number}",
                     students=[world.student_liu])
        council = cf.council(college=world.college, name=f"理事会{number}")
        CouncilSeat.objects.create(council=council, name=f"理事{number}",
                                   organisation=world.enterprise_a,
                                   term_start=dt.date(2026, 1, 1), term_end=dt.date(2028, 1, 1))
        meeting = Meeting.objects.create(council=council, title=f"会议{number}",
                                         held_on=dt.date(2026, 3, 1))
        Decision.objects.create(meeting=meeting, text=f"决议{number}", owner=world.hr_li,
                                due_on=dt.date(2026, 12, 31))
        Contribution.objects.create(
            college=world.college, kind="service", title=f"技术服务{number}",
            organisation=world.enterprise_a, client=organisation,
            happened_on=dt.date(2026, 3, 1), amount=Decimal(3),
            status=ContributionStatus.CONFIRMED)


@pytest.mark.parametrize(("url", "who", "pinned"), pinned_lists(PAGES, API_LISTS))
def test_list_query_count_is_constant(client, world, url, who, pinned):
    client.force_login(getattr(world, who))
    assert_list_queries(client, url, pinned, grow=partial(_grow, world))


@pytest.mark.parametrize("who", ["staff_wang", "hr_li", "student_user"])
def test_the_college_page_query_count_is_constant(client, world, who):
    client.force_login(getattr(world, who))
    url = reverse("colleges:industrycollege_detail", args=[world.college.pk])
    assert_list_queries(client, url, None, grow=partial(_grow, world))
