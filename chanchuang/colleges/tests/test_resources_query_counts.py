"""Shared-resource lists, the calendar's events, the utilisation and the to-dos run a constant
number of queries (pinned), whatever the number of resources and bookings."""

import datetime as dt
from functools import partial

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from chanchuang.colleges import todos
from chanchuang.colleges.choices import BookingStatus
from chanchuang.colleges.tests import factories as cf
from chanchuang.core.tests.querycounts import assert_list_queries, pinned_lists
from chanchuang.core.visibility import scope_of

# Every list page: session, user, memberships, unread notifications, row count, rows = 6; plus
# the filter's choice list (resources: colleges; bookings: resources). The utilisation: session,
# user, memberships, notifications, the resources, their approved bookings.
PAGES = [
    ("colleges:sharedresource_list", "staff_wang", 7),
    ("colleges:sharedresource_list", "hr_li", 7),
    ("colleges:booking_list", "staff_wang", 7),
    ("colleges:booking_list", "student_user", 7),
    ("colleges:sharedresource_utilisation", "staff_wang", 6),
]
# API lists: session, user, memberships, count, rows.
API_LISTS = [("/api/v1/shared-resources", 5), ("/api/v1/bookings", 5)]


def _grow(world, n: int) -> None:
    world.college_programme  # noqa: B018 — student_liu studies in the college
    for i in range(n):
        resource = cf.resource(college=world.college, owner=world.enterprise_a,
                               name=f"资源{cf.SharedResource.objects.count()}-{i}")
        cf.booking(resource=resource, user=world.hr_li, status=BookingStatus.APPROVED,
                   day=dt.date(2026, 12, 14))
        cf.booking(resource=resource, user=world.staff_wang, day=dt.date(2026, 12, 15))
        cf.booking(resource=resource, user=world.staff_wang, day=dt.date(2026, 11, 16),
                   status=BookingStatus.APPROVED)


@pytest.mark.parametrize(("url", "who", "pinned"), pinned_lists(PAGES, API_LISTS))
def test_list_query_count_is_constant(client, world, url, who, pinned):
    client.force_login(getattr(world, who))
    assert_list_queries(client, url, pinned, grow=partial(_grow, world))


def test_the_calendar_events_run_a_constant_number_of_queries(client, world):
    client.force_login(world.student_liu.user)
    url = reverse("colleges:sharedresource_events", args=[world.resource_a.pk])
    query = {"start": "2026-12-14T00:00:00+08:00", "end": "2026-12-21T00:00:00+08:00"}
    counts, made = [], 0
    for n in (1, 10):
        for _ in range(n):  # one hour each, on the week's five workdays (none overlapping)
            cf.booking(resource=world.resource_a, user=world.hr_li,
                       day=dt.date(2026, 12, 14) + dt.timedelta(days=made % 5),
                       start=dt.time(8 + made // 5), end=dt.time(9 + made // 5))
            made += 1
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url, query).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_the_booking_todos_run_a_constant_number_of_queries(world):
    counts = []
    for n in (1, 10):
        _grow(world, n)
        user = type(world.hr_li).objects.get(pk=world.hr_li.pk)
        with CaptureQueriesContext(connection) as queries:
            todos.booking_todos(user, scope_of(user))
        counts.append(len(queries))
    assert counts[0] == counts[1]
