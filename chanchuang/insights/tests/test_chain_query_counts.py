"""The outcome chain reads a whole year (or cohort) in a fixed number of queries: one graduate
or many, each with a destination, a bootcamp team with a mentor and a credit, a placement and a
start-up, the page, its export and the API run the same queries."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from django.urls import reverse

from chanchuang.core.tests import factories as f
from chanchuang.core.tests.factories import credit_code
from chanchuang.core.tests.querycounts import assert_list_queries
from chanchuang.innovation.models import Credit, Startup
from chanchuang.innovation.tests import factories as innf
from chanchuang.insights.choices import DestinationCode, Verification
from chanchuang.insights.tests import factories as inf
from chanchuang.mentors.tests import factories as mf
from chanchuang.placements.models import Placement

SERIALS = itertools.count(600)

# The session, the user, their memberships (3); the years with destinations; for a cohort,
# the cohort; the chain: rows, participations, credits, appointments, placements, start-ups
# and the grouped employer counts (7; a cohort's members and their destinations are two, 8);
# the cohorts of the selector; the unread notifications of the page's shell.
YEAR_PAGE = 13
COHORT_PAGE = 15
# The API with a year asked for: the session, the user, the memberships and the chain (7).
YEAR_API = 10


def _grow(world):
    """A function adding ``n`` graduates of the first department with every link of the chain
    (and flags: an unverified contract, an unregistered shop, a start-up without licence)."""
    school_class = world.school_class
    cohort = world.cohort_running
    mentor = world.mentor_own
    mf.appointment(mentor=mentor)
    mentor_b = mf.mentor(school=world.school, name="第二导师")

    def grow(n: int) -> None:
        for _ in range(n):
            serial = next(SERIALS)
            student = f.StudentFactory(school_class=school_class,
                                       user=f.UserFactory(real_name=f"毕业生{serial}"))
            team = innf.team(innf.application(cohort, student, team_name=f"队{serial}"),
                             mentor=mentor if serial % 2 else mentor_b)
            Credit.objects.create(student=student, category="training", title="特训营",
                                  earned_on=dt.date(2027, 1, 15), credits=2, cohort=team.cohort)
            Placement.objects.create(student=student, position=world.position_a,
                                     start_date=dt.date(2026, 9, 1),
                                     end_date=dt.date(2027, 1, 10))
            code = credit_code(serial)
            startup = Startup.objects.create(school=world.school, name=f"创业{serial}有限公司",
                                             credit_code=code, registered_on=dt.date(2026, 5, 1))
            startup.founders.set([student])
            kind = serial % 3
            if kind == 0:
                inf.destination(student=student, employer=world.enterprise_a,
                                verification=Verification.MISSING)
            elif kind == 1:
                inf.destination(student=student, code=DestinationCode.OTHER_HIRE,
                                employer_name="某某小店")
            else:
                inf.destination(student=student, code=DestinationCode.STARTUP,
                                employer_name=startup.name, employer_credit_code=code)

    return grow


@pytest.mark.parametrize("who", ["staff_wang", "dept_zhou"])
def test_the_chain_of_a_year_runs_a_fixed_number_of_queries(client, world, who):
    client.force_login(getattr(world, who))
    world.destination_liu  # noqa: B018
    assert_list_queries(client, reverse("insights:chain") + "?graduation_year=2026",
                        YEAR_PAGE, grow=_grow(world))


def test_the_chain_of_a_cohort_runs_a_fixed_number_of_queries(client, world):
    client.force_login(world.staff_wang)
    assert_list_queries(client, reverse("insights:chain_cohort", args=[world.cohort_running.pk]),
                        COHORT_PAGE, grow=_grow(world))


def test_the_export_and_the_api_run_a_fixed_number_of_queries(client, world):
    client.force_login(world.staff_wang)
    grow = _grow(world)
    assert_list_queries(client, "/api/v1/insights/chain?graduation_year=2026", YEAR_API,
                        grow=grow)
    # The export: the chain and the audit entry (the first export also reads the content type
    # it is logged under, cached afterwards).
    url = reverse("insights:chain") + "?graduation_year=2026&export=xlsx"
    client.get(url)
    assert_list_queries(client, url, None, grow=grow)
