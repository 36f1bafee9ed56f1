"""Mentors lists run a constant number of queries (pinned)."""

import pytest
from django.urls import reverse

from chanchuang.core.models import Tag
from chanchuang.core.tests import factories as f
from chanchuang.mentors.tests import factories as mf
from conftest import queries_of_get

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


@pytest.mark.parametrize(("route", "who", "pinned"), PAGES)
def test_list_page_query_count_is_constant(client, world, route, who, pinned):
    client.force_login(getattr(world, who))
    _grow(world, 1)
    few = queries_of_get(client, reverse(route))
    _grow(world, 10)
    assert (few, queries_of_get(client, reverse(route))) == (pinned, pinned)


@pytest.mark.parametrize(("url", "pinned"), API_LISTS)
def test_api_list_query_count_is_constant(client, world, url, pinned):
    client.force_login(world.staff_wang)
    _grow(world, 1)
    few = queries_of_get(client, url)
    _grow(world, 10)
    assert (few, queries_of_get(client, url)) == (pinned, pinned)
