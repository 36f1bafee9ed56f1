"""Mentors lists run a constant number of queries (pinned)."""

from functools import partial

import pytest

from chanchuang.core.models import Tag
from chanchuang.core.tests import factories as f
from chanchuang.core.tests.querycounts import assert_list_queries, pinned_lists
from chanchuang.mentors.tests import factories as mf

# Every page: session, user, memberships, unread notifications, row count, rows = 6; plus the
# filter's choice lists (mentors: organisation and expertise; appointments: title) and the
# mentors' prefetched expertise.
PAGES = [
    ("mentors:mentor_list", "staff_wang", 9),
    ("mentors:mentor_list", "student_user", 9),
    ("mentors:appointment_list", "staff_wang", 7),
    ("mentors:appointment_list", "hr_li", 7),
    ("mentors:appointmenttitle_list", "staff_wang", 6),
]
# API lists: session, user, memberships, count, rows (+ the mentors' expertise, prefetched).
API_LISTS = [("/api/v1/mentors", 6), ("/api/v1/appointments", 5)]


def _grow(world, n: int) -> None:
    for _ in range(n):
        organisation = f.OrganisationFactory(school=world.school)
        mentor = mf.mentor(school=world.school, name="导师", organisation=organisation)
        mentor.expertise.add(Tag.objects.create(school=world.school,
                                                name=f"专长{organisation.pk}"))
        mf.appointment(mentor=mentor)
        mf.appointment(mentor=mf.mentor(school=world.school, name="同事",
                                        organisation=world.enterprise_a))


@pytest.mark.parametrize(("url", "who", "pinned"), pinned_lists(PAGES, API_LISTS))
def test_list_query_count_is_constant(client, world, url, who, pinned):
    client.force_login(getattr(world, who))
    assert_list_queries(client, url, pinned, grow=partial(_grow, world))
