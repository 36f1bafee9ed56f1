"""The destination list runs a constant number of queries (pinned): ten times the rows do not
change the count of the page or of the API list."""

from itertools import count

import pytest

from chanchuang.core.choices import StudentStatus
from chanchuang.core.tests import factories as f
from chanchuang.core.tests.querycounts import assert_list_queries, pinned_lists
from chanchuang.insights.tests import factories as inf

# The page: session, user, memberships, unread notifications (4), then the row count and the
# rows (with graduate, login, department, major and employer), and the choices of the
# department and major filters. The API: session, user, memberships, count and rows.
PAGES = [
    ("insights:destination_list", "staff_wang", 8),
    ("insights:destination_list", "dept_zhou", 8),
]
API_LISTS = [("/api/v1/insights/destinations", 5)]
NUMBERS = count(10)


def _grow(world, n: int) -> None:
    """Add n graduates of the first department with a destination, some at enterprise A."""
    for _ in range(n):
        number = next(NUMBERS)
        student = f.StudentFactory(school_class=world.school_class, enrolment_year=2023,
                                   status=StudentStatus.GRADUATED,
                                   student_no=f"2023{number:06d}")
        inf.destination(student=student, employer=world.enterprise_a if number % 2 else None)


@pytest.mark.parametrize(("url", "who", "pinned"), pinned_lists(PAGES, API_LISTS))
def test_the_list_runs_a_constant_number_of_queries(client, world, url, who, pinned):
    client.force_login(getattr(world, who))
    assert_list_queries(client, url, pinned, grow=lambda n: _grow(world, n))
